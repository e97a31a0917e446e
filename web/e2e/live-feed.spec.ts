// The change feed, live: a grade a teacher saves in the grade book in one browser reaches the parent's open desk and
// timeline in another the moment it commits — no reload — with a notice that links to it and a polite announcement.
import type { Page } from '@playwright/test';
import type { Gradebook } from '../src/grades/types';
import { apiAs, expect, expectAccessible, homeroomFamily, signIn, test, unique } from './fixtures';

/** Resolves once the page's live connection is accepted (the server has it among its streams). */
const streamOpen = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith('/api/v1/feed/stream') && r.status() === 200);

test("a grade saved by a teacher appears on the parent's open desk and timeline without a reload", async ({
  page,
  browser,
  baseURL,
}) => {
  const family = await homeroomFamily();
  const asTeacher = await apiAs(family.teacher);
  const assignments = await asTeacher<{
    items: { id: number; class_id: number; group_id: number | null; subject: { name: string } }[];
  }>('GET', `/schools/${family.schoolId}/assignments?teacher_id=${family.teacherId}`);
  const assignment = assignments.json.items.find((a) => a.class_id === family.classId && a.group_id === null);
  expect(assignment, 'the homeroom teacher teaches their whole class').toBeTruthy();
  const subject = assignment!.subject.name;
  const child = family.child;

  // The parent: the child's desk on a phone, and the timeline in a second tab.
  await page.setViewportSize({ width: 360, height: 780 });
  let streaming = streamOpen(page);
  await signIn(page, family.parent);
  await page.goto(`/?student=${child.id}`);
  await streaming;
  await expect(page.getByRole('heading', { level: 1, name: 'Biurko' })).toBeVisible();
  const timeline = await page.context().newPage();
  streaming = streamOpen(timeline);
  await timeline.goto('/timeline');
  await streaming;
  await expect(timeline.getByTestId('live-status')).toHaveText(/Nowe wpisy pojawiają się tu same/);
  for (const p of [page, timeline]) await p.evaluate(() => ((window as { stayed?: boolean }).stayed = true));

  // The teacher, in another browser context, types the child's grade into a new column and saves it.
  const teacherContext = await browser.newContext({ baseURL, locale: 'pl-PL' });
  const teacher = await teacherContext.newPage();
  const description = unique('Odpowiedź ustna');
  let gradeId = 0;
  try {
    await signIn(teacher, family.teacher);
    await teacher.goto(`/gradebook?assignment=${assignment!.id}`);
    const grid = teacher.getByTestId('gradebook');
    await expect(grid).toBeVisible();
    await teacher.getByRole('button', { name: 'Nowa kolumna ocen' }).click();
    await teacher.getByLabel('Kategoria').selectOption({ label: 'Kartkówka (waga 3)' });
    await teacher.getByLabel(/^Opis/).fill(description);
    await teacher.getByLabel(/^Opis/).press('Enter');
    const row = grid.locator('tbody tr').filter({
      has: teacher.locator('th', { hasText: `${child.last_name} ${child.first_name}` }),
    });
    await row.locator('input.entry-input').fill('5');
    await teacher.getByRole('button', { name: 'Zapisz kolumnę' }).click();
    await expect(teacher.getByTestId('gradebook-message')).toContainText('(ocen: 1)');
    const book = await asTeacher<Gradebook>('GET', `/assignments/${assignment!.id}/gradebook`);
    const column = book.json.columns.find((c) => c.description === description);
    gradeId = book.json.grades.find((g) => g.column_id === column?.id && g.student_id === child.id)?.id ?? 0;
    expect(gradeId, 'the grade is saved').toBeGreaterThan(0);

    // The desk shows it among the new grades, a notice links to it, and screen readers hear it once.
    const line = `Nowa ocena: ${subject} — 5`;
    await expect(page.getByTestId('desk-new-grades').locator(`[data-grade="${gradeId}"]`)).toBeVisible();
    await expect(page.getByTestId('live-news')).toContainText(line);
    await expect(page.getByTestId('live-said')).toContainText(line);
    await expectAccessible(page, 'the desk with a grade that arrived live');

    // The timeline adds it at the top of today, marked new.
    const entry = timeline.locator('[data-kind="grade.added"]').filter({ hasText: description });
    await expect(entry).toBeVisible();
    await expect(entry).toContainText(line);
    await expect(entry).toContainText('Nowy');
    await expect(timeline.locator('.timeline-entry').first()).toHaveAttribute('data-kind', 'grade.added');
    await expectAccessible(timeline, 'the timeline with a grade that arrived live');

    // Neither page was reloaded.
    for (const p of [page, timeline])
      expect(await p.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);

    // The notice leads to the child's grades.
    await page
      .getByTestId('live-news')
      .getByRole('link', { name: new RegExp(line) })
      .click();
    await expect(page).toHaveURL(new RegExp(`/grades\\?student=${child.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Oceny' })).toBeVisible();
  } finally {
    await teacherContext.close();
    if (gradeId) await asTeacher('DELETE', `/grades/${gradeId}`);
  }
});
