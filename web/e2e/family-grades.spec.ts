// The family's grades: per subject with details, averages, the history of a change made by the teacher, both
// calculators computed by the server's rules, and new grades that are no longer new after they have been seen.
import { countingCategories, gradeFact, gradeNeeded, weightedAverage, withHypothetical } from '../src/grades/average';
import type { StudentGrades } from '../src/grades/types';
import { account, apiAs, expect, expectAccessible, openFromNav, scrollsSideways, signIn, test } from './fixtures';

/** An average as the Polish page writes it: "4,38". */
const pl = (n: number) => n.toLocaleString('pl-PL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('a parent sees the grades, the history of a change, computes averages, and new grades become read', async ({
  page,
}) => {
  const parent = account('parent');
  const teacher = account('teacher');
  const asParent = await apiAs(parent);
  const asTeacher = await apiAs(teacher);
  const teacherId = (await asTeacher<{ user: { id: number } }>('GET', '/me')).json.user.id;

  // The teacher changes a scale grade she gave one of the parent's children: a change for the history, and a grade
  // that is new to the family whatever they saw before.
  const children = (
    await asParent<{ students: { id: number; first_name: string; last_name: string; class_name: string }[] }>(
      'GET',
      '/me',
    )
  ).json.students;
  let found: { child: (typeof children)[number]; subject: string; id: number; before: string } | null = null;
  for (const child of children) {
    const view = (await asParent<StudentGrades>('GET', `/students/${child.id}/grades`)).json;
    for (const s of view.subjects) {
      const g = s.grades.find((x) => x.teacher_id === teacherId && x.kind === 'scale' && x.improves_id === null);
      if (g && !found) found = { child, subject: s.subject.name, id: g.id, before: g.value };
    }
  }
  expect(found, "a grade the demo teacher gave one of the parent's children").not.toBeNull();
  const { child, subject, id, before } = found!;
  const after = before === '5' ? '4' : '5';
  expect((await asTeacher('PATCH', `/grades/${id}`, { value: after })).status).toBe(200);

  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, parent);
  const seen = page.waitForResponse((r) => r.url().endsWith(`/students/${child.id}/grades/seen`));
  await openFromNav(page, 'Oceny');
  if (children.length > 1)
    await page
      .getByLabel('Dziecko')
      .selectOption({ label: `${child.first_name} ${child.last_name} (${child.class_name})` });
  await page.getByRole('radio', { name: 'Cały rok' }).check({ force: true });
  await expect(page).toHaveURL(/term=year/);

  const section = page.getByTestId('subject-grades').filter({ has: page.getByRole('heading', { name: subject }) });
  await expect(section).toBeVisible();
  const changed = section.locator(`button[data-grade="${id}"]`);
  await expect(changed).toHaveAccessibleName(new RegExp(`^${after.replace('+', '\\+')},.*nowa$`));
  await expect(page.getByTestId('unread-count')).toContainText('Nowe oceny');
  await changed.click();
  await expect(changed).toHaveAttribute('aria-expanded', 'true');
  await expect(section.getByTestId('grade-detail')).toContainText('Kategoria');
  await expect(section.getByTestId('grade-detail')).toContainText(`${teacher.name}`);
  await expect(page.getByTestId('grade-history')).toContainText(`${subject}: ocena zmieniona z ${before} na ${after}`);
  await expect(page.getByTestId('grade-history').getByRole('listitem').first()).toContainText(teacher.name);
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, "the family's grades");

  // The calculators, on the same grades as the page, by the server's rules.
  const view = (await asParent<StudentGrades>('GET', `/students/${child.id}/grades`)).json;
  const subjectData = view.subjects.find((s) => s.subject.name === subject)!;
  const categories = new Map(view.categories.map((c) => [c.id, c]));
  const facts = subjectData.grades.map((g) => gradeFact(g, categories.get(g.category_id), view.rules));
  const rule = view.rules.improvement_rule;
  const average = weightedAverage(facts, rule);
  expect(average, 'the browser and the server agree on the average').toBe(subjectData.averages!.year);
  await expect(section.getByTestId('subject-average')).toHaveText(pl(average!));

  await page.getByLabel('Przedmiot', { exact: true }).selectOption({ label: subject });
  await expect(page.getByTestId('calc-average')).toHaveText(`Średnia teraz: ${pl(average!)}`);
  const heaviest = countingCategories(view.categories, subjectData.subject.id).sort((a, b) => b.weight - a.weight)[0];
  const option = `${heaviest.name} (waga ${heaviest.weight})`;

  await page.getByLabel('Ocena', { exact: true }).fill('6');
  await page.locator('#what_if_category').selectOption({ label: option });
  await page.getByRole('button', { name: 'Dodaj ocenę' }).click();
  const withSix = weightedAverage(withHypothetical(facts, [{ hundredths: 600, weight: heaviest.weight }]), rule)!;
  await expect(page.getByTestId('what-if-result')).toHaveText(`Średnia z dodanymi ocenami: ${pl(withSix)}`);
  await page.getByLabel('Ocena', { exact: true }).fill('7');
  await page.getByRole('button', { name: 'Dodaj ocenę' }).click();
  await expect(page.locator('#what_if_value-error')).toBeVisible();

  const target = Math.min(6, Math.round((average! + 0.3) * 100) / 100);
  await page.getByLabel('Docelowa średnia').fill(pl(target));
  await page.locator('#need_category').selectOption({ label: option });
  await page.getByRole('button', { name: 'Oblicz' }).click();
  const needed = gradeNeeded(facts, rule, heaviest.weight, target);
  await expect(page.getByTestId('need-result')).toContainText(
    needed === null ? 'Nie da się' : `potrzebna jest ocena ${needed} `,
  );
  // A 6.00 average needs nothing but sixes: impossible unless the child has only sixes.
  await page.getByLabel('Docelowa średnia').fill('6');
  await page.getByRole('button', { name: 'Oblicz' }).click();
  const six = gradeNeeded(facts, rule, heaviest.weight, 6);
  await expect(page.getByTestId('need-result')).toContainText(six === null ? 'Nie da się' : 'potrzebna jest ocena 6');
  await expectAccessible(page, 'the grade calculators');

  // Seen: after a reload nothing is new.
  await seen;
  await page.reload();
  await expect(page.getByTestId('unread-count')).toHaveText('Nie ma nowych ocen od ostatniej wizyty.');
  await expect(page.locator('.grade-value.unread:not(.key)')).toHaveCount(0);
});
