// Staff two-step verification from the Security page, and signing in with it.
import { account, apiAs, expect, expectAccessible, openFromNav, signIn, signOut, test } from './fixtures';
import { totp } from './totp';

test('a teacher turns on two-step verification, signs in with a recovery code and turns it off', async ({ page }) => {
  const api = await apiAs(account('admin'));
  const schoolId = (await api<{ school: { id: number } }>('GET', '/me')).json.school.id;
  const created = await api<{ user: { login: string }; activation_code: string }>(
    'POST',
    `/schools/${schoolId}/users`,
    {
      first_name: 'Tadeusz',
      last_name: 'Dwuskładnikowy',
      role: 'teacher',
    },
  );
  expect(created.status).toBe(201);
  const login = created.json.user.login;
  const password = 'Niebieska-Tablica-77';
  const name = 'Tadeusz Dwuskładnikowy';

  await signIn(page, { login, password: created.json.activation_code });
  await page.getByLabel('Nowe hasło', { exact: true }).fill(password);
  await page.getByLabel('Powtórz nowe hasło').fill(password);
  await page.getByRole('button', { name: 'Ustaw hasło' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(name);

  await openFromNav(page, 'Bezpieczeństwo');
  await expect(page.getByText('Weryfikacja dwuetapowa jest wyłączona.')).toBeVisible();
  await page.getByRole('button', { name: 'Rozpocznij konfigurację' }).click();
  await expect(page.getByRole('img', { name: /Kod QR/ })).toBeVisible();
  await expectAccessible(page, 'the TOTP enrolment step');
  const secret = (await page.locator('code.secret').innerText()).trim();

  await page.getByLabel('6-cyfrowy kod z aplikacji').fill('000000' === totp(secret) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Potwierdź i włącz' }).click();
  await expect(page.locator('#totp_code-error')).toBeVisible();

  await page.getByLabel('6-cyfrowy kod z aplikacji').fill(totp(secret));
  await page.getByRole('button', { name: 'Potwierdź i włącz' }).click();
  await expect(page.getByRole('heading', { name: 'Zapisz kody zapasowe' })).toBeVisible();
  const codes = await page.getByRole('list', { name: 'Kody zapasowe' }).getByRole('listitem').allInnerTexts();
  expect(codes).toHaveLength(10);
  await expectAccessible(page, 'the recovery codes');
  await page.getByRole('button', { name: /Zapisałem kody/ }).click();
  await expect(page.getByText('Weryfikacja dwuetapowa jest włączona.').first()).toBeVisible();
  await signOut(page);

  await signIn(page, { login, password });
  await expect(page.getByRole('heading', { level: 1, name: 'Weryfikacja dwuetapowa' })).toBeVisible();
  await expectAccessible(page, 'the TOTP sign-in step');
  await page.getByLabel('Kod z aplikacji lub kod zapasowy').fill(codes[0].trim());
  await page.getByRole('button', { name: 'Potwierdź' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(name);

  await openFromNav(page, 'Bezpieczeństwo');
  await page.getByLabel('Obecne hasło').last().fill(password);
  await page.getByRole('button', { name: 'Wyłącz weryfikację dwuetapową' }).click();
  await expect(page.getByText('Weryfikacja dwuetapowa została wyłączona.')).toBeVisible();
  await signOut(page);
  await signIn(page, { login, password, name });
});
