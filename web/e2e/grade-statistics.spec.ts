// The office's grade statistics: per subject of a class the class average, the distribution of grades 1–6 and the
// students at risk, for a term.
import type { GradeStatistics } from '../src/grades/types';
import { account, apiAs, expect, expectAccessible, openFromNav, scrollsSideways, signIn, test } from './fixtures';

const pl = (n: number) => n.toLocaleString('pl-PL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('the director reads a class’s averages, distribution and students at risk', async ({ page }) => {
  const director = account('director');
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, director);
  await openFromNav(page, 'Statystyki ocen');
  const table = page.getByTestId('grade-statistics');
  await expect(table).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the grade statistics');

  const classId = Number(await page.getByLabel('Pokaż klasę').inputValue());
  const term = Number(await page.getByLabel('Okres', { exact: true }).inputValue());
  const call = await apiAs(director);
  const me = await call<{ user: { school_id: number } }>('GET', '/me');
  const { json } = await call<GradeStatistics>(
    'GET',
    `/schools/${me.json.user.school_id}/grade-statistics?class_id=${classId}&term=${term}`,
  );
  await expect(page.getByRole('heading', { level: 2, name: `Klasa ${json.class.name}, okres ${term}` })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(json.subjects.length);

  // Each subject's row: its average and a count per whole grade that adds up to its grades.
  for (const s of json.subjects) {
    const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: s.subject.name }) });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe(s.class_average === null ? '—' : pl(s.class_average));
    const counts = cells.slice(2).map(Number);
    expect(counts).toEqual(['1', '2', '3', '4', '5', '6'].map((g) => s.distribution[g as '1']));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(Number(cells[1]));
  }
  await expect(table.getByRole('columnheader', { name: 'Ocen 6 (celujący)' })).toBeVisible();
  const risky = json.subjects.flatMap((s) => s.students_at_risk);
  if (risky.length) await expect(page.getByTestId('students-at-risk').getByRole('listitem')).toHaveCount(risky.length);
  else await expect(page.getByTestId('no-risk')).toBeVisible();

  // The other term and another class, through the address.
  await page.getByLabel('Okres', { exact: true }).selectOption(String(3 - term));
  await expect(page).toHaveURL(new RegExp(`term=${3 - term}`));
  await expect(
    page.getByRole('heading', { level: 2, name: `Klasa ${json.class.name}, okres ${3 - term}` }),
  ).toBeVisible();
  const classes = page.getByLabel('Pokaż klasę');
  const other = classes.locator('option').nth(1);
  const otherName = await other.innerText();
  await classes.selectOption((await other.getAttribute('value'))!);
  await expect(page.getByRole('heading', { level: 2, name: `Klasa ${otherName}, okres ${3 - term}` })).toBeVisible();
  await expectAccessible(page, 'the grade statistics of another class and term');
});
