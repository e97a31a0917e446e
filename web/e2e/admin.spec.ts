// The office adds a class and a student with a new parent, then prints the class's sign-in slips.
import { account, expect, expectAccessible, openFromNav, signIn, test } from './fixtures';

test('an administrator adds a class and a student, then gets the class slips', async ({ page }) => {
  const className = `8${
    Math.random()
      .toString(36)
      .replace(/[^a-z]/g, '')
      .slice(0, 3) || 'xyz'
  }`;
  await signIn(page, account('admin'));

  await openFromNav(page, 'Klasy');
  await page.getByLabel('Nazwa klasy').fill(className);
  await page.getByRole('button', { name: 'Dodaj klasę' }).click();
  await expect(page.getByText(`Dodano klasę ${className}.`)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: className, exact: true })).toBeVisible();
  await expectAccessible(page, 'the classes page after adding a class');

  await openFromNav(page, 'Uczniowie');
  await page.getByLabel('Imię', { exact: true }).fill('Zofia');
  await page.getByLabel('Nazwisko', { exact: true }).fill('Nowicka');
  await page.getByLabel('Klasa', { exact: true }).selectOption({ label: className });
  await expect(page.getByLabel('Nowy rodzic (utwórz konto)')).toBeChecked();
  await page.getByLabel('Imię rodzica').fill('Marta');
  await page.getByLabel('Nazwisko rodzica').fill('Nowicka');
  await page.getByRole('button', { name: 'Dodaj ucznia' }).click();
  await expect(page.getByText('Dodano ucznia: Zofia Nowicka.')).toBeVisible();
  await expect(page.getByTestId('issued-code')).toHaveCount(2);
  await expectAccessible(page, 'the students page after adding a student');

  await page.getByLabel('Pokaż klasę').selectOption({ label: className });
  await expect(page).toHaveURL(/class_id=\d+/);
  const table = page.getByTestId('students-table');
  await expect(table.getByRole('rowheader', { name: 'Zofia Nowicka' })).toBeVisible();
  await expect(table.getByText('Marta Nowicka')).toBeVisible();

  await page.getByRole('link', { name: `Kartki z danymi logowania dla klasy ${className}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kartki logowania' })).toBeVisible();
  await expect(page.getByLabel('Klasa', { exact: true })).toHaveValue(/\d+/);
  await page.getByRole('button', { name: 'Wygeneruj kartki' }).click();
  const slips = page.getByTestId('slip');
  await expect(slips).toHaveCount(2);
  for (const code of await page.getByTestId('slip-code').allInnerTexts()) expect(code.trim().length).toBeGreaterThan(5);
  await expect(slips.filter({ hasText: 'Uczeń' })).toHaveCount(1);
  const parentSlip = slips.filter({ hasText: 'Marta Nowicka' });
  await expect(parentSlip).toContainText('Rodzic');
  await expect(parentSlip).toContainText('Zofia Nowicka');
  await expect(slips.first()).toContainText('Przy pierwszym logowaniu ustawisz własne hasło.');
  await expect(page.getByRole('button', { name: 'Drukuj' })).toBeVisible();
  await expectAccessible(page, 'the slips page');

  // Slips stay Polish when the office works in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in slips' })).toBeVisible();
  await expect(slips.first()).toContainText('Przy pierwszym logowaniu ustawisz własne hasło.');
  await expectAccessible(page, 'the English slips page');
});

test('the audit log shows the newest entries and pages to older ones', async ({ page }) => {
  await signIn(page, account('admin'));
  await openFromNav(page, 'Dziennik zmian');
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const firstPage = await rows.count();
  await expect(page.getByRole('cell', { name: 'auth.login' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Pokaż starsze wpisy' }).click();
  await expect.poll(() => rows.count()).toBeGreaterThan(firstPage);
  await expectAccessible(page, 'the audit log after paging');
});
