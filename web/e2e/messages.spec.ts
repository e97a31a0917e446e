// Messages: a parent writes to their child's homeroom teacher, who sees it unread, opens it and replies; the parent
// reads the reply in the thread and sees in the sent folder that their message was read. On a desktop and on a 360 px
// phone (list → message → back). Then the folders (archive, trash, restore, delete for good) and the form's errors.
import type { Page } from '@playwright/test';
import {
  account,
  apiAs,
  expect,
  expectAccessible,
  homeroomFamily,
  openFromNav,
  scrollsSideways,
  signIn,
  signOut,
  test,
  unique,
} from './fixtures';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The navigation's "Messages" link, or on a phone the menu button that hides it, says how many are unread. */
async function expectUnreadBadge(page: Page, phone: boolean): Promise<void> {
  if (phone)
    await expect(page.getByRole('button', { name: 'Menu' })).toHaveAccessibleDescription(
      /^Nieprzeczytane wiadomości: [1-9]\d*(; |$)/,
    );
  else
    await expect(
      page.getByRole('navigation').getByRole('link', { name: 'Wiadomości', exact: true }),
    ).toHaveAccessibleDescription(/^Nieprzeczytane: [1-9]\d*$/);
}

for (const [where, viewport] of [
  ['on a desktop', { width: 1280, height: 900 }],
  ['on a 360 px phone', { width: 360, height: 780 }],
] as const) {
  test(`a parent writes to the homeroom teacher, who replies; the reply and the read receipt reach the parent (${where})`, async ({
    page,
  }) => {
    const phone = viewport.width < 500;
    await page.setViewportSize(viewport);
    const { teacher, parent } = await homeroomFamily();
    const subject = unique('Pytanie o wycieczkę');
    const body = 'Dzień dobry,\nczy dzieci potrzebują prowiantu na wycieczkę?\nPozdrawiam';
    const answer = unique('Tak, proszę o drugie śniadanie.');

    // The parent writes: the homeroom teacher is found by name in the grouped, searchable list.
    await signIn(page, parent);
    await openFromNav(page, 'Wiadomości');
    await expect(page.getByRole('heading', { level: 2, name: 'Odebrane' })).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, `the parent's inbox ${where}`);
    await page.getByRole('link', { name: 'Napisz wiadomość' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Nowa wiadomość' })).toBeFocused();
    await page.getByLabel('Szukaj adresatów').fill(teacher.name.split(' ').pop()!);
    const homeroom = page.getByRole('checkbox', { name: new RegExp(`^Wychowawca — ${escape(teacher.name)}`) }).first();
    await homeroom.check();
    await expect(page.getByTestId('chosen-recipients')).toContainText(`Wychowawca — ${teacher.name}`);
    await page.getByLabel('Temat').fill(subject);
    await page.getByLabel('Treść').fill(body);
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, `the new message form ${where}`);
    await page.getByRole('button', { name: 'Wyślij', exact: true }).click();

    // Sent: the message opens in the sent folder, read by nobody yet.
    await expect(page.getByRole('status').filter({ hasText: 'Wysłano wiadomość (adresatów: 1).' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: subject })).toBeVisible();
    await expect(page.getByTestId('receipts-summary')).toHaveText('Przeczytane 0 z 1');
    await expectAccessible(page, `the parent's sent message ${where}`);
    await signOut(page);

    // The homeroom teacher sees it unread, opens it and replies.
    await signIn(page, teacher);
    await expectUnreadBadge(page, phone);
    await openFromNav(page, 'Wiadomości');
    const unread = page.getByRole('link', { name: `Nieprzeczytana: ${subject}`, exact: true });
    await expect(unread).toBeVisible();
    await expectAccessible(page, `the teacher's inbox ${where}`);
    await unread.click();
    const view = page.getByTestId('message-view');
    await expect(view.getByRole('heading', { level: 2, name: subject })).toBeFocused();
    await expect(view).toContainText('czy dzieci potrzebują prowiantu na wycieczkę?');
    await expect(view).toContainText(parent.name);
    if (phone) await expect(page.getByTestId('message-list')).toBeHidden();
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, `the teacher reading the message ${where}`);
    await view.getByRole('button', { name: 'Odpowiedz' }).click();
    const reply = page.getByLabel('Treść odpowiedzi');
    await expect(reply).toBeFocused();
    await reply.fill(answer);
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Wysłano odpowiedź.' })).toBeVisible();
    const thread = view.getByRole('list', { name: 'Wątek (wiadomości: 2)' });
    await expect(thread).toContainText(answer);
    await expect(thread).toContainText('czy dzieci potrzebują prowiantu');
    await expectAccessible(page, `the teacher's thread after replying ${where}`);

    // Back to the list: the message is read now, and focus returns to it.
    await view.getByRole('link', { name: 'Wróć do listy' }).click();
    const read = page.getByRole('link', { name: subject, exact: true });
    await expect(read).toBeVisible();
    await expect(read).toBeFocused();
    await signOut(page);

    // The parent reads the reply in the thread, then finds their own message read in the sent folder.
    await signIn(page, parent);
    await openFromNav(page, 'Wiadomości');
    await page.getByRole('link', { name: `Nieprzeczytana: Re: ${subject}`, exact: true }).click();
    const parentThread = page.getByTestId('message-view').getByRole('list', { name: 'Wątek (wiadomości: 2)' });
    await expect(parentThread).toContainText(answer);
    await expect(parentThread).toContainText('czy dzieci potrzebują prowiantu');
    await expectAccessible(page, `the parent reading the reply ${where}`);
    await page.getByRole('navigation', { name: 'Foldery' }).getByRole('link', { name: 'Wysłane' }).click();
    await page.getByRole('link', { name: subject, exact: true }).click();
    await expect(page.getByTestId('receipts-summary')).toHaveText('Przeczytane 1 z 1');
    const [first, ...rest] = teacher.name.split(' ');
    await expect(page.locator('.receipt-list')).toContainText(`${rest.join(' ')} ${first}`);
    await expect(page.locator('.receipt-list')).toContainText('przeczytano');
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, `the parent's read receipt ${where}`);
  });
}

test('a message goes to the archive and the trash, comes back, and is deleted for good', async ({ page }) => {
  const { teacher, teacherId, parent } = await homeroomFamily();
  const subject = unique('Zgoda na wyjście');
  const sent = await (
    await apiAs(parent)
  )<{ id: number }>('POST', '/messages', {
    to: [`homeroom:${teacherId}`],
    subject,
    body: 'Wyrażam zgodę na wyjście do teatru.',
  });
  expect(sent.status).toBe(201);

  await signIn(page, teacher);
  await openFromNav(page, 'Wiadomości');
  const folders = page.getByRole('navigation', { name: 'Foldery' });
  const open = () => page.getByRole('link', { name: new RegExp(`^(Nieprzeczytana: )?${escape(subject)}$`) }).click();
  const done = (text: string) => expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();

  await open();
  await page.getByRole('button', { name: 'Archiwizuj' }).click();
  await done(`Przeniesiono do archiwum wiadomość „${subject}”.`);
  await expect(page.getByRole('link', { name: subject, exact: true })).toHaveCount(0);

  await folders.getByRole('link', { name: 'Archiwum' }).click();
  await open();
  await page.getByRole('button', { name: 'Przenieś do kosza' }).click();
  await done(`Przeniesiono do kosza wiadomość „${subject}”.`);

  await folders.getByRole('link', { name: 'Kosz' }).click();
  await open();
  await expectAccessible(page, 'a message in the trash');
  await page.getByRole('button', { name: 'Przywróć do odebranych' }).click();
  await done(`Przywrócono wiadomość „${subject}”.`);
  await folders.getByRole('link', { name: /^Odebrane/ }).click();
  await open();
  await page.getByRole('button', { name: 'Przenieś do kosza' }).click();
  await done(`Przeniesiono do kosza wiadomość „${subject}”.`);
  await folders.getByRole('link', { name: 'Kosz' }).click();
  await open();

  // Deleting for good asks first: refused, nothing happens; accepted, the message is gone from the trash.
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: 'Usuń na zawsze' }).click();
  await expect(page.getByRole('heading', { level: 2, name: subject })).toBeVisible();
  page.once('dialog', (d) => {
    expect(d.message()).toContain(subject);
    void d.accept();
  });
  await page.getByRole('button', { name: 'Usuń na zawsze' }).click();
  await done(`Usunięto na zawsze wiadomość „${subject}”.`);
  await expect(page.getByRole('link', { name: subject, exact: true })).toHaveCount(0);

  // The search finds what is left: nothing of this subject in any folder.
  await folders.getByRole('link', { name: /^Odebrane/ }).click();
  await page.getByRole('searchbox', { name: 'Szukaj w folderze Odebrane' }).fill(subject);
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  await expect(page.getByText('Nic nie znaleziono.')).toBeVisible();
  await expectAccessible(page, 'an empty search');
});

test('the form says which recipients and fields the server refused', async ({ page }) => {
  await signIn(page, account('parent'));
  // A link to write to someone the parent may not write to (e.g. a teacher who has left): refused by the server.
  await page.goto('/messages?compose=1&to=homeroom:999999');
  await expect(page.getByTestId('chosen-recipients')).toContainText('Nieznany adresat (homeroom:999999)');

  // Nothing written: the subject and the text are asked for, focus on the first.
  await page.getByRole('button', { name: 'Wyślij', exact: true }).click();
  const subject = page.getByLabel('Temat');
  await expect(subject).toBeFocused();
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#subject-error')).toBeVisible();
  await expect(page.locator('#body-error')).toBeVisible();
  await expectAccessible(page, 'the new message form with missing fields');

  // Written: now the recipient is refused, beside its name, and focus goes to the recipients.
  await subject.fill('Pytanie');
  await page.getByLabel('Treść').fill('Dzień dobry');
  await page.getByRole('button', { name: 'Wyślij', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Do części wybranych adresatów nie możesz pisać' }),
  ).toBeVisible();
  await expect(page.getByTestId('chosen-recipients')).toContainText('Nie możesz pisać do tego adresata.');
  const search = page.getByLabel('Szukaj adresatów');
  await expect(search).toBeFocused();
  await expect(search).toHaveAttribute('aria-invalid', 'true');
  await expect(subject).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the new message form with a refused recipient');

  // Without the refused recipient and with none chosen, the server asks for one.
  await page.getByRole('button', { name: 'Usuń adresata: Nieznany adresat (homeroom:999999)' }).click();
  await page.getByRole('button', { name: 'Wyślij', exact: true }).click();
  await expect(page.locator('#compose-to-error')).toBeVisible();
});
