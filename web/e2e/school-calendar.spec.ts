// The office sets up the calendar: a school year with its terms, free days and the bell schedule.
import { account, expect, expectAccessible, openFromNav, signIn, test } from './fixtures';

const suffix = () =>
  Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 4) || 'abcd';

test('an administrator adds a school year and sees the API problems at the fields', async ({ page }) => {
  await signIn(page, account('admin'));
  await openFromNav(page, 'Rok szkolny i okresy');

  // The second term must start inside the year (422 at that field).
  await page.getByLabel('Rok szkolny', { exact: true }).fill('2027/2028');
  await page.getByLabel('Pierwszy dzień roku').fill('2027-09-01');
  await page.getByLabel('Pierwszy dzień okresu II').fill('2028-07-01');
  await page.getByLabel('Ostatni dzień roku').fill('2028-06-23');
  await page.getByRole('button', { name: 'Dodaj rok szkolny' }).click();
  await expect(page.locator('#year_second_term-error')).toBeVisible();
  await expect(page.getByLabel('Pierwszy dzień okresu II')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Pierwszy dzień okresu II')).toBeFocused();
  await expectAccessible(page, 'the school year form with an error');

  await page.getByLabel('Pierwszy dzień okresu II').fill('2028-02-01');
  await page.getByRole('button', { name: 'Dodaj rok szkolny' }).click();
  await expect(page.getByText('Dodano rok szkolny 2027/2028 z dwoma okresami.')).toBeVisible();
  const row = page.getByTestId('years-table').getByRole('row', { name: /2027\/2028/ });
  await expect(row).toContainText('1 września 2027 – 31 stycznia 2028');
  await expect(row).toContainText('1 lutego – 23 czerwca 2028');

  // Dates overlapping another year: the conflict (409) shows at the first day.
  await page.getByLabel('Rok szkolny', { exact: true }).fill(`2028/${suffix()}`);
  await page.getByLabel('Pierwszy dzień roku').fill('2028-06-01');
  await page.getByLabel('Pierwszy dzień okresu II').fill('2029-01-29');
  await page.getByLabel('Ostatni dzień roku').fill('2029-05-31');
  await page.getByRole('button', { name: 'Dodaj rok szkolny' }).click();
  await expect(page.locator('#year_starts_on-error')).toHaveText('Ten rok szkolny nakłada się na inny.');
  await expect(page.getByLabel('Pierwszy dzień roku')).toBeFocused();
});

test('an administrator adds a run of free days and removes it', async ({ page }) => {
  const name = `Rekolekcje ${suffix()}`;
  await signIn(page, account('admin'));
  await openFromNav(page, 'Dni wolne');

  await page.getByLabel('Kilka dni z rzędu').check();
  await page.getByLabel('Pierwszy dzień').fill('2027-04-12');
  await page.getByLabel('Ostatni dzień').fill('2027-04-14');
  await page.getByLabel('Nazwa', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Dodaj dzień wolny' }).click();
  await expect(page.getByText(`Dodano dzień wolny: ${name}.`)).toBeVisible();
  const row = page.getByTestId('free-days-table').getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('12–14 kwietnia 2027');
  await expectAccessible(page, 'the free days page after adding one');

  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain(name);
    void dialog.accept();
  });
  await row.getByRole('button', { name: `Usuń dzień wolny: ${name}, 12–14 kwietnia 2027` }).click();
  await expect(page.getByText(`Usunięto dzień wolny: ${name} (12–14 kwietnia 2027).`)).toBeVisible();
  await expect(row).toHaveCount(0);

  // A single day needs only its date.
  await page.getByLabel('Jeden dzień').check();
  await expect(page.getByLabel('Ostatni dzień')).toHaveCount(0);
});

test('an administrator changes a bell time and it is still there after a reload', async ({ page }) => {
  await signIn(page, account('admin'));
  await openFromNav(page, 'Plan dzwonków');
  const end8 = page.getByLabel('Koniec lekcji 8', { exact: true });
  await expect(end8).toHaveValue('15:20');

  // A lesson that ends before it starts: the API's error shows under that row.
  const end2 = page.getByLabel('Koniec lekcji 2', { exact: true });
  await end2.fill('08:50');
  await page.getByRole('button', { name: 'Zapisz plan dzwonków' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^Lekcja 2: / })).toBeVisible();
  await expect(end2).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the bell schedule with a row error');
  await end2.fill('09:40');

  await end8.fill('15:25');
  await page.getByRole('button', { name: 'Zapisz plan dzwonków' }).click();
  await expect(page.getByText('Zapisano plan dzwonków.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Koniec lekcji 8', { exact: true })).toHaveValue('15:25');
  await expect(page.getByLabel('Koniec lekcji 2', { exact: true })).toHaveValue('09:40');
});
