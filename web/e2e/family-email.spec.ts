// A family account moves to a new e-mail address: asked for on the family page with the password, confirmed through
// the link mailed to the new address (the demo's /dev/mail), with a notice to the old one; then only the new address
// signs in. The link works signed in (the open session shows the new address) and signed out; a link that does not
// work says where to ask again.
//
// The server slows bad links per network address (a few free, then delays), and every browser here is 127.0.0.1:
// so each run of this file opens one.
import type { Page } from '@playwright/test';
import {
  activatedFamilyAccount,
  apiAs,
  expect,
  expectAccessible,
  mailedToken,
  newAddress,
  signIn,
  signOut,
  test,
} from './fixtures';

const PASSWORD = 'rodzinne-haslo-2026';

const emailSection = (page: Page) => page.getByRole('region', { name: 'Adres e-mail konta' });

/** The demo's mailbox as text: every mail Kreda would have sent, newest first. */
const mailbox = async () => (await fetch(`${process.env.KREDA_E2E_BASE_URL}/dev/mail`)).text();

/** Signing in fails: the sign-in page stays, with its error. */
async function signInFails(page: Page, login: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Login', { exact: true }).fill(login);
  await page.getByLabel('Hasło', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
}

test('a family changes its address on the family page, confirms from the new mailbox, then signs in with it', async ({
  page,
}) => {
  const old = newAddress('ewa.przed');
  const next = newAddress('ewa.po');
  await activatedFamilyAccount(old, PASSWORD);
  await signIn(page, { login: old, password: PASSWORD, name: old });
  await expect(page).toHaveURL(/\/family$/);

  const section = emailSection(page);
  await expect(section).toContainText(`Obecny adres: ${old}`);
  await expectAccessible(page, 'the family page with the address form');

  // A wrong password is said at the password, and nothing is mailed.
  const address = section.getByLabel('Nowy adres e-mail', { exact: true });
  const password = section.getByLabel('Obecne hasło', { exact: true });
  const change = section.getByRole('button', { name: 'Zmień adres', exact: true });
  await address.fill(next);
  await password.fill('nie-to-haslo-2026');
  await change.click();
  await expect(section.locator('#email_password-error')).toHaveText('Hasło jest nieprawidłowe.');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toBeFocused();
  expect(await mailbox()).not.toContain(`To: ${next} ·`);
  await expectAccessible(page, 'the address form with a wrong password');

  // The current address is no change: said at the address.
  await address.fill(old);
  await password.fill(PASSWORD);
  await change.click();
  await expect(section.locator('#new_email-error')).toHaveText('To jest obecny adres konta.');
  await expect(address).toBeFocused();

  await address.fill(next);
  await change.click();
  const sent = section.getByTestId('family-email-sent');
  await expect(sent).toHaveText(
    `Wysłaliśmy wiadomość na adres ${next}. Adres konta zmieni się, gdy otworzysz link z tej wiadomości ` +
      '(działa 24 godziny). Do tego czasu logujesz się obecnym adresem.',
  );
  await expect(sent).toBeFocused();
  await expect(password).toHaveValue('');
  await expect(section.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(section).toContainText(`Obecny adres: ${old}`);
  await expectAccessible(page, 'the address form after sending the link');

  // The link went to the new address; the old one was told, with the new address named.
  const token = await mailedToken(next, '/confirm-email');
  await page.goto('/dev/mail');
  const confirmation = page.locator('article').filter({ hasText: `To: ${next} ·` });
  await expect(confirmation).toContainText('Kreda: potwierdź nowy adres konta rodzinnego');
  await expect(confirmation).toContainText(`konto rodzinne ${old}`);
  await expect(confirmation.getByRole('link')).toHaveAttribute('href', new RegExp(`/confirm-email#${token}$`));
  const notice = page.locator('article').filter({ hasText: `To: ${old} ·` });
  await expect(notice.filter({ hasText: 'Kreda: prośba o zmianę adresu konta' })).toContainText(
    `logowało się ono adresem ${next}`,
  );

  // Opened where the family is signed in: confirmed, and the open session shows the new address.
  await page.goto(`/confirm-email#${token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nowy adres konta rodzinnego' })).toBeVisible();
  await expect(page.getByText(`Konto rodzinne loguje się teraz adresem ${next}.`)).toBeVisible();
  expect(page.url()).not.toContain(token);
  await expectAccessible(page, 'the confirmation page signed in');
  await page.getByRole('link', { name: 'Wróć do konta rodzinnego', exact: true }).click();
  await expect(page).toHaveURL(/\/family$/);
  await expect(section).toContainText(`Obecny adres: ${next}`);
  await expect(page.getByTestId('user-name')).toContainText(next);

  // From now on the new address signs in, and the old one does not.
  await signOut(page);
  await signInFails(page, old);
  await signIn(page, { login: next, password: PASSWORD, name: next });
  await expect(page).toHaveURL(/\/family$/);
  await expect(section).toContainText(`Obecny adres: ${next}`);
});

test('the link opened signed out confirms the address and leads to signing in with it', async ({ page }) => {
  const old = newAddress('adam.przed');
  const next = newAddress('adam.po');
  await activatedFamilyAccount(old, PASSWORD);
  const family = await apiAs({ role: 'family', login: old, password: PASSWORD, name: '' });
  expect((await family('POST', '/family/email', { email: next, password: PASSWORD })).status).toBe(202);

  await page.goto(`/confirm-email#${await mailedToken(next, '/confirm-email')}`);
  await expect(page.getByText(`Konto rodzinne loguje się teraz adresem ${next}.`)).toBeVisible();
  await expect(page.getByText('Hasło się nie zmieniło.')).toBeVisible();
  await expectAccessible(page, 'the confirmation page signed out');
  await page.getByRole('link', { name: 'Zaloguj się nowym adresem', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logowanie' })).toBeVisible();

  await signIn(page, { login: next, password: PASSWORD, name: next });
  await expect(page).toHaveURL(/\/family$/);
  await expect(emailSection(page)).toContainText(`Obecny adres: ${next}`);
});

test('a link that does not work says so and where to ask for the change again', async ({ page }) => {
  await page.goto(`/confirm-email#${'0'.repeat(64)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nowy adres konta rodzinnego' })).toBeVisible();
  await expect(page.getByText('Ten link jest nieważny albo został już użyty.')).toBeVisible();
  await expect(page.getByText('Jeśli adres został już zmieniony, po prostu zaloguj się nowym adresem.')).toBeVisible();
  await expect(
    page.getByText('O zmianę adresu możesz poprosić jeszcze raz na stronie konta rodzinnego.'),
  ).toBeVisible();
  await expectAccessible(page, 'the confirmation page with an invalid link');

  // Signed out, the family page asks to sign in first (with the address that still works).
  await page.getByRole('link', { name: 'Przejdź do konta rodzinnego', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logowanie' })).toBeVisible();

  await page.goto('/confirm-email');
  await expect(page.getByText('W adresie brakuje kodu z wiadomości. Otwórz link z e-maila jeszcze raz.')).toBeVisible();
});
