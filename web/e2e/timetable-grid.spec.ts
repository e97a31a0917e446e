// The office's weekly plan as a grid: a demo lesson in its cell, a lesson added to a free slot and removed again, a
// clash refused with the server's message, a lesson with changes that cannot be removed, and the director reading.
import type { Page } from '@playwright/test';
import { account, apiAs, expect, expectAccessible, openFromNav, scrollsSideways, signIn, test } from './fixtures';

interface Named {
  id: number;
  name: string;
}

interface PlanEntry {
  id: number;
  assignment_id: number;
  subject: Named & { short_name: string };
  teacher: { id: number; first_name: string; last_name: string };
  class_id: number;
  group_id: number | null;
  group_name: string;
  weekday: number;
  lesson_number: number;
  room: Named | null;
  valid_from: string;
  valid_to: string | null;
}

interface Assignment {
  id: number;
  teacher: { id: number; first_name: string; last_name: string };
  subject: Named;
  group_id: number | null;
  group_name: string;
}

const DAYS = ['', 'poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota'];
const EN_DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Today in Warsaw, as the server counts days. */
const warsawToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());

const plusDays = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const inForce = (e: PlanEntry, date: string) => e.valid_from <= date && (!e.valid_to || date <= e.valid_to);
const sameSlot = (a: { weekday: number; lesson_number: number }, weekday: number, lesson: number) =>
  a.weekday === weekday && a.lesson_number === lesson;

/** How the page names a lesson of the plan in its buttons: "Matematyka, poniedziałek, lekcja 3". */
const describe = (e: PlanEntry) =>
  `${e.subject.name}${e.group_name ? ` (${e.group_name})` : ''}, ${DAYS[e.weekday]}, lekcja ${e.lesson_number}`;

/** The grid's cell for a weekday and lesson, found by its row header and its column. */
function cell(page: Page, weekday: number, lesson: number) {
  const row = page
    .getByTestId('timetable-grid')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^Lekcja ${lesson}\\b`) }) });
  return row.getByRole('cell').nth(weekday - 1);
}

test('the office adds a lesson to the grid, is refused a clash and removes the lesson', async ({ page }) => {
  const admin = account('admin');
  const call = await apiAs(admin);
  const schoolId = (await call<{ school: { id: number } }>('GET', '/me')).json.school.id;

  await signIn(page, admin);
  await openFromNav(page, 'Plan lekcji');
  await expectAccessible(page, 'the timetable grid');
  // The page picks the first class and a date in the school year; the test reads both from it.
  const classId = Number(await page.getByLabel('Pokaż klasę').inputValue());
  const date = await page.getByLabel('Plan obowiązujący w dniu').inputValue();
  expect(classId).toBeGreaterThan(0);

  const school = (await call<{ items: PlanEntry[] }>('GET', `/schools/${schoolId}/timetable`)).json.items;
  const before = new Set(school.map((e) => e.id));
  const mine = school.filter((e) => e.class_id === classId);
  const shown = mine
    .filter((e) => inForce(e, date))
    .sort((a, b) => a.weekday - b.weekday || a.lesson_number - b.lesson_number);
  expect(shown.length, 'the demo class has lessons').toBeGreaterThan(0);

  // A known demo lesson is in its cell: the row of its lesson number, the column of its weekday.
  const known = shown[0];
  await expect(page.getByTestId('timetable-grid').getByRole('columnheader').nth(known.weekday)).toHaveText(
    DAYS[known.weekday],
  );
  const knownCell = cell(page, known.weekday, known.lesson_number);
  await expect(knownCell).toContainText(known.subject.name);
  await expect(knownCell).toContainText(`${known.teacher.first_name} ${known.teacher.last_name}`);
  if (known.room) await expect(knownCell).toContainText(`sala ${known.room.name}`);

  // A free slot of the class with a whole-class assignment whose teacher is free then, and a free room.
  const bells = (await call<{ lessons: { number: number }[] }>('GET', `/schools/${schoolId}/bell-schedule`)).json
    .lessons;
  const assignments = (
    await call<{ items: Assignment[] }>('GET', `/schools/${schoolId}/assignments?class_id=${classId}`)
  ).json.items.filter((a) => a.group_id === null);
  const rooms = (await call<{ items: Named[] }>('GET', `/schools/${schoolId}/rooms`)).json.items;
  let free: { weekday: number; lesson: number; assignment: Assignment; room: Named } | null = null;
  for (const { number: lesson } of bells.filter((b) => b.number > 0)) {
    for (let weekday = 1; weekday <= 5 && !free; weekday++) {
      const then = school.filter((e) => sameSlot(e, weekday, lesson));
      if (then.some((e) => e.class_id === classId)) continue;
      const assignment = assignments.find((a) => !then.some((e) => e.teacher.id === a.teacher.id));
      const room = rooms.find((r) => !then.some((e) => e.room?.id === r.id));
      if (assignment && room) free = { weekday, lesson, assignment, room };
    }
    if (free) break;
  }
  expect(free, 'a free slot in the demo class').not.toBeNull();
  const { weekday, lesson, assignment, room } = free!;
  const teacher = `${assignment.teacher.first_name} ${assignment.teacher.last_name}`;

  try {
    // Add a lesson there: the form opens below the grid with focus on its first field.
    const add = page.getByRole('button', { name: `Dodaj lekcję: ${DAYS[weekday]}, lekcja ${lesson}`, exact: true });
    await add.click();
    await expect(add).toHaveAttribute('aria-expanded', 'true');
    const editor = page.locator('#timetable-editor');
    await expect(
      editor.getByRole('heading', { name: `Nowa lekcja: ${DAYS[weekday]}, lekcja ${lesson}` }),
    ).toBeVisible();
    const choice = editor.getByLabel('Przedmiot i nauczyciel');
    await expect(choice).toBeFocused();
    await expect(editor.getByLabel('Obowiązuje od')).toHaveValue(date);
    await choice.selectOption({ label: `${assignment.subject.name} — ${teacher}` });
    await editor.getByLabel(/^Sala/).selectOption({ label: room.name });
    await expectAccessible(page, 'the form adding a lesson');
    await editor.getByRole('button', { name: 'Dodaj lekcję' }).click();
    await expect(page.getByTestId('timetable-message')).toContainText('Dodano do planu lekcję');
    await expect(editor).toHaveCount(0);
    await expect(add).toBeFocused();
    const added = cell(page, weekday, lesson);
    await expect(added).toContainText(assignment.subject.name);
    await expect(added).toContainText(teacher);
    await expect(added).toContainText(`sala ${room.name}`);

    // The same teacher again in the known lesson's slot: the server refuses, and its message shows at the form.
    const clash = {
      assignment_id: known.assignment_id,
      weekday: known.weekday,
      lesson_number: known.lesson_number,
      room_id: known.room?.id ?? null,
      valid_from: date,
    };
    const refused = await call<{ error: { message: string } }>('POST', `/schools/${schoolId}/timetable`, clash);
    expect(refused.status, 'the same teacher twice at once').toBe(409);
    await page
      .getByRole('button', { name: `Dodaj lekcję: ${DAYS[known.weekday]}, lekcja ${known.lesson_number}`, exact: true })
      .click();
    const knownTeacher = `${known.teacher.first_name} ${known.teacher.last_name}`;
    const knownChoice = editor.getByLabel('Przedmiot i nauczyciel');
    await knownChoice.selectOption({
      label: `${known.subject.name}${known.group_name ? ` (${known.group_name})` : ''} — ${knownTeacher}`,
    });
    if (known.room) await editor.getByLabel(/^Sala/).selectOption({ label: known.room.name });
    await editor.getByRole('button', { name: 'Dodaj lekcję' }).click();
    await expect(editor.getByRole('alert').filter({ hasText: refused.json.error.message })).toBeVisible();
    await expect(knownChoice).toHaveValue(String(known.assignment_id));
    await expect(knownChoice).toBeFocused();
    await expectAccessible(page, 'a refused clash');
    await editor.getByRole('button', { name: 'Anuluj' }).click();
    await expect(editor).toHaveCount(0);
    await expect(
      page.getByRole('button', { name: `Dodaj lekcję: ${DAYS[known.weekday]}, lekcja ${known.lesson_number}` }),
    ).toBeFocused();

    // Remove the added lesson, confirming: it leaves its cell and focus stays in the slot.
    const entry = (
      await call<{ items: PlanEntry[] }>('GET', `/schools/${schoolId}/timetable?class_id=${classId}`)
    ).json.items.find((e) => !before.has(e.id));
    expect(entry, 'the added lesson in the plan').toBeDefined();
    page.once('dialog', (dialog) => void dialog.accept());
    await added.getByRole('button', { name: `Usuń lekcję: ${describe(entry!)}`, exact: true }).click();
    await expect(page.getByTestId('timetable-message')).toContainText('Usunięto z planu lekcję');
    await expect(added).not.toContainText(teacher);
    await expect(add).toBeFocused();
    await expectAccessible(page, 'the grid after a removal');

    // In English the slots are named in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(
      page.getByRole('button', { name: `Add lesson: ${EN_DAYS[weekday]}, lesson ${lesson}`, exact: true }),
    ).toBeVisible();
    await expectAccessible(page, 'the timetable grid in English');
  } finally {
    // Leave the demo plan as it was, whatever failed above.
    const after = (await call<{ items: PlanEntry[] }>('GET', `/schools/${schoolId}/timetable`)).json.items;
    for (const e of after.filter((x) => !before.has(x.id)))
      await call('DELETE', `/schools/${schoolId}/timetable/${e.id}`);
  }
});

test('a lesson with changes is not removed, and the server says why', async ({ page }) => {
  const admin = account('admin');
  const call = await apiAs(admin);
  const schoolId = (await call<{ school: { id: number } }>('GET', '/me')).json.school.id;
  const plan = (await call<{ items: PlanEntry[] }>('GET', `/schools/${schoolId}/timetable`)).json.items;

  // The demo makes changes in the current (or, at a weekend, the coming) school week.
  let date = '';
  let entry: PlanEntry | undefined;
  for (let offset = -6; offset <= 13 && !entry; offset++) {
    date = plusDays(warsawToday(), offset);
    const changes = (
      await call<{ items: { entry_id: number | null }[] }>('GET', `/schools/${schoolId}/timetable-changes?date=${date}`)
    ).json.items;
    const changed = changes.find((c) => c.entry_id !== null);
    entry = plan.find((e) => e.id === changed?.entry_id && inForce(e, date));
  }
  expect(entry, 'a planned lesson with a change near today').toBeDefined();

  await signIn(page, admin);
  await page.goto(`/admin/timetable?class_id=${entry!.class_id}&date=${date}`);
  const item = page.locator(`[data-entry="${entry!.id}"]`);
  page.once('dialog', (dialog) => void dialog.accept());
  await item.getByRole('button', { name: `Usuń lekcję: ${describe(entry!)}`, exact: true }).click();
  await expect(item.getByRole('alert')).not.toBeEmpty();
  await expect(item).toContainText(entry!.subject.name);
  await expect(page.getByTestId('timetable-message')).toBeEmpty();
  await expectAccessible(page, 'a lesson that cannot be removed');
});

test('the director reads the grid on a phone without changing it', async ({ page }) => {
  const director = account('director');
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, director);
  await openFromNav(page, 'Plan lekcji');
  await expect(page.getByTestId('timetable-grid').locator('[data-entry]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Dodaj lekcję/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Usuń lekcję/ })).toHaveCount(0);
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the timetable grid, read only');
});
