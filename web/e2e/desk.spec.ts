// The desk (biurko), a family's home page: the chosen child's lessons today and on the next school day, the grades new
// since the grades page was opened, the unexcused absences, the tests and homework ahead, the unread messages and
// announcements, and the lucky number — each as the API says, on a phone — and homework set meanwhile shows at once.
import type { Excuse, Week } from '../src/api';
import type { DatedList, Homework, SchoolEvent } from '../src/communication/types';
import type { StudentGrades } from '../src/grades/types';
import {
  account,
  apiAs,
  expect,
  expectAccessible,
  homeroomFamily,
  scrollsSideways,
  signIn,
  test,
  unique,
  warsawToday,
} from './fixtures';

const shift = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const monday = (date: string) => shift(date, -((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7));

test("a parent's desk shows the child's day, news and what is due, and homework set meanwhile at once", async ({
  page,
}) => {
  const family = await homeroomFamily();
  const call = await apiAs(family.parent);
  const child = family.child;
  const today = warsawToday();

  // What the desk should say, from the API.
  const weeks = await Promise.all(
    [0, 7].map((n) => call<Week>('GET', `/students/${child.id}/timetable?week=${shift(monday(today), n)}`)),
  );
  const next = weeks.flatMap((w) => w.json.days).find((d) => d.date > today && !d.day_off && d.lessons.length > 0);
  const grades = (await call<StudentGrades>('GET', `/students/${child.id}/grades`)).json;
  const seen = grades.seen_at ? Date.parse(grades.seen_at) : null;
  const fresh = grades.subjects
    .flatMap((s) => s.grades)
    .filter((g) => seen === null || Date.parse(g.modified_at) > seen).length;
  const attendance = await call<{
    types: { code: string; kind: string }[];
    marks: { lesson_id: number; code: string }[];
  }>('GET', `/students/${child.id}/attendance`);
  const absentCodes = attendance.json.types.filter((x) => x.kind === 'absent').map((x) => x.code);
  const excuses = await call<{ items: Excuse[] }>('GET', `/students/${child.id}/excuses`);
  const pending = new Set(
    excuses.json.items.filter((e) => e.status === 'pending').flatMap((e) => e.lessons.map((l) => l.lesson_id)),
  );
  const absences = attendance.json.marks.filter((m) => absentCodes.includes(m.code) && !pending.has(m.lesson_id));
  const events = await call<DatedList<SchoolEvent>>(
    'GET',
    `/students/${child.id}/events?from=${today}&to=${shift(today, 13)}`,
  );
  const tests = events.json.items.filter((e) => ['test', 'class_test', 'quiz'].includes(e.kind));
  const homework = await call<DatedList<Homework>>(
    'GET',
    `/students/${child.id}/homework?from=${today}&to=${shift(today, 6)}`,
  );
  const messages = (await call<{ inbox: number }>('GET', '/messages/unread')).json.inbox;
  const notices = (await call<{ unread: number }>('GET', '/notices/unread')).json.unread;

  await page.setViewportSize({ width: 360, height: 780 });
  const streaming = page.waitForResponse((r) => r.url().endsWith('/api/v1/feed/stream') && r.status() === 200);
  await signIn(page, family.parent);
  await page.goto(`/?student=${child.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Biurko' })).toBeVisible();

  await expect(page.getByTestId('desk-today').getByRole('heading')).toHaveText(/^Dziś — /);
  if (next) {
    const name = next.date === shift(today, 1) ? 'Jutro' : 'Najbliższy dzień nauki';
    await expect(page.getByTestId('desk-next').getByRole('heading')).toHaveText(new RegExp(`^${name} — `));
    await expect(page.getByTestId('desk-next').locator('.lesson-card')).toHaveCount(next.lessons.length);
  }
  if (fresh > 0) await expect(page.getByTestId('desk-new-count')).toHaveText(`Nowe oceny: ${fresh}`);
  else await expect(page.getByText('Brak nowych ocen od ostatniej wizyty na stronie ocen.')).toBeVisible();
  if (absences.length > 0)
    await expect(page.getByTestId('desk-absence-count')).toHaveText(
      `Nieusprawiedliwione nieobecności: ${absences.length}`,
    );
  else await expect(page.getByText('Brak nieusprawiedliwionych nieobecności.')).toBeVisible();
  if (tests.length > 0)
    await expect(page.getByTestId('desk-tests').getByRole('listitem')).toHaveCount(Math.min(5, tests.length));
  else await expect(page.getByText('Nie zapowiedziano sprawdzianów ani kartkówek.')).toBeVisible();
  if (homework.json.items.length > 0)
    await expect(page.getByTestId('desk-homework').getByRole('listitem')).toHaveCount(
      Math.min(5, homework.json.items.length),
    );
  await expect(page.getByTestId('desk-inbox')).toContainText(`Nieprzeczytane wiadomości: ${messages}`);
  await expect(page.getByTestId('desk-inbox')).toContainText(`Nieprzeczytane ogłoszenia: ${notices}`);
  await expect(page.getByTestId('lucky-number')).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the desk at 360 px');

  // Homework set by the teacher while the desk is open shows in its list without a reload.
  await streaming;
  const asTeacher = await apiAs(family.teacher);
  const assignments = await asTeacher<{ items: { id: number; class_id: number; group_id: number | null }[] }>(
    'GET',
    `/schools/${family.schoolId}/assignments?teacher_id=${family.teacherId}`,
  );
  const assignment = assignments.json.items.find((a) => a.class_id === family.classId && a.group_id === null)!;
  const text = unique('Przynieś liść klonu');
  const set = await asTeacher<{ id: number }>('POST', '/homework', {
    assignment_id: assignment.id,
    due_on: shift(today, 1),
    text,
  });
  expect(set.status).toBe(201);
  try {
    await expect(page.getByTestId('desk-homework')).toContainText(text);
    await expect(page.getByTestId('live-said')).toContainText('Zadanie domowe — ');
  } finally {
    await asTeacher('DELETE', `/homework/${set.json.id}`);
  }

  // The links lead to the child's pages.
  await page.getByRole('link', { name: 'Cały terminarz' }).click();
  await expect(page).toHaveURL(new RegExp(`/planner\\?student=${child.id}$`));
});

test('a parent of several children switches the desk between them; a student has their own', async ({ page }) => {
  await signIn(page, account('parent'));
  const picker = page.getByLabel('Dziecko');
  const options = await picker.locator('option').evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
  if (options.length > 1) {
    await picker.selectOption(options[1]);
    await expect(page).toHaveURL(new RegExp(`/\\?student=${options[1]}$`));
    await expect(page.getByRole('link', { name: 'Wszystkie oceny' })).toHaveAttribute(
      'href',
      `/grades?student=${options[1]}`,
    );
    await expectAccessible(page, "the desk of a parent's second child");
  }

  const student = account('student');
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await signIn(page, student);
  await expect(page.getByRole('heading', { level: 1, name: 'Biurko' })).toBeVisible();
  await expect(page.getByLabel('Dziecko')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Frekwencja', exact: true }).last()).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Biurko', exact: true })).toBeVisible();
  await expectAccessible(page, "a student's desk");
});
