// Announcements: a parent sees a new one set apart, and opening it marks it read; the navigation's badge counts the
// unread ones, live; the office posts one to parents, sees who of how many has read it once a parent opened it, and
// deletes it.
import {
  account,
  apiAs,
  expect,
  expectAccessible,
  openFromNav,
  scrollsSideways,
  signIn,
  signOut,
  test,
  unique,
} from './fixtures';

test('a parent sees a new announcement, and opening it marks it read', async ({ page }) => {
  const title = unique('Dzień otwarty');
  const posted = await (
    await apiAs(account('admin'))
  )<{ id: number }>('POST', '/notices', {
    title,
    body: 'Zapraszamy rodziców na dzień otwarty szkoły w sobotę o 10:00.',
    audience: 'parents',
  });
  expect(posted.status).toBe(201);

  const parent = account('parent', 1);
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, parent);
  await openFromNav(page, 'Ogłoszenia');
  const card = page.locator(`[data-notice="${posted.json.id}"]`);
  const toggle = card.getByRole('button', { name: `Nowe ${title}`, exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the announcements with a new one');

  await toggle.click();
  await expect(card).toContainText('Zapraszamy rodziców na dzień otwarty szkoły');
  const opened = card.getByRole('button', { name: title, exact: true });
  await expect(opened).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, 'an opened announcement');

  // Read for good: after a reload it is no longer new, and the API says so.
  await page.reload();
  await expect(card.getByRole('button', { name: title, exact: true })).toBeVisible();
  const list = await (await apiAs(parent))<{ items: { id: number; read: boolean }[] }>('GET', '/notices');
  expect(list.json.items.find((n) => n.id === posted.json.id)?.read).toBe(true);
});

test('the office posts an announcement to parents, sees its reader, and deletes it', async ({ page }) => {
  const title = unique('Ubezpieczenie uczniów');
  const secretary = account('secretary');
  const parent = account('parent');

  await signIn(page, secretary);
  await openFromNav(page, 'Ogłoszenia');
  await page.getByRole('button', { name: 'Napisz ogłoszenie' }).click();
  await expect(page.getByLabel('Tytuł')).toBeFocused();
  // Nothing written: refused at the fields.
  await page.getByRole('button', { name: 'Opublikuj' }).click();
  await expect(page.getByLabel('Tytuł')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#notice_body-error')).toBeVisible();
  await expectAccessible(page, 'the announcement form with errors');

  await page.getByLabel('Tytuł').fill(title);
  await page.getByLabel('Treść').fill('Składki na ubezpieczenie przyjmuje sekretariat do końca miesiąca.');
  await page.getByLabel('Dla kogo').selectOption({ label: 'Dla rodziców' });
  await page.getByRole('button', { name: 'Opublikuj' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Opublikowano ogłoszenie „${title}”.` })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: title, exact: true }) });
  await expect(card).toContainText('Dla rodziców');
  // "Read by 0 of …": of every parent of the school.
  const asSecretary = await apiAs(secretary);
  const posted = (await asSecretary<{ items: { id: number; title: string }[] }>('GET', '/notices')).json.items.find(
    (n) => n.title === title,
  );
  const opened = await asSecretary<{ audience_size: number }>('GET', `/notices/${posted!.id}`);
  const size = opened.json.audience_size;
  expect(size, 'the school has parents').toBeGreaterThan(0);
  await card.getByRole('button', { name: title, exact: true }).click();
  await expect(card.getByRole('heading', { name: `Przeczytało: 0 z ${size}` })).toBeVisible();
  await expectAccessible(page, "the office's announcement before anyone read it");
  await signOut(page);

  await signIn(page, parent);
  await openFromNav(page, 'Ogłoszenia');
  await page.getByRole('button', { name: `Nowe ${title}`, exact: true }).click();
  await expect(page.getByText('Składki na ubezpieczenie przyjmuje sekretariat')).toBeVisible();
  await signOut(page);

  await signIn(page, secretary);
  await openFromNav(page, 'Ogłoszenia');
  const again = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: title, exact: true }) });
  await again.getByRole('button', { name: title, exact: true }).click();
  await expect(again.getByRole('heading', { name: `Przeczytało: 1 z ${size}` })).toBeVisible();
  const [first, ...rest] = parent.name.split(' ');
  await expect(again.getByTestId('notice-readers')).toContainText(`${rest.join(' ')} ${first} (Rodzic)`);
  await expectAccessible(page, "the office's announcement with its reader");

  page.once('dialog', (d) => {
    expect(d.message()).toContain(title);
    void d.accept();
  });
  await again.getByRole('button', { name: `Usuń ogłoszenie: ${title}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Usunięto ogłoszenie „${title}”.` })).toBeVisible();
  await expect(page.getByRole('button', { name: title, exact: true })).toHaveCount(0);
});

test('a teacher writes only to the classes they teach', async ({ page }) => {
  await signIn(page, account('homeroom_teacher'));
  await openFromNav(page, 'Ogłoszenia');
  await page.getByRole('button', { name: 'Napisz ogłoszenie' }).click();
  await expect(page.getByLabel('Dla kogo')).toHaveCount(0);
  const classes = page.getByRole('group', { name: 'Klasy' }).getByRole('checkbox');
  expect(await classes.count()).toBeGreaterThan(0);
  await expectAccessible(page, "a teacher's announcement form");
});

test("the announcements' badge counts the unread ones, goes up live and down when one is opened", async ({ page }) => {
  const parent = account('parent', 1);
  const asParent = await apiAs(parent);
  const asAdmin = await apiAs(account('admin'));
  const unread = async () => (await asParent<{ unread: number }>('GET', '/notices/unread')).json.unread;
  const link = page.getByRole('navigation').getByRole('link', { name: 'Ogłoszenia', exact: true });
  const badge = (n: number) =>
    n > 0
      ? expect(link).toHaveAccessibleDescription(`Nieprzeczytane: ${n}`)
      : expect(link).toHaveAccessibleDescription('');

  await page.setViewportSize({ width: 1280, height: 900 });
  const streaming = page.waitForResponse((r) => r.url().endsWith('/api/v1/feed/stream') && r.status() === 200);
  await signIn(page, parent);
  const before = await unread();
  await badge(before);
  await streaming;

  // Posted while the parent's desk is open: the badge, the desk and a notice say so without a reload.
  const title = unique('Kiermasz świąteczny');
  const posted = await asAdmin<{ id: number }>('POST', '/notices', {
    title,
    body: 'Zapraszamy na kiermasz w piątek po lekcjach.',
    audience: 'parents',
  });
  expect(posted.status).toBe(201);
  try {
    await badge(before + 1);
    await expect(page.getByTestId('desk-inbox')).toContainText(`Nieprzeczytane ogłoszenia: ${before + 1}`);
    await expect(page.getByTestId('live-news')).toContainText(`Nowe ogłoszenie: ${title}`);
    await expect(page.getByTestId('live-said')).toContainText(`Nowe ogłoszenie: ${title}`);
    await expectAccessible(page, 'the desk with a live notice');

    await page
      .getByTestId('live-news')
      .getByRole('link', { name: `Nowe ogłoszenie: ${title}` })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ogłoszenia' })).toBeVisible();
    await page.getByRole('button', { name: `Nowe ${title}`, exact: true }).click();
    await expect(page.getByText('Zapraszamy na kiermasz w piątek')).toBeVisible();
    await badge(before);
    expect(await unread()).toBe(before);
  } finally {
    await asAdmin('DELETE', `/notices/${posted.json.id}`);
  }
});
