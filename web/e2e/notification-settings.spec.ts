// Notification settings: a channel per group, quiet hours, the digest's hour; e-mail only with an address.
import {
  account,
  apiAs,
  expect,
  expectAccessible,
  scrollsSideways,
  settled,
  signIn,
  test,
  unique,
  type DemoLogin,
} from './fixtures';
import type { Page } from '@playwright/test';

interface Me {
  school: { id: number } | null;
}
interface Created {
  user: { login: string; first_name: string; last_name: string };
  activation_code: string;
}

/** A new teacher with an e-mail address and an own password, so no demo account's settings change. */
async function teacherWithEmail(): Promise<DemoLogin> {
  const admin = await apiAs(account('admin'));
  const me = await admin<Me>('GET', '/me');
  const tag = unique('olga').replace(' ', '.');
  const created = await admin<Created>('POST', `/schools/${me.json.school?.id}/users`, {
    first_name: 'Olga',
    last_name: 'Powiadomska',
    role: 'teacher',
    email: `${tag}@example.org`,
  });
  expect(created.status).toBe(201);
  const { login } = created.json.user;
  const code = created.json.activation_code;
  const password = 'Cicha-Noc-Kreda-2026!';
  const asNew = await apiAs({ role: 'teacher', login, password: code, name: '' });
  const changed = await asNew('POST', '/auth/password', { current_password: code, new_password: password });
  expect(changed.status).toBe(200);
  return { role: 'teacher', login, password, name: 'Olga Powiadomska' };
}

async function openSettings(page: Page): Promise<void> {
  await page.goto('/settings/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Ustawienia powiadomień' })).toBeVisible();
  await settled(page);
}

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test('a parent without an e-mail address sees why e-mail is not offered', async ({ page }) => {
  const parent = account('parent');
  const prefs = await (await apiAs(parent))<{ email: string | null }>('GET', '/me/notifications');
  expect(prefs.json.email, 'the demo parent has no e-mail address').toBeNull();

  await signIn(page, parent);
  await page.goto('/security');
  await page.getByRole('main').getByRole('link', { name: 'Ustawienia powiadomień' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ustawienia powiadomień' })).toBeVisible();
  await settled(page);

  await expect(page.getByText('Adres wpisuje sekretariat szkoły')).toBeVisible();
  for (const name of ['Oceny', 'Frekwencja i usprawiedliwienia', 'Ogłoszenia', 'Wiadomości']) {
    await expect(group(page, name).getByLabel('E-mail od razu')).toBeDisabled();
    await expect(group(page, name).getByLabel('Codzienne podsumowanie e-mailem')).toBeDisabled();
    await expect(group(page, name).getByLabel('Tylko w aplikacji')).toBeEnabled();
    await expect(group(page, name).getByLabel('Bez powiadomień')).toBeEnabled();
  }
  await expectAccessible(page, 'the notification settings without an e-mail address');
});

test('e-mail for grades, a digest for announcements and quiet hours are kept', async ({ page }) => {
  const teacher = await teacherWithEmail();
  await signIn(page, teacher);
  await openSettings(page);
  await expect(page.getByText(/@example\.org/)).toBeVisible();

  await group(page, 'Oceny').getByLabel('E-mail od razu').check();
  await group(page, 'Ogłoszenia').getByLabel('Codzienne podsumowanie e-mailem').check();
  await page.getByLabel('Nie wysyłaj e-maili w godzinach ciszy').check();
  await expect(page.getByLabel('Od godziny')).toHaveValue('22:00');
  await expect(page.getByLabel('Do godziny')).toHaveValue('07:00');
  await page.getByLabel('Od godziny').fill('21:30');
  await page.getByLabel('Godzina codziennego podsumowania').fill('18:00');
  await page.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Zapisano ustawienia powiadomień.' })).toBeVisible();
  await expectAccessible(page, 'the notification settings after saving');

  await page.reload();
  await settled(page);
  await expect(group(page, 'Oceny').getByLabel('E-mail od razu')).toBeChecked();
  await expect(group(page, 'Ogłoszenia').getByLabel('Codzienne podsumowanie e-mailem')).toBeChecked();
  await expect(group(page, 'Wiadomości').getByLabel('Tylko w aplikacji')).toBeChecked();
  await expect(page.getByLabel('Nie wysyłaj e-maili w godzinach ciszy')).toBeChecked();
  await expect(page.getByLabel('Od godziny')).toHaveValue('21:30');
  await expect(page.getByLabel('Do godziny')).toHaveValue('07:00');
  await expect(page.getByLabel('Godzina codziennego podsumowania')).toHaveValue('18:00');

  // A time left empty is not HH:MM: the server's error stands at that field.
  await page.getByLabel('Do godziny').fill('');
  await page.getByRole('button', { name: 'Zapisz' }).click();
  const to = page.getByLabel('Do godziny');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#quiet_to-error')).toBeVisible();
  await expect(to).toHaveAttribute('aria-describedby', /quiet_to-error/);
  await expect(to).toBeFocused();
  await expect(page.getByLabel('Od godziny')).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the notification settings with an error');

  // Turning quiet hours off is saved too.
  await page.getByLabel('Nie wysyłaj e-maili w godzinach ciszy').uncheck();
  await page.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Zapisano ustawienia powiadomień.' })).toBeVisible();
  await page.reload();
  await settled(page);
  await expect(page.getByLabel('Nie wysyłaj e-maili w godzinach ciszy')).not.toBeChecked();
  await expect(page.getByLabel('Od godziny')).toHaveCount(0);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the settings fit without scrolling sideways', async ({ page }) => {
    await signIn(page, account('parent'));
    await openSettings(page);
    await page.getByLabel('Nie wysyłaj e-maili w godzinach ciszy').check();
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, 'the notification settings at 360 px');
  });
});

test('an operator is not offered notification settings', async ({ page }) => {
  await signIn(page, account('operator'));
  await page.goto('/security');
  await expect(page.getByRole('heading', { level: 1, name: 'Bezpieczeństwo' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ustawienia powiadomień' })).toHaveCount(0);
});
