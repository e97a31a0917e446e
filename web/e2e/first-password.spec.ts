// A new staff member signs in with the one-time code and must set an own password first.
import { account, apiAs, expect, expectAccessible, signIn, signOut, test } from './fixtures';

interface Me {
  school: { id: number } | null;
}
interface Created {
  user: { login: string; first_name: string; last_name: string };
  activation_code: string;
}

test('a teacher activates the account with the slip code and a password of their own', async ({ page }) => {
  const api = await apiAs(account('admin'));
  const me = await api<Me>('GET', '/me');
  expect(me.status).toBe(200);
  const schoolId = me.json.school?.id;
  expect(schoolId).toBeTruthy();
  const created = await api<Created>('POST', `/schools/${schoolId}/users`, {
    first_name: 'Ewa',
    last_name: 'Pierwszolog',
    role: 'teacher',
  });
  expect(created.status).toBe(201);
  const { login } = created.json.user;
  const name = 'Ewa Pierwszolog';

  await signIn(page, { login, password: created.json.activation_code });
  await expect(page.getByRole('heading', { level: 1, name: 'Ustaw własne hasło' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectAccessible(page, 'the first-password page');

  await page.getByLabel('Nowe hasło', { exact: true }).fill('krotkie');
  await page.getByLabel('Powtórz nowe hasło').fill('krotkie');
  await page.getByRole('button', { name: 'Ustaw hasło' }).click();
  const field = page.getByLabel('Nowe hasło', { exact: true });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#new_password-error')).toBeVisible();
  await expect(page.locator('#new_password-error')).toHaveAttribute('role', 'alert');
  await expect(field).toHaveAttribute('aria-describedby', /new_password-error/);
  await expectAccessible(page, 'the first-password page with an error');

  const password = 'Zielona-Kreda-2026!';
  await page.getByLabel('Nowe hasło', { exact: true }).fill(password);
  await page.getByLabel('Powtórz nowe hasło').fill(password);
  await page.getByRole('button', { name: 'Ustaw hasło' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(name);
  await expect(page.getByRole('heading', { level: 1, name: 'Strona główna' })).toBeVisible();
  await expectAccessible(page, 'the teacher home page');
  await signOut(page);

  await signIn(page, { login, password, name });
  await expect(page.getByRole('heading', { level: 1, name: 'Strona główna' })).toBeVisible();
  await signOut(page);
});
