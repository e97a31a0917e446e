// Homework on the lesson page: the teacher sees what was set in the lesson, hands out a file with it (a file the
// server refuses is said at the field), and deletes it; the parent downloads the file from the terminarz.
import { readFileSync } from 'node:fs';
import {
  apiAs,
  expect,
  expectAccessible,
  homeroomFamily,
  openFromNav,
  scrollsSideways,
  signIn,
  signOut,
  test,
  unique,
  warsawToday,
} from './fixtures';

const shift = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

interface DayLesson {
  can_record: boolean;
  lesson_id: number | null;
  class_id: number;
  group_id: number | null;
  subject: { id: number } | null;
  teacher: { id: number } | null;
}

/** A recent lesson of the homeroom teacher's own subject in their class, and that teaching assignment. */
async function ownLesson(family: Awaited<ReturnType<typeof homeroomFamily>>) {
  const call = await apiAs(family.teacher);
  const assignments = await call<{
    items: { id: number; class_id: number; group_id: number | null; subject: { id: number } }[];
  }>('GET', `/schools/${family.schoolId}/assignments?teacher_id=${family.teacherId}`);
  const assignment = assignments.json.items.find((a) => a.class_id === family.classId && a.group_id === null);
  expect(assignment, 'the homeroom teacher teaches their whole class').toBeTruthy();
  for (let back = 0; back < 14; back++) {
    const date = shift(warsawToday(), -back);
    const { json } = await call<{ lessons: DayLesson[] }>('GET', `/teacher/lessons?date=${date}`);
    const lesson = json.lessons.find(
      (l) =>
        l.can_record &&
        l.lesson_id &&
        l.class_id === family.classId &&
        l.group_id === null &&
        l.subject?.id === assignment!.subject.id &&
        l.teacher?.id === family.teacherId,
    );
    if (lesson) return { call, assignmentId: assignment!.id, lessonId: lesson.lesson_id!, date };
  }
  throw new Error('no recent lesson of the homeroom teacher in their class');
}

test('the teacher hands out a file with the lesson homework, the parent downloads it', async ({ page }) => {
  const family = await homeroomFamily();
  const { call, assignmentId, lessonId, date } = await ownLesson(family);
  const due = shift(warsawToday(), 3);
  const text = unique('Przeczytaj czytankę o jesieni');
  const set = await call<{ id: number }>('POST', '/homework', {
    assignment_id: assignmentId,
    set_on: date,
    due_on: due,
    text,
  });
  expect(set.status).toBe(201);
  const fileText = unique('Karta pracy: jesień w parku');

  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, family.teacher);
  await page.goto(`/lessons?date=${date}&lesson=${lessonId}`);
  const card = page.getByTestId('homework-set').locator(`[data-homework="${set.json.id}"]`);
  await expect(card).toContainText(text);
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the homework of a lesson');

  await card.getByRole('button', { name: /^Zmień zadanie domowe na / }).click();
  await expect(page.getByLabel('Termin oddania')).toBeFocused();
  // A file that is not what it says is refused by the server, at the field.
  await page.getByLabel(/^Pliki dla uczniów/).setInputFiles({
    name: 'obrazek.png',
    mimeType: 'image/png',
    buffer: Buffer.from('to nie jest obrazek'),
  });
  await expect(page.locator('#homework_files-error')).toContainText('obrazek.png:');
  await expectAccessible(page, 'the homework form with a refused file');
  await page.getByLabel(/^Pliki dla uczniów/).setInputFiles({
    name: 'karta-pracy.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(fileText),
  });
  await expect(page.getByTestId('homework_files-files')).toContainText('karta-pracy.txt');
  await expect(page.locator('#homework_files-error')).toHaveCount(0);
  await page.getByLabel('Treść zadania').fill(`${text} i zrób kartę pracy`);
  await page.getByRole('button', { name: 'Zapisz zadanie' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Zapisano zadanie domowe' })).toBeVisible();
  await expect(card).toContainText(`${text} i zrób kartę pracy`);
  await expect(card.getByRole('link', { name: 'karta-pracy.txt' })).toBeVisible();
  await expectAccessible(page, 'the lesson homework with a file');
  await signOut(page);

  // The parent finds it in the terminarz and downloads the file.
  await signIn(page, family.parent);
  await openFromNav(page, 'Terminarz');
  const picker = page.getByLabel('Dziecko');
  if ((await picker.count()) > 0) await picker.selectOption(String(family.child.id));
  const item = page.getByTestId('planner-homework').locator('li.homework-card').filter({ hasText: text });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    item.getByRole('link', { name: 'karta-pracy.txt' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('karta-pracy.txt');
  expect(readFileSync(await download.path(), 'utf8')).toBe(fileText);
  await expectAccessible(page, 'the family terminarz with a homework file');
  await signOut(page);

  // The teacher deletes it.
  await signIn(page, family.teacher);
  await page.goto(`/lessons?date=${date}&lesson=${lessonId}`);
  page.once('dialog', (d) => {
    expect(d.message()).toContain(text);
    void d.accept();
  });
  await card.getByRole('button', { name: /^Usuń zadanie domowe na / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Usunięto zadanie domowe' })).toBeVisible();
  await expect(card).toHaveCount(0);
  const left = await call<{ items: { id: number }[] }>(
    'GET',
    `/assignments/${assignmentId}/homework?from=${date}&to=${due}`,
  );
  expect(left.json.items.some((h) => h.id === set.json.id)).toBe(false);
});

// GET /lessons/{id} says which teaching assignment the lesson is of: the lesson page sets homework for it.
test('a teacher sets homework from the lesson page', async ({ page }) => {
  const family = await homeroomFamily();
  const { call, assignmentId, lessonId, date } = await ownLesson(family);
  const due = shift(warsawToday(), 2);
  const text = unique('Naucz się wierszyka');
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, family.teacher);
  await page.goto(`/lessons?date=${date}&lesson=${lessonId}`);
  await page.getByRole('button', { name: 'Zadaj pracę domową' }).click();
  await expect(page.getByLabel('Termin oddania')).toBeFocused();
  await expectAccessible(page, 'the new homework form of a lesson');
  await page.getByLabel('Termin oddania').fill(due);
  await page.getByLabel('Treść zadania').fill(text);
  await page.getByRole('button', { name: 'Zapisz zadanie' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Zapisano zadanie domowe' })).toBeVisible();
  await expect(page.getByTestId('homework-set')).toContainText(text);
  await expect(page.getByRole('button', { name: 'Zadaj pracę domową' })).toBeFocused();
  expect(await scrollsSideways(page)).toBe(false);

  // Set for the lesson's teaching assignment, on the lesson's day.
  const listed = await call<{ items: { text: string; set_on: string; due_on: string }[] }>(
    'GET',
    `/assignments/${assignmentId}/homework?from=${date}&to=${due}`,
  );
  expect(listed.json.items.find((h) => h.text === text)).toMatchObject({ set_on: date, due_on: due });
});
