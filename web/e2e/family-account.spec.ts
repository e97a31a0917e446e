// Family accounts (konto rodzinne): signing up, activating through the mailed link (the demo's /dev/mail), signing in
// with the e-mail, linking school accounts from different schools with consent, the child switcher in the header
// across schools, unlinking; an under-13 sign-up, which the parent activates; and deleting the family account, after
// which it cannot sign in while the school accounts it linked still can.
import type { Page } from '@playwright/test';
import {
  activatedFamilyAccount,
  apiAs,
  expect,
  expectAccessible,
  mailedToken,
  newAddress,
  newSchoolFamily,
  openFromNav,
  signIn,
  test,
  unique,
} from './fixtures';

const PASSWORD = 'rodzinne-haslo-2026';

/** A school name that says which test made it, with a number no other test picks. */
const newSchool = (kind: string) => `${kind} nr ${100 + Math.floor(Math.random() * 900)} w Gdyni`;

/** Links a school account on the family page, agreeing to the consent shown there. */
async function linkOnFamilyPage(page: Page, who: { login: string; password: string }): Promise<void> {
  await expect(page.getByTestId('consent-text')).toContainText('Łącząc konto szkolne z kontem rodzinnym');
  await page.getByLabel('Login konta szkolnego').fill(who.login);
  await page.getByLabel('Hasło konta szkolnego').fill(who.password);
  await page.getByLabel('Wyrażam zgodę opisaną powyżej').check();
  await page.getByRole('button', { name: 'Połącz konto' }).click();
}

const switcher = (page: Page) => page.getByRole('banner').getByLabel('Dziecko', { exact: true });

/** The schools the family page lists linked accounts under, in order. */
const schoolHeadings = (page: Page) =>
  page.getByRole('region', { name: 'Połączone konta szkolne' }).getByRole('heading', { level: 3 });

test('a parent signs up, activates through the mail, signs in with the e-mail and links a school account', async ({
  page,
}) => {
  const school = newSchool('Szkoła Podstawowa');
  const family = await newSchoolFamily(school, '4a', { first_name: 'Ewa', last_name: 'Rodzinna' }, [
    { first_name: 'Zosia', last_name: 'Rodzinna' },
  ]);
  const email = newAddress('ewa.rodzinna');

  await page.goto('/login');
  await expect(page.getByText('Konto rodzinne: wpisz swój adres e-mail.')).toBeVisible();
  await page.getByRole('link', { name: 'Załóż konto rodzinne' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Załóż konto rodzinne' })).toBeVisible();
  await expectAccessible(page, 'the sign-up page');

  // Nothing filled in: each field says what it needs, beside it.
  await page.getByRole('button', { name: 'Załóż konto' }).click();
  await expect(page.locator('#email-error')).toBeVisible();
  await expect(page.locator('#age_bracket-error')).toBeVisible();
  await expect(page.locator('#accept_terms-error')).toHaveText('Zaakceptuj regulamin, aby założyć konto.');
  await expect(page.getByLabel('Adres e-mail', { exact: true })).toBeFocused();
  await expectAccessible(page, 'the sign-up page with errors');

  await page.getByLabel('Adres e-mail', { exact: true }).fill(email);
  await page.getByLabel('Hasło', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Powtórz hasło', { exact: true }).fill(PASSWORD);
  await page.getByLabel('18 lub więcej').check();
  await expect(page.getByLabel('Adres e-mail rodzica')).toHaveCount(0);
  await page.getByLabel('Akceptuję regulamin konta rodzinnego').check();
  await page.getByRole('button', { name: 'Załóż konto' }).click();
  await expect(page.getByText('Sprawdź pocztę.')).toBeVisible();
  await expect(page.getByText(`Wysłaliśmy wiadomość na adres ${email}.`)).toBeVisible();
  await expectAccessible(page, 'the sign-up page after sending');

  // Not active yet: the sign-in page says so.
  await page.goto('/login');
  await page.getByLabel('Login', { exact: true }).fill(email);
  await page.getByLabel('Hasło', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page.getByRole('alert')).toContainText('Konto nie jest jeszcze aktywne');

  // The demo keeps mail on the machine and shows it at /dev/mail.
  await page.goto('/dev/mail');
  const mail = page.locator('article', { hasText: email }).first();
  await expect(mail).toContainText('aktywuj konto rodzinne');
  const token = (await mail.getByRole('link').first().getAttribute('href'))?.split('#')[1];
  expect(token).toMatch(/^[0-9a-f]{64}$/);

  await page.goto(`/activate#${token}`);
  await expect(page.getByText(`Konto ${email} jest aktywne.`)).toBeVisible();
  expect(page.url()).not.toContain(token!);
  await expectAccessible(page, 'the activation page');
  await page.getByRole('link', { name: 'Przejdź do logowania' }).click();

  // Signed in with the e-mail and linked to nothing: the family page, and no school pages.
  await signIn(page, { login: email, password: PASSWORD, name: email });
  await expect(page).toHaveURL(/\/family$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Konto rodzinne' })).toBeVisible();
  await expect(page.getByText('Konto rodzinne nie jest jeszcze połączone z żadnym kontem ze szkoły.')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link')).toHaveText(['Konto rodzinne', 'Bezpieczeństwo']);
  await expectAccessible(page, 'the family page with nothing linked');

  // A wrong password is said at the password; no consent, at the consent.
  await page.getByLabel('Login konta szkolnego').fill(family.parent.login);
  await page.getByLabel('Hasło konta szkolnego').fill('nie-to-haslo-2026');
  await page.getByLabel('Wyrażam zgodę opisaną powyżej').check();
  await page.getByRole('button', { name: 'Połącz konto' }).click();
  await expect(page.locator('#password-error')).toHaveText('Nieprawidłowy login lub hasło konta szkolnego.');
  await expect(page.getByLabel('Hasło konta szkolnego')).toBeFocused();
  await page.getByLabel('Hasło konta szkolnego').fill(family.parent.password);
  await page.getByLabel('Wyrażam zgodę opisaną powyżej').uncheck();
  await page.getByRole('button', { name: 'Połącz konto' }).click();
  await expect(page.locator('#consent-error')).toHaveText('Aby połączyć konto, wyraź zgodę.');
  await expectAccessible(page, 'the link form with errors');

  await linkOnFamilyPage(page, family.parent);
  await expect(page.getByTestId('family-news')).toContainText(`Połączono konto Ewa Rodzinna (${school}).`);
  await expect(schoolHeadings(page)).toHaveText([school]);
  const card = page.getByTestId('family-link').filter({ hasText: 'Ewa Rodzinna' });
  await expect(card).toContainText('Oglądasz teraz to konto');
  await expect(card.getByRole('list', { name: 'Dzieci: Ewa Rodzinna' })).toHaveText('Zosia Rodzinna, klasa 4a');
  await expect(page.getByRole('banner')).toContainText(`Rodzic: Ewa Rodzinna · ${school}`);
  await expectAccessible(page, 'the family page with a linked account');

  // Now the app is the parent's: the desk shows the child.
  await page.getByRole('link', { name: 'Przejdź do biurka' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Biurko' })).toBeVisible();
  await expect(page.getByTestId('family-child')).toHaveText(`Dziecko: Zosia Rodzinna — 4a, ${school}`);
  await expect(page.getByText('Dzień dobry, Ewa!')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Oceny', exact: true })).toBeVisible();
  await expectAccessible(page, 'the desk of a family account');
});

test('a family account switches between children of two schools in the header, then unlinks both', async ({ page }) => {
  const first = newSchool('Szkoła Podstawowa');
  const second = newSchool('Liceum');
  const a = await newSchoolFamily(first, '4a', { first_name: 'Ewa', last_name: 'Rodzinna' }, [
    { first_name: 'Zosia', last_name: 'Rodzinna' },
    { first_name: 'Jaś', last_name: 'Rodzinny' },
  ]);
  const b = await newSchoolFamily(second, '1b', { first_name: 'Adam', last_name: 'Rodzinny' }, [
    { first_name: 'Staś', last_name: 'Rodzinny' },
  ]);
  const [zosia, jas] = a.children;
  const [stas] = b.children;
  const email = newAddress('rodzinni');
  await activatedFamilyAccount(email, PASSWORD);

  await signIn(page, { login: email, password: PASSWORD, name: email });
  await expect(page).toHaveURL(/\/family$/);
  await linkOnFamilyPage(page, a.parent);
  await expect(page.getByTestId('family-news')).toContainText(`Połączono konto Ewa Rodzinna (${first}).`);
  await linkOnFamilyPage(page, b.parent);
  await expect(page.getByTestId('family-news')).toContainText(`Połączono konto Adam Rodzinny (${second}).`);
  await expect(schoolHeadings(page)).toHaveText([first, second]);

  // The header lists every child of both accounts (each account's in the school's order); the session still acts as
  // the first.
  await openFromNav(page, 'Biurko');
  await expect(switcher(page).locator('option')).toHaveText([
    `Jaś Rodzinny — 4a, ${first}`,
    `Zosia Rodzinna — 4a, ${first}`,
    `Staś Rodzinny — 1b, ${second}`,
  ]);
  await expect(switcher(page).locator('option:checked')).toHaveText(`Jaś Rodzinny — 4a, ${first}`);
  await expectAccessible(page, 'the header with the child switcher');

  // A child of the same account: only the address changes.
  await switcher(page).selectOption({ label: `Zosia Rodzinna — 4a, ${first}` });
  await expect(page).toHaveURL(new RegExp(`/\\?student=${zosia.id}$`));
  await expect(switcher(page).locator('option:checked')).toHaveText(`Zosia Rodzinna — 4a, ${first}`);
  await expect(page.getByRole('banner')).toContainText(`Rodzic: Ewa Rodzinna · ${first}`);

  // A child of the other school: the session switches, and the same page shows that child.
  // The new account's page is made afresh: focus stays on the switcher for who chose with the keyboard.
  await openFromNav(page, 'Oceny');
  await switcher(page).focus();
  const streaming = page.waitForResponse((r) => r.url().endsWith('/api/v1/feed/stream') && r.status() === 200);
  await switcher(page).selectOption({ label: `Staś Rodzinny — 1b, ${second}` });
  await expect(page.getByRole('banner')).toContainText(`Rodzic: Adam Rodzinny · ${second}`);
  await expect(page).toHaveURL(new RegExp(`/grades\\?student=${stas.id}$`));
  await expect(switcher(page).locator('option:checked')).toHaveText(`Staś Rodzinny — 1b, ${second}`);
  await expect(switcher(page)).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Oceny' })).toBeVisible();

  // The live feed now follows the second school's account: its announcement arrives without a reload.
  await streaming;
  const title = unique('Zebranie w liceum');
  const posted = await (
    await apiAs(b.admin)
  )('POST', '/notices', { title, body: 'Zebranie z rodzicami klas pierwszych.', audience: 'parents' });
  expect(posted.status).toBe(201);
  await expect(page.getByTestId('live-news')).toContainText(`Nowe ogłoszenie: ${title}`);

  // And back, to the first school's other child.
  await switcher(page).selectOption({ label: `Jaś Rodzinny — 4a, ${first}` });
  await expect(page.getByRole('banner')).toContainText(`Rodzic: Ewa Rodzinna · ${first}`);
  await expect(page).toHaveURL(new RegExp(`/grades\\?student=${jas.id}$`));

  // On the family page: which account is shown, a switch by button, and unlinking after a confirmation.
  await openFromNav(page, 'Konto rodzinne');
  const ewa = page.getByTestId('family-link').filter({ hasText: 'Ewa Rodzinna' });
  const adam = page.getByTestId('family-link').filter({ hasText: 'Adam Rodzinny' });
  await expect(ewa).toContainText('Oglądasz teraz to konto');
  await expect(ewa.getByRole('list', { name: 'Dzieci: Ewa Rodzinna' }).getByRole('listitem')).toHaveText([
    'Jaś Rodzinny, klasa 4a',
    'Zosia Rodzinna, klasa 4a',
  ]);
  await expectAccessible(page, 'the family page with two schools');
  await page.getByRole('button', { name: 'Przełącz na konto Adam Rodzinny' }).click();
  await expect(page.getByTestId('family-news')).toContainText(`Oglądasz teraz konto Adam Rodzinny (${second}).`);
  await expect(page.getByTestId('family-news')).toBeFocused();
  await expect(adam).toContainText('Oglądasz teraz to konto');
  await expect(page.getByRole('banner')).toContainText(`Rodzic: Adam Rodzinny · ${second}`);

  // Said no to the question: nothing is unlinked.
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: 'Odłącz konto Ewa Rodzinna' }).click();
  await expect(ewa).toBeVisible();

  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await page.getByRole('button', { name: 'Odłącz konto Ewa Rodzinna' }).click();
  await expect(page.getByTestId('family-news')).toContainText(`Odłączono konto Ewa Rodzinna (${first}).`);
  expect(asked).toContain(`Odłączyć konto Ewa Rodzinna (${first})`);
  await expect(ewa).toHaveCount(0);
  await expect(schoolHeadings(page)).toHaveText([second]);
  await expect(page.getByTestId('family-child')).toHaveText(`Dziecko: Staś Rodzinny — 1b, ${second}`);

  // Unlinking the account shown leaves the family account linked to nothing.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Odłącz konto Adam Rodzinny' }).click();
  await expect(page.getByTestId('family-news')).toContainText(`Odłączono konto Adam Rodzinny (${second}).`);
  await expect(page.getByText('Konto rodzinne nie jest jeszcze połączone z żadnym kontem ze szkoły.')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link')).toHaveText(['Konto rodzinne', 'Bezpieczeństwo']);
  await expect(page.getByTestId('family-child')).toHaveCount(0);
  await expect(switcher(page)).toHaveCount(0);
});

test('under 13, the activation link goes to the parent, who confirms before the account works', async ({ page }) => {
  const email = newAddress('zosia');
  const parent = newAddress('mama.zosi');

  await page.goto('/register');
  await page.getByLabel('Adres e-mail', { exact: true }).fill(email);
  await page.getByLabel('Hasło', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Powtórz hasło', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Mniej niż 13').check();
  await expect(page.getByLabel('Adres e-mail rodzica')).toBeVisible();
  await page.getByLabel('Adres e-mail rodzica').fill(email);
  await page.getByLabel('Akceptuję regulamin konta rodzinnego').check();
  await expectAccessible(page, 'the sign-up page under 13');
  await page.getByRole('button', { name: 'Załóż konto' }).click();
  await expect(page.locator('#parent_email-error')).toHaveText('Adres rodzica musi być inny niż Twój.');
  await page.getByLabel('Adres e-mail rodzica').fill(parent);
  await page.getByRole('button', { name: 'Załóż konto' }).click();
  await expect(page.getByText(`Wysłaliśmy wiadomość na adres rodzica: ${parent}.`)).toBeVisible();

  // The mail went to the parent, none to the child.
  const token = await mailedToken(parent, '/activate');
  const mailbox = await (await fetch(`${process.env.KREDA_E2E_BASE_URL}/dev/mail`)).text();
  expect(mailbox).not.toContain(`To: ${email} ·`);

  // The parent is asked, naming the account, and must tick the box.
  await page.goto(`/activate#${token}`);
  await expect(page.getByText(`Konto ${email} założyła osoba poniżej 13 lat`)).toBeVisible();
  await expectAccessible(page, 'the activation page asking the parent');
  await page.getByRole('button', { name: 'Potwierdź i aktywuj konto' }).click();
  await expect(page.locator('#parent_confirms-error')).toHaveText('Zaznacz, że jesteś rodzicem i wyrażasz zgodę.');
  await expect(page.getByLabel('Jestem rodzicem i wyrażam zgodę')).toBeFocused();
  await page.getByLabel('Jestem rodzicem i wyrażam zgodę').check();
  await page.getByRole('button', { name: 'Potwierdź i aktywuj konto' }).click();
  await expect(page.getByText(`Dziękujemy za zgodę. Konto ${email} jest aktywne`)).toBeVisible();
  await expectAccessible(page, 'the activation page after the parent confirmed');

  // The link works once.
  await page.goto('/');
  await page.goto(`/activate#${token}`);
  await expect(page.getByText('Ten link jest nieważny albo został już użyty.')).toBeVisible();
  await expect(page.getByText('Jeśli konto zostało już aktywowane, po prostu się zaloguj.')).toBeVisible();
  await expectAccessible(page, 'the activation page with a used link');

  await signIn(page, { login: email, password: PASSWORD, name: email });
  await expect(page.getByRole('heading', { level: 1, name: 'Konto rodzinne' })).toBeVisible();
});

test('a family deletes its account with its password; it no longer signs in, the school account still does', async ({
  page,
}) => {
  const school = newSchool('Szkoła Podstawowa');
  const family = await newSchoolFamily(school, '3c', { first_name: 'Ewa', last_name: 'Usuwająca' }, [
    { first_name: 'Ola', last_name: 'Usuwająca' },
  ]);
  const email = newAddress('ewa.usuwajaca');

  // Signed up on the page, activated through the mailed link.
  await page.goto('/register');
  await page.getByLabel('Adres e-mail', { exact: true }).fill(email);
  await page.getByLabel('Hasło', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Powtórz hasło', { exact: true }).fill(PASSWORD);
  await page.getByLabel('18 lub więcej').check();
  await page.getByLabel('Akceptuję regulamin konta rodzinnego').check();
  await page.getByRole('button', { name: 'Załóż konto' }).click();
  await expect(page.getByText(`Wysłaliśmy wiadomość na adres ${email}.`)).toBeVisible();
  await page.goto(`/activate#${await mailedToken(email, '/activate')}`);
  await expect(page.getByText(`Konto ${email} jest aktywne.`)).toBeVisible();

  await signIn(page, { login: email, password: PASSWORD, name: email });
  await expect(page).toHaveURL(/\/family$/);
  await linkOnFamilyPage(page, family.parent);
  await expect(page.getByTestId('family-news')).toContainText(`Połączono konto Ewa Usuwająca (${school}).`);

  // At the bottom of the family page: what goes, what stays at the school, and the password.
  const section = page.getByRole('region', { name: 'Usuń konto rodzinne' });
  await expect(section).toContainText(`Usuniemy konto rodzinne ${email}`);
  await expect(section).toContainText('W szkołach nic się nie zmieni');
  await expectAccessible(page, 'the family page with the deletion form');

  // A wrong password is said at the password, after the question.
  const password = section.getByLabel('Hasło konta rodzinnego', { exact: true });
  await password.fill('nie-to-haslo-2026');
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.accept();
  });
  await section.getByRole('button', { name: 'Usuń konto rodzinne' }).click();
  await expect(section.locator('#delete_password-error')).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toBeFocused();
  expect(asked).toBe(`Na pewno usunąć konto rodzinne ${email}? Tego nie można cofnąć.`);
  await expectAccessible(page, 'the deletion form with a wrong password');

  // Said no to the question: nothing happens.
  await password.fill(PASSWORD);
  page.once('dialog', (d) => void d.dismiss());
  await section.getByRole('button', { name: 'Usuń konto rodzinne' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Konto rodzinne' })).toBeVisible();
  await expect(page.getByTestId('user-name')).toBeVisible();

  page.once('dialog', (d) => void d.accept());
  await section.getByRole('button', { name: 'Usuń konto rodzinne' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Logowanie' })).toBeVisible();
  await expect(page.getByTestId('login-told')).toHaveText(
    'Konto rodzinne zostało usunięte. Konta w szkołach działają jak dotąd.',
  );
  await expectAccessible(page, 'the sign-in page after the deletion');

  // The family account is gone; the school's parent account still signs in with its own password.
  await page.getByLabel('Login', { exact: true }).fill(email);
  await page.getByLabel('Hasło', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  const schoolLogin = await apiAs(family.parent);
  const me = await schoolLogin<{ user: { first_name: string; last_name: string } }>('GET', '/me');
  expect(me.json.user).toMatchObject({ first_name: 'Ewa', last_name: 'Usuwająca' });
});

test('the activation page without a code says what to do', async ({ page }) => {
  await page.goto('/activate');
  await expect(page.getByRole('heading', { level: 1, name: 'Aktywacja konta rodzinnego' })).toBeVisible();
  await expect(page.getByText('W adresie brakuje kodu z wiadomości.')).toBeVisible();
  await expectAccessible(page, 'the activation page without a code');
});
