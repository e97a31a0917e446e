// Timetable changes for a day: cancel a lesson and remove the change; a substitution by a busy teacher clashes.
import { account, apiAs, expect, expectAccessible, openFromNav, scrollsSideways, signIn, test } from './fixtures';

interface WeekLesson {
  date: string;
  lesson_number: number;
  status: string;
  entry_id: number | null;
  teacher: { id: number } | null;
}

interface Person {
  id: number;
  first_name: string;
  last_name: string;
}

/** Today in Warsaw, as the server counts days. */
const warsawToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());

const plusDays = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

test('the office cancels a lesson, removes the change, and a busy substitute is refused', async ({ page }) => {
  const admin = account('admin');
  const call = await apiAs(admin);
  const me = await call<{ school: { id: number } }>('GET', '/me');
  const schoolId = me.json.school.id;
  const teachers = (await call<{ items: Person[] }>('GET', `/schools/${schoolId}/users?role=teacher`)).json.items;

  // A future school day with a planned lesson; best one where another teacher teaches at the same time.
  let date = '';
  let target: WeekLesson | null = null;
  let busy: Person | null = null;
  for (let ahead = 1; ahead < 28 && !busy; ahead++) {
    const day = plusDays(warsawToday(), ahead);
    const { status, json } = await call<{ days: { date: string; lessons: WeekLesson[] }[] }>(
      'GET',
      `/schools/${schoolId}/week?week=${day}`,
    );
    expect(status).toBe(200);
    const lessons = (json.days.find((d) => d.date === day)?.lessons ?? []).filter(
      (l) => l.status === 'planned' && l.entry_id && l.teacher,
    );
    for (const l of lessons) {
      const other = lessons.find(
        (o) =>
          o.lesson_number === l.lesson_number &&
          o.teacher!.id !== l.teacher!.id &&
          teachers.some((u) => u.id === o.teacher!.id),
      );
      if (!target) {
        date = day;
        target = l;
      }
      if (other) {
        date = day;
        target = l;
        busy = teachers.find((u) => u.id === other.teacher!.id) ?? null;
        break;
      }
    }
  }
  expect(target, 'a planned lesson on a coming school day').not.toBeNull();

  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, admin);
  await openFromNav(page, 'Zmiany w planie');
  await expectAccessible(page, 'the timetable changes page');
  await page.getByLabel('Dzień', { exact: true }).fill(date);
  await expect(page).toHaveURL(new RegExp(`date=${date}`));
  const card = page.locator(`[data-testid="change-lesson"][data-entry="${target!.entry_id}"]`);
  await expect(card).toContainText('Zgodnie z planem');
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, "a school day's lessons");

  // The day may hold other changes (the demo's substitutions for the coming days): the changes of this lesson.
  const what = ((await card.getByRole('button', { name: /^Odwołaj:/ }).getAttribute('aria-label')) ?? '').slice(
    'Odwołaj: '.length,
  );
  const escaped = what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const changesOfLesson = page
    .getByTestId('changes-table')
    .getByRole('button', { name: new RegExp(`^Usuń zmianę \\(.*\\): ${escaped}$`) });

  // Cancel it with a note: it shows as cancelled and the change is listed.
  await card.getByRole('button', { name: /^Odwołaj:/ }).click();
  await card.getByLabel(/^Uwaga do lekcji/).fill('Wycieczka klasowa');
  await expectAccessible(page, 'the cancellation form');
  await card.getByRole('button', { name: 'Odwołaj lekcję' }).click();
  await expect(page.getByTestId('changes-message')).toContainText('Zapisano zmianę');
  await expect(card).toContainText('Odwołana');
  await expect(card).toContainText('Wycieczka klasowa');
  const table = page.getByTestId('changes-table');
  await expect(table).toContainText('Odwołanie lekcji');
  await expectAccessible(page, 'the day with a cancelled lesson');

  // Remove the change: the lesson is as planned again.
  await expect(changesOfLesson).toHaveCount(1);
  page.once('dialog', (dialog) => void dialog.accept());
  await changesOfLesson.click();
  await expect(page.getByTestId('changes-message')).toContainText('Usunięto zmianę');
  await expect(card).toContainText('Zgodnie z planem');
  await expect(changesOfLesson).toHaveCount(0);

  await card.getByRole('button', { name: /^Zastępstwo:/ }).click();
  const substitute = card.getByLabel('Nauczyciel zastępujący');
  if (busy) {
    // A teacher who teaches another class at that time: the server's clash message shows at the field.
    await substitute.selectOption({ label: `${busy.last_name} ${busy.first_name}` });
    await card.getByRole('button', { name: 'Zapisz zastępstwo' }).click();
    await expect(substitute).toHaveAttribute('aria-invalid', 'true');
    await expect(card.locator('#change_first_' + target!.entry_id + '-error')).not.toBeEmpty();
    await expect(substitute).toBeFocused();
    await expectAccessible(page, 'a refused substitution');
    await expect(changesOfLesson).toHaveCount(0);
  } else {
    const free = teachers.find((u) => u.id !== target!.teacher!.id)!;
    await substitute.selectOption({ label: `${free.last_name} ${free.first_name}` });
    await card.getByRole('button', { name: 'Zapisz zastępstwo' }).click();
    await expect(card).toContainText('Zastępstwo');
    page.once('dialog', (dialog) => void dialog.accept());
    await changesOfLesson.click();
    await expect(changesOfLesson).toHaveCount(0);
  }
});
