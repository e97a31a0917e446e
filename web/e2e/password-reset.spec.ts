// A forgotten password: ask on the sign-in page, open the link from the mail (the demo's /dev/mail), set a new
// password, sign in with it; the link works once.
import { account, apiAs, expect, expectAccessible, signIn, test } from './fixtures';

test('a teacher who forgot the password sets a new one through the mailed link', async ({ page, baseURL }) => {
  const office = await apiAs(account('admin'));
  const me = await office<{ school: { id: number } }>('GET', '/me');
  const email = `zapominalska.${Date.now().toString(36)}@example.pl`;
  const created = await office<{ user: { login: string }; activation_code: string }>(
    'POST',
    `/schools/${me.json.school.id}/users`,
    { first_name: 'Zofia', last_name: 'Zapominalska', role: 'teacher', email },
  );
  expect(created.status).toBe(201);
  const { login } = created.json.user;
  const teacher = await apiAs({ role: 'teacher', login, password: created.json.activation_code, name: '' });
  expect(
    (
      await teacher('POST', '/auth/password', {
        current_password: created.json.activation_code,
        new_password: 'pierwsze-haslo-2026',
      })
    ).status,
  ).toBe(200);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Nie pamiętasz hasła?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nowe hasło' })).toBeVisible();
  await expectAccessible(page, 'the forgotten-password page');
  await page.getByLabel('Login albo e-mail').fill(login);
  await page.getByRole('button', { name: 'Wyślij link' }).click();
  await expect(page.getByText('Jeśli takie konto ma adres e-mail')).toBeVisible();

  // The demo keeps mail on the machine and shows it at /dev/mail.
  await page.goto('/dev/mail');
  const mail = page.locator('article', { hasText: email }).first();
  await expect(mail).toContainText('Kreda: ustaw nowe hasło');
  const link = await mail.getByRole('link').first().getAttribute('href');
  const token = link?.split('#')[1];
  expect(token).toMatch(/^[0-9a-f]{64}$/);

  await page.goto(`${baseURL}/reset-password#${token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ustaw nowe hasło' })).toBeVisible();
  await expectAccessible(page, 'the reset page');
  await page.getByLabel('Nowe hasło', { exact: true }).fill('krotkie');
  await page.getByLabel('Powtórz nowe hasło', { exact: true }).fill('krotkie');
  await page.getByRole('button', { name: 'Ustaw hasło' }).click();
  await expect(page.locator('#new_password-error')).toBeVisible();
  await page.getByLabel('Nowe hasło', { exact: true }).fill('nowe-bezpieczne-haslo-2026');
  await page.getByLabel('Powtórz nowe hasło', { exact: true }).fill('nowe-bezpieczne-haslo-2026');
  await page.getByRole('button', { name: 'Ustaw hasło' }).click();
  await expect(page.getByText('Hasło jest ustawione.')).toBeVisible();
  expect(page.url()).not.toContain(token!);

  await signIn(page, { login, password: 'nowe-bezpieczne-haslo-2026', name: 'Zofia Zapominalska' });

  // The same link again: refused, with a way forward.
  const again = await page.context().newPage();
  await again.goto(`${baseURL}/reset-password#${token}`);
  await again.getByLabel('Nowe hasło', { exact: true }).fill('jeszcze-inne-haslo-2026');
  await again.getByLabel('Powtórz nowe hasło', { exact: true }).fill('jeszcze-inne-haslo-2026');
  await again.getByRole('button', { name: 'Ustaw hasło' }).click();
  await expect(again.getByText('Ten link wygasł albo został już użyty.')).toBeVisible();
});
