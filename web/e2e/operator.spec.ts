// The deployment's operator manages schools.
import { account, expect, expectAccessible, openFromNav, signIn, signOut, test } from './fixtures';

test('an operator lists schools and creates one with its first administrator', async ({ page }) => {
  await signIn(page, account('operator'));
  await openFromNav(page, 'Szkoły');
  await expectAccessible(page, 'the schools page');
  const schoolName = `Liceum Testowe ${Date.now() % 100000}`;
  await page.getByLabel('Nazwa szkoły').fill(schoolName);
  await page.getByLabel('Miejscowość').fill('Gdańsk');
  await page.getByLabel('Imię', { exact: true }).fill('Renata');
  await page.getByLabel('Nazwisko', { exact: true }).fill('Zakładowa');
  await page.getByRole('button', { name: 'Dodaj szkołę' }).click();
  await expect(page.getByText(`Utworzono szkołę ${schoolName}.`, { exact: false })).toBeVisible();
  await expect(page.getByTestId('issued-code')).toHaveCount(1);
  await expect(page.getByRole('rowheader', { name: schoolName })).toBeVisible();
  await expectAccessible(page, 'the schools page after creating a school');
  await signOut(page);
});
