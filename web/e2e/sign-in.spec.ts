// Signing in and out as different people, and the wrong-password message in both languages.
import { account, expect, expectAccessible, openFromNav, signIn, signOut, test } from './fixtures';

test('the sign-in page is accessible and in Polish by default', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { level: 1, name: 'Logowanie' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expectAccessible(page, 'the sign-in page');
});

test('an administrator signs in, visits every office page and signs out', async ({ page }) => {
  const admin = account('admin');
  await signIn(page, admin);
  await expect(page.getByRole('navigation', { name: 'Nawigacja główna' })).toBeVisible();
  await expectAccessible(page, 'the admin home page');
  for (const label of [
    'Pracownicy',
    'Klasy',
    'Uczniowie',
    'Kartki logowania',
    'Ustawienia szkoły',
    'Dziennik zmian',
    'Bezpieczeństwo',
  ]) {
    await openFromNav(page, label);
    await expectAccessible(page, `the admin page "${label}"`);
  }
  await signOut(page);
  await page.goto('/admin/staff');
  await expect(page).toHaveURL(/\/login$/);
});

test("a parent signs in, lands on a child's desk and signs out", async ({ page }) => {
  const parent = account('parent');
  await signIn(page, parent);
  await expect(page.getByRole('heading', { level: 1, name: 'Biurko' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Biurko', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Lekcje' })).toBeVisible();
  await expectAccessible(page, 'the parent home page');
  await openFromNav(page, 'Bezpieczeństwo');
  await expectAccessible(page, 'the parent security page');
  await signOut(page);
});

test('a student signs in, lands on their own desk and signs out', async ({ page }) => {
  const student = account('student');
  await signIn(page, student);
  await expect(page.getByRole('heading', { level: 1, name: 'Biurko' })).toBeVisible();
  await expect(page.getByLabel('Dziecko')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Nieusprawiedliwione nieobecności' })).toBeVisible();
  await expectAccessible(page, 'the student home page');
  await signOut(page);
});

test('a wrong password shows the error, in Polish and after switching in English', async ({ page }) => {
  const teacher = account('teacher');
  await page.goto('/login');
  await page.getByLabel('Login', { exact: true }).fill(teacher.login);
  await page.getByLabel('Hasło', { exact: true }).fill('to-nie-jest-haslo');
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  const polish = (await alert.innerText()).trim();
  expect(polish.length).toBeGreaterThan(0);
  await expectAccessible(page, 'the sign-in page with an error');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('this-is-not-it');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  const english = (await page.getByRole('alert').innerText()).trim();
  expect(english.length).toBeGreaterThan(0);
  expect(english).not.toBe(polish);
  await expectAccessible(page, 'the English sign-in page with an error');
  await expect(page).toHaveTitle(/Sign in/);
});
