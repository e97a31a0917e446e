// Notification settings: a channel per group, quiet hours, the digest's hour; e-mail only with an address; push on
// this device, turned on and off (with the browser's push service stood in for, as none is reachable here), and the
// account's devices.
import { createECDH, randomBytes } from 'node:crypto';
import {
  account,
  apiAs,
  expect,
  expectAccessible,
  scrollsSideways,
  settled,
  signIn,
  signOut,
  test,
  unique,
  type DemoLogin,
} from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

interface Me {
  school: { id: number } | null;
}
interface Created {
  user: { login: string; first_name: string; last_name: string };
  activation_code: string;
}

/**
 * A new teacher with an own password, so no demo account's settings change; with an e-mail address unless told not
 * to (every demo parent has one now: the demo family account's, or their own).
 */
async function newTeacher({ email = true } = {}): Promise<DemoLogin> {
  const admin = await apiAs(account('admin'));
  const me = await admin<Me>('GET', '/me');
  const tag = unique('olga').replace(' ', '.');
  const created = await admin<Created>('POST', `/schools/${me.json.school?.id}/users`, {
    first_name: 'Olga',
    last_name: 'Powiadomska',
    role: 'teacher',
    ...(email ? { email: `${tag}@example.org` } : {}),
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

test('an account without an e-mail address sees why e-mail is not offered', async ({ page }) => {
  const teacher = await newTeacher({ email: false });
  const prefs = await (await apiAs(teacher))<{ email: string | null }>('GET', '/me/notifications');
  expect(prefs.json.email).toBeNull();

  await signIn(page, teacher);
  await page.goto('/security');
  await page.getByRole('main').getByRole('link', { name: 'Ustawienia powiadomień' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ustawienia powiadomień' })).toBeVisible();
  await settled(page);

  await expect(page.getByText('Adres wpisuje sekretariat szkoły')).toBeVisible();
  for (const name of ['Oceny', 'Frekwencja i usprawiedliwienia', 'Ogłoszenia', 'Wiadomości']) {
    await expect(group(page, name).getByLabel('E-mail od razu')).toBeDisabled();
    await expect(group(page, name).getByLabel('Codzienne podsumowanie e-mailem')).toBeDisabled();
    await expect(group(page, name).getByLabel('Tylko w aplikacji')).toBeEnabled();
    await expect(group(page, name).getByLabel('Powiadomienie push')).toBeEnabled();
    await expect(group(page, name).getByLabel('Bez powiadomień')).toBeEnabled();
  }
  await expectAccessible(page, 'the notification settings without an e-mail address');
});

test('e-mail for grades, a digest for announcements and quiet hours are kept', async ({ page }) => {
  const teacher = await newTeacher();
  await signIn(page, teacher);
  await openSettings(page);
  await expect(page.getByText(/@example\.org/)).toBeVisible();

  await group(page, 'Oceny').getByLabel('E-mail od razu').check();
  await group(page, 'Ogłoszenia').getByLabel('Codzienne podsumowanie e-mailem').check();
  await page.getByLabel('Nie wysyłaj e-maili ani powiadomień push w godzinach ciszy').check();
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
  await expect(page.getByLabel('Nie wysyłaj e-maili ani powiadomień push w godzinach ciszy')).toBeChecked();
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
  await page.getByLabel('Nie wysyłaj e-maili ani powiadomień push w godzinach ciszy').uncheck();
  await page.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Zapisano ustawienia powiadomień.' })).toBeVisible();
  await page.reload();
  await settled(page);
  await expect(page.getByLabel('Nie wysyłaj e-maili ani powiadomień push w godzinach ciszy')).not.toBeChecked();
  await expect(page.getByLabel('Od godziny')).toHaveCount(0);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the settings fit without scrolling sideways', async ({ page }) => {
    await signIn(page, account('parent'));
    await openSettings(page);
    await page.getByLabel('Nie wysyłaj e-maili ani powiadomień push w godzinach ciszy').check();
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

/** A device's keys as a browser makes them: a P-256 public key and 16 random bytes, base64url. */
function deviceKeys(): { p256dh: string; auth: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
}

/**
 * Stands in for the browser's push service, which a test machine cannot reach: PushManager subscribes at once, with
 * a made-up FCM endpoint and real keys, and keeps the subscription (and whether it was given up) in localStorage.
 * The service worker itself is the app's own, registered for real.
 */
async function standInPushService(context: BrowserContext): Promise<void> {
  await context.grantPermissions(['notifications']);
  await context.addInitScript((keys: { p256dh: string; auth: string }) => {
    const STORE = 'e2e-push-subscription';
    const bytes = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)).buffer;
    const made = (saved: { endpoint: string; key: string }) => ({
      endpoint: saved.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: bytes(saved.key) },
      toJSON: () => ({ endpoint: saved.endpoint, expirationTime: null, keys }),
      unsubscribe: async () => {
        localStorage.removeItem(STORE);
        localStorage.setItem('e2e-push-unsubscribed', saved.endpoint);
        return true;
      },
    });
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = new Uint8Array(options!.applicationServerKey as ArrayBuffer);
      const saved = {
        endpoint: `https://fcm.googleapis.com/fcm/send/e2e-${Math.random().toString(36).slice(2)}`,
        key: btoa(String.fromCharCode(...key)),
      };
      localStorage.setItem(STORE, JSON.stringify(saved));
      return made(saved) as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      const saved = localStorage.getItem(STORE);
      return saved ? (made(JSON.parse(saved)) as unknown as PushSubscription) : null;
    };
  }, deviceKeys());
}

const pushSection = (page: Page) => page.getByRole('region', { name: 'Powiadomienia push na tym urządzeniu' });

interface Devices {
  items: { id: number; service: string; created_at: string }[];
}

test('push for a group is kept, and turning it on in a browser that cannot says why', async ({ page }) => {
  const teacher = await newTeacher();
  await signIn(page, teacher);
  await openSettings(page);

  // Push needs no e-mail address; until a device receives it, the page says so.
  await group(page, 'Oceny').getByLabel('Powiadomienie push').check();
  await expect(
    page.getByText('Wybrano powiadomienia push, ale żadne urządzenie jeszcze ich nie odbiera.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Zapisz' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Zapisano ustawienia powiadomień.' })).toBeVisible();
  await page.reload();
  await settled(page);
  await expect(group(page, 'Oceny').getByLabel('Powiadomienie push')).toBeChecked();
  await expect(group(page, 'Wiadomości').getByLabel('Tylko w aplikacji')).toBeChecked();

  // Headless Chromium refuses to show notifications unless told otherwise: the state and a message say so.
  const section = pushSection(page);
  await expect(section.getByTestId('push-state')).toHaveText(/^Wyłączone/);
  await expect(section.getByText('Żadne urządzenie nie dostaje powiadomień push tego konta.')).toBeVisible();
  await expectAccessible(page, 'the notification settings with push chosen');
  await section.getByRole('button', { name: 'Włącz powiadomienia push na tym urządzeniu' }).click();
  await expect(section.getByTestId('push-news')).toContainText(
    /Przeglądarka zablokowała powiadomienia tej strony|Nie zezwolono na powiadomienia/,
  );
  await expect(section.getByTestId('push-news')).toBeFocused();
  await expectAccessible(page, 'the push section after the browser said no');

  // Allowed, but with no push service to reach (and none in a private context): a clear message, no device.
  await page.context().grantPermissions(['notifications']);
  await page.reload();
  await settled(page);
  await expect(section.getByTestId('push-state')).toHaveText(/^Wyłączone/);
  await section.getByRole('button', { name: 'Włącz powiadomienia push na tym urządzeniu' }).click();
  await expect(section.getByTestId('push-news')).toContainText(
    'Nie udało się włączyć powiadomień push w tej przeglądarce',
  );
  await expect(section.getByTestId('push-state')).toHaveText(/^Wyłączone/);
  const devices = await (await apiAs(teacher))<Devices>('GET', '/me/push-subscriptions');
  expect(devices.json.items).toEqual([]);
  await expectAccessible(page, 'the push section after a failed subscription');
});

/** A new teacher with a Firefox phone subscribed earlier, signed in here (the stand-in push service) on the settings. */
async function teacherWithPhone(page: Page) {
  const teacher = await newTeacher();
  const asTeacher = await apiAs(teacher);
  const phone = await asTeacher<{ id: number }>('POST', '/me/push-subscriptions', {
    endpoint: `https://updates.push.services.mozilla.com/wpush/v2/e2e-${Date.now().toString(36)}`,
    keys: deviceKeys(),
  });
  expect(phone.status).toBe(201);
  await standInPushService(page.context());
  await signIn(page, teacher);
  await openSettings(page);
  return { teacher, asTeacher, phone: phone.json, section: pushSection(page) };
}

test('this device turns push on and off, and another device is removed from the list', async ({ page }) => {
  const { asTeacher, section } = await teacherWithPhone(page);
  const listed = section.getByTestId('push-device');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Mozilla (Firefox) · updates.push.services.mozilla.com');
  await expect(section.getByTestId('push-state')).toHaveText(/^Wyłączone/);

  await section.getByRole('button', { name: 'Włącz powiadomienia push na tym urządzeniu' }).click();
  await expect(section.getByTestId('push-news')).toHaveText('Powiadomienia push są włączone na tym urządzeniu.');
  await expect(section.getByTestId('push-news')).toBeFocused();
  await expect(section.getByTestId('push-state')).toHaveText(
    'Włączone To urządzenie dostaje powiadomienia push tego konta.',
  );
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: 'To urządzenie' })).toContainText(
    'Google (Chrome, Android) · fcm.googleapis.com',
  );
  // The app's own worker took the subscription, at the root of the site.
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.active?.scriptURL ?? ''),
  ).toMatch(/\/sw\.js$/);
  const both = await asTeacher<Devices>('GET', '/me/push-subscriptions');
  expect(both.json.items.map((d) => d.service).sort()).toEqual([
    'fcm.googleapis.com',
    'updates.push.services.mozilla.com',
  ]);
  await expectAccessible(page, 'the push section with this device on');

  // Remembered: after a reload this device is still on.
  await page.reload();
  await settled(page);
  await expect(section.getByTestId('push-state')).toHaveText(/^Włączone/);

  // The phone is removed from here; this device stays on.
  await section.getByRole('button', { name: /^Usuń urządzenie: Mozilla \(Firefox\)/ }).click();
  await expect(section.getByTestId('push-news')).toContainText('Usunięto urządzenie: Mozilla (Firefox)');
  await expect(listed).toHaveCount(1);
  await expect(section.getByTestId('push-state')).toHaveText(/^Włączone/);

  // Turned off: the server forgets it, and the browser gives up its subscription (no one else here uses it).
  await section.getByRole('button', { name: 'Wyłącz na tym urządzeniu' }).click();
  await expect(section.getByTestId('push-news')).toHaveText('Wyłączono powiadomienia push na tym urządzeniu.');
  await expect(section.getByTestId('push-state')).toHaveText(/^Wyłączone/);
  await expect(section.getByText('Żadne urządzenie nie dostaje powiadomień push tego konta.')).toBeVisible();
  expect((await asTeacher<Devices>('GET', '/me/push-subscriptions')).json.items).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('e2e-push-unsubscribed'))).toMatch(/^https:\/\/fcm\./);
  await expectAccessible(page, 'the push section turned off');
});

test('signing out stops this browser hearing the account, and another device keeps hearing it', async ({ page }) => {
  const { teacher, asTeacher, phone, section } = await teacherWithPhone(page);
  await section.getByRole('button', { name: 'Włącz powiadomienia push na tym urządzeniu' }).click();
  await expect(section.getByTestId('push-state')).toHaveText(/^Włączone/);
  expect((await asTeacher<Devices>('GET', '/me/push-subscriptions')).json.items).toHaveLength(2);

  await signOut(page);
  const left = await asTeacher<Devices>('GET', '/me/push-subscriptions');
  expect(left.json.items.map((d) => d.id)).toEqual([phone.id]);
  expect(await page.evaluate(() => localStorage.getItem('e2e-push-unsubscribed'))).toMatch(/^https:\/\/fcm\./);
  expect(await page.evaluate(() => localStorage.getItem('kreda-push'))).toBeNull();

  // Signed in again on this computer, push is off here until turned on again.
  await signIn(page, teacher);
  await openSettings(page);
  await expect(section.getByTestId('push-state')).toHaveText(/^Wyłączone/);
});

test('a family account is told that push belongs to the linked account it shows', async ({ page }) => {
  const family = account('family');
  const me = await (await apiAs(family))<{ user: { first_name: string; last_name: string } }>('GET', '/me');
  await signIn(page, { login: family.login, password: family.password });
  await expect(page.getByTestId('user-name')).toBeVisible();
  await openSettings(page);
  await expect(pushSection(page).getByTestId('push-family')).toHaveText(
    `Konto rodzinne: powiadomienia push dotyczą konta, które teraz oglądasz (${me.json.user.first_name} ${me.json.user.last_name}). Dla każdego połączonego konta włącz je osobno: przełącz konto i włącz je ponownie.`,
  );
  await expectAccessible(page, 'the notification settings of a family account');
});

test('the service worker shows what the server pushes, and links only into the app', async ({ page, baseURL }) => {
  await page.context().grantPermissions(['notifications']);
  await page.goto('/login');
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    // `ready` may resolve while the worker is still activating; a push then is not delivered.
    const worker = (await navigator.serviceWorker.ready).active!;
    if (worker.state !== 'activated')
      await new Promise((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(null)),
      );
  });
  // DevTools delivers a push to the worker as a push service would (the payload as notifier.cpp sends it).
  const devtools = await page.context().newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  devtools.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
  await devtools.send('ServiceWorker.enable');
  await expect.poll(() => registrations.some((r) => r.scopeURL === `${baseURL}/` && !r.isDeleted)).toBe(true);
  const registrationId = registrations.find((r) => r.scopeURL === `${baseURL}/` && !r.isDeleted)!.registrationId;
  const deliver = (message: object) =>
    devtools.send('ServiceWorker.deliverPushMessage', {
      origin: baseURL!,
      registrationId,
      data: JSON.stringify(message),
    });
  const shown = () =>
    page.evaluate(async () =>
      (await (await navigator.serviceWorker.getRegistration('/'))!.getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        data: n.data as unknown,
      })),
    );

  // DevTools answers before the worker has the push and drops it while the worker starts, so a push is said
  // again until it shows (the same tag replaces it: saying it twice shows one notification).
  const pushUntilShown = (message: object, expected: object[]) =>
    expect(async () => {
      await deliver(message);
      await expect.poll(shown, { timeout: 2_000 }).toEqual(expected);
    }).toPass({ timeout: 15_000 });

  await pushUntilShown(
    { title: 'Kreda', body: 'Nowa ocena: Matematyka — 5', url: '/timeline', tag: 'grade.added', entry_id: 7 },
    [
      {
        title: 'Kreda',
        body: 'Nowa ocena: Matematyka — 5',
        tag: 'grade.added',
        data: { url: `${baseURL}/timeline`, entry_id: 7 },
      },
    ],
  );
  // The same tag replaces the notification; an address elsewhere is not followed.
  await pushUntilShown(
    { title: 'Kreda', body: 'Nowa ocena: Fizyka — 4', url: 'https://example.com/', tag: 'grade.added' },
    [
      {
        title: 'Kreda',
        body: 'Nowa ocena: Fizyka — 4',
        tag: 'grade.added',
        data: { url: `${baseURL}/timeline`, entry_id: null },
      },
    ],
  );
});
