// The teacher's grade book: a new column typed in with the keyboard, a wrong value refused at its student with nothing
// saved, then corrected and saved in one request; a grade changed and removed from its cell; the averages the browser
// computes are the server's.
import { categoriesById } from '../src/grades/show';
import { gradeFact, weightedAverage } from '../src/grades/average';
import type { Gradebook } from '../src/grades/types';
import { account, apiAs, expect, expectAccessible, openFromNav, signIn, test } from './fixtures';

test('a teacher types a column of grades, a wrong one is refused at its student, then the column is saved', async ({
  page,
}) => {
  const teacher = account('teacher');
  await signIn(page, teacher);
  await openFromNav(page, 'Dziennik ocen');
  const grid = page.getByTestId('gradebook');
  await expect(grid).toBeVisible();
  await expectAccessible(page, 'the grade book');
  const assignmentId = Number(await page.getByLabel('Przedmiot i klasa').inputValue());
  const call = await apiAs(teacher);

  await page.getByRole('button', { name: 'Nowa kolumna ocen' }).click();
  await expect(page.getByLabel('Kategoria')).toBeFocused();
  await page.getByLabel('Kategoria').selectOption({ label: 'Kartkówka (waga 3)' });
  const description = `Kartkówka e2e ${Date.now()}`;
  await page.getByLabel(/^Opis/).fill(description);
  await page.getByLabel(/^Opis/).press('Enter');

  const rows = grid.locator('tbody tr');
  const names = await rows.locator('th').allInnerTexts();
  expect(names.length, 'students in the grade book').toBeGreaterThanOrEqual(5);
  const entry = (i: number) => rows.nth(i).locator('input.entry-input');
  await expect(entry(0)).toBeFocused();
  await expect(entry(0)).toHaveAccessibleName(/^Ocena: .+, Kartkówka \d\d\.\d\d$/);

  // Enter moves down, Shift+Enter back up; the arrows too.
  for (const value of ['4+', '5', '7', '3-']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await expect(entry(4)).toBeFocused();
  await page.keyboard.press('Shift+Enter');
  await expect(entry(3)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(entry(2)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(entry(3)).toBeFocused();
  // Tab walks the column's inputs too, past the grades already given.
  await page.keyboard.press('Tab');
  await expect(entry(4)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(entry(3)).toBeFocused();
  // The first student's average shows what it will become.
  const preview = (await rows.nth(0).getByTestId('average-preview').innerText()).replace(/[^\d,]/g, '');
  expect(preview).toMatch(/^\d,\d\d$/);

  await page.getByRole('button', { name: 'Zapisz kolumnę' }).click();
  const wrong = rows.nth(2);
  await expect(wrong.getByRole('alert')).toContainText('„7”');
  await expect(page.getByText(/Nic nie zapisano/)).toBeVisible();
  await expect(entry(2)).toBeFocused();
  await expect(entry(2)).toHaveAttribute('aria-invalid', 'true');
  // What was typed stays, and nothing reached the grade book.
  await expect(entry(0)).toHaveValue('4+');
  await expect(entry(3)).toHaveValue('3-');
  const before = await call<Gradebook>('GET', `/assignments/${assignmentId}/gradebook`);
  expect(before.json.columns.some((c) => c.description === description)).toBe(false);
  await expectAccessible(page, 'the grade book with a refused column');

  await entry(2).fill('2');
  await expect(wrong.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Zapisz kolumnę' }).click();
  await expect(page.getByTestId('gradebook-message')).toContainText('(ocen: 4)');
  await expect(page.locator('input.entry-input')).toHaveCount(0);

  // The grid shows the new column with its grades, and the first student's average is what the preview said.
  const header = grid.locator('thead th', { hasText: description });
  await expect(header).toHaveCount(1);
  const column = Number(await header.getAttribute('data-column'));
  const after = await call<Gradebook>('GET', `/assignments/${assignmentId}/gradebook`);
  const saved = after.json.grades.filter((g) => g.column_id === column);
  expect(saved.map((g) => g.value).sort()).toEqual(['2', '3-', '4+', '5']);
  const cell = (i: number) => rows.nth(i).locator(`td[data-column="${column}"]`);
  await expect(cell(0).getByRole('button', { name: /^Zmień ocenę 4\+: / })).toBeVisible();
  await expect(cell(2).getByRole('button', { name: /^Zmień ocenę 2: / })).toBeVisible();
  await expect(rows.nth(0).locator('td.average')).toHaveText(preview);
});

test('a teacher changes a grade from its cell, then removes it after a confirmation', async ({ page }) => {
  const teacher = account('teacher');
  const call = await apiAs(teacher);
  const me = await call<{ user: { id: number; school_id: number } }>('GET', '/me');
  const mine = await call<{ items: { id: number }[] }>(
    'GET',
    `/schools/${me.json.user.school_id}/assignments?teacher_id=${me.json.user.id}`,
  );
  const assignmentId = mine.json.items[0].id;
  const book = (await call<Gradebook>('GET', `/assignments/${assignmentId}/gradebook`)).json;
  const category = book.categories.find((c) => c.kind === 'scale' && c.counts)!;
  const student = book.students[0];
  // A column of its own, dated like the grade book's latest one so that it is in the term shown.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
  const date = book.columns.at(-1)?.date ?? today;
  const created = await call<{ columns: { id: number }[] }>('POST', '/grades', {
    assignment_id: assignmentId,
    columns: [
      {
        category_id: category.id,
        date,
        description: `Odpowiedź e2e ${Date.now()}`,
        grades: [{ student_id: student.id, value: '3' }],
      },
    ],
  });
  expect(created.status).toBe(201);
  const cell = page.locator(`tbody tr`).first().locator(`td[data-column="${created.json.columns[0].id}"]`);

  await signIn(page, teacher);
  await page.goto(`/gradebook?assignment=${assignmentId}&term=${book.term}`);
  await cell.getByRole('button', { name: /^Zmień ocenę 3: / }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Ocena', { exact: true })).toBeFocused();
  await expectAccessible(page, 'the grade dialog');
  await dialog.getByLabel('Ocena', { exact: true }).fill('3+');
  await dialog.getByLabel(/^Komentarz/).fill('Po poprawie zapisu');
  await dialog.getByRole('button', { name: 'Zapisz ocenę' }).click();
  await expect(page.getByTestId('gradebook-message')).toContainText('Zapisano zmianę oceny');
  const changed = cell.getByRole('button', { name: /^Zmień ocenę 3\+: .*komentarz: Po poprawie zapisu$/ });
  await expect(changed).toBeFocused();

  await changed.click();
  page.once('dialog', (confirm) => void confirm.accept());
  await page.getByRole('dialog').getByRole('button', { name: 'Usuń ocenę' }).click();
  await expect(page.getByTestId('gradebook-message')).toContainText('Usunięto ocenę 3+');
  await expect(cell.getByRole('button')).toHaveAccessibleName(/^Dodaj ocenę: /);
  await expect(cell.getByRole('button')).toBeFocused();
});

test('the browser computes every average of the grade books as the server does', async () => {
  const teacher = account('teacher');
  const call = await apiAs(teacher);
  const me = await call<{ user: { id: number; school_id: number } }>('GET', '/me');
  const { json } = await call<{ items: { id: number }[] }>(
    'GET',
    `/schools/${me.json.user.school_id}/assignments?teacher_id=${me.json.user.id}`,
  );
  let compared = 0;
  for (const { id } of json.items) {
    for (const term of [1, 2] as const) {
      const book = (await call<Gradebook>('GET', `/assignments/${id}/gradebook?term=${term}`)).json;
      const categories = categoriesById(book.categories);
      for (const student of book.students) {
        const facts = book.grades
          .filter((g) => g.student_id === student.id)
          .map((g) => gradeFact(g, categories.get(g.category_id), book.rules));
        const server = term === 1 ? student.averages.term1 : student.averages.term2;
        expect(weightedAverage(facts, book.rules.improvement_rule), `${student.last_name}, assignment ${id}`).toBe(
          server,
        );
        if (server !== null) compared++;
      }
    }
  }
  expect(compared, 'averages compared').toBeGreaterThan(0);
});
