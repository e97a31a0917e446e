// A phone-sized screen and the dark theme.
import { account, expect, expectAccessible, openFromNav, scrollsSideways, signIn, test } from './fixtures';

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('nothing scrolls sideways and the collapsed navigation opens', async ({ page }) => {
    await page.goto('/login');
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, 'the sign-in page at 360 px');
    await signIn(page, account('admin'));
    expect(await scrollsSideways(page)).toBe(false);

    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('navigation')).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Pracownicy' })).toBeVisible();
    await expectAccessible(page, 'the open menu at 360 px');

    for (const label of ['Pracownicy', 'Uczniowie', 'Dziennik zmian', 'Bezpieczeństwo']) {
      await openFromNav(page, label);
      await expect(page.getByRole('navigation')).toBeHidden();
      expect(await scrollsSideways(page), `${label} scrolls sideways`).toBe(false);
      await expectAccessible(page, `${label} at 360 px`);
    }
  });
});

test('the dark theme is accessible and remembered', async ({ page }) => {
  await page.goto('/login');
  const toggle = page.getByRole('button', { name: 'Ciemny motyw' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page, 'the dark sign-in page');

  await signIn(page, account('admin'));
  await expectAccessible(page, 'the dark home page');
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
    await expectAccessible(page, `the dark page "${label}"`);
  }
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test.describe('with a dark system preference', () => {
  test.use({ colorScheme: 'dark' });

  test('the app starts dark until the user chooses otherwise', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page, 'the sign-in page in the system dark theme');
    await page.getByRole('button', { name: 'Ciemny motyw' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});
