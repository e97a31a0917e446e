// A school that requires two-step verification: a new teacher must set it up before using Kreda.
import { account, apiAs, expect, expectAccessible, signIn, signOut, test, type DemoLogin } from './fixtures';
import { totp } from './totp';

interface Created {
  user: { login: string };
  activation_code: string;
}

/** A fresh school (so the demo school's settings stay as they are) with a new teacher; then the school
 *  starts requiring TOTP (after which its admin, who has none yet, could not add staff). */
async function schoolRequiringTotp(): Promise<Created> {
  const operator = await apiAs(account('operator'));
  const made = await operator<{ school: { id: number }; admin: Created }>('POST', '/schools', {
    name: `Technikum Dwuetapowe ${Date.now() % 100000}`,
    city: 'Poznań',
    admin: { first_name: 'Irena', last_name: 'Strażnik' },
  });
  expect(made.status).toBe(201);
  const schoolId = made.json.school.id;
  const login = made.json.admin.user.login;
  const password = 'Admin-Nowej-Szkoly-1';
  const first = await apiAs({ role: 'admin', login, password: made.json.admin.activation_code, name: '' });
  expect(
    (
      await first('POST', '/auth/password', {
        current_password: made.json.admin.activation_code,
        new_password: password,
      })
    ).status,
  ).toBe(200);
  const admin: DemoLogin = { role: 'admin', login, password, name: 'Irena Strażnik' };
  const api = await apiAs(admin);
  const teacher = await api<Created>('POST', `/schools/${schoolId}/users`, {
    first_name: 'Bogdan',
    last_name: 'Ostrożny',
    role: 'teacher',
  });
  expect(teacher.status).toBe(201);
  expect((await api('PATCH', `/schools/${schoolId}`, { require_staff_totp: true })).status).toBe(200);
  return teacher.json;
}

test('a teacher of a school that requires it sets up two-step verification at first sign-in', async ({ page }) => {
  const created = await schoolRequiringTotp();
  const login = created.user.login;
  const password = 'Bezpieczna-Kreda-42';

  await signIn(page, { login, password: created.activation_code });
  await page.getByLabel('Nowe hasło', { exact: true }).fill(password);
  await page.getByLabel('Powtórz nowe hasło').fill(password);
  await page.getByRole('button', { name: 'Ustaw hasło' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Włącz weryfikację dwuetapową' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByRole('button', { name: 'Rozpocznij konfigurację' }).click();
  await expect(page.getByRole('img', { name: /Kod QR/ })).toBeVisible();
  await expectAccessible(page, 'the required TOTP enrolment page');
  const secret = (await page.locator('code.secret').innerText()).trim();
  await page.getByLabel('6-cyfrowy kod z aplikacji').fill(totp(secret));
  await page.getByRole('button', { name: 'Potwierdź i włącz' }).click();
  await expect(page.getByRole('list', { name: 'Kody zapasowe' }).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: /Zapisałem kody/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strona główna' })).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText('Bogdan Ostrożny');
  await signOut(page);
});
