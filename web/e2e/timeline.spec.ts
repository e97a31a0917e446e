// The timeline (oś czasu): a parent of several children sees everything new, newest first and by day, each entry with
// the child's name and a link to its page, reads the feed through every cursor, shows older entries on demand and
// narrows it to one child; a teacher sees their messages and announcements only.
import type { FeedEntry, FeedPage } from '../src/feed/types';
import {
  account,
  apiAs,
  demoLogins,
  expect,
  expectAccessible,
  openFromNav,
  scrollsSideways,
  signIn,
  test,
  warsawToday,
  type DemoLogin,
} from './fixtures';

const warsawDay = (at: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date(at));

interface Child {
  id: number;
  first_name: string;
}

/** A demo parent with more than one child. */
async function parentOfSeveral(): Promise<{ parent: DemoLogin; children: Child[] }> {
  for (const parent of demoLogins().filter((l) => l.role === 'parent')) {
    const me = await (await apiAs(parent))<{ students: Child[] }>('GET', '/me');
    if (me.json.students.length > 1) return { parent, children: me.json.students };
  }
  throw new Error('no demo parent has several children');
}

/** The whole feed as the API gives it, newest first. */
async function wholeFeed(who: DemoLogin): Promise<FeedEntry[]> {
  const call = await apiAs(who);
  const all: FeedEntry[] = [];
  for (let since = 0; ;) {
    const page = await call<FeedPage>('GET', `/feed?since=${since}&limit=200`);
    all.push(...page.json.items);
    since = page.json.cursor;
    if (!page.json.more) return all.reverse();
  }
}

test('a parent of several children reads the timeline through every cursor, older entries and one child', async ({
  page,
}) => {
  const { parent, children } = await parentOfSeveral();
  const feed = await wholeFeed(parent);
  expect(feed.length, 'the demo gives the parent more than a screenful').toBeGreaterThan(30);

  // Pages of 10 instead of 200: the page must follow the cursor back to the oldest.
  const asked: string[] = [];
  await page.route('**/api/v1/feed?*', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '10');
    asked.push(url.searchParams.get('before') ?? 'none');
    return route.continue({ url: url.toString() });
  });
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, parent);
  await openFromNav(page, 'Oś czasu');
  const entries = page.locator('.timeline-entry');
  await expect(entries).toHaveCount(30);
  expect(asked.length, 'one request per 10 entries at least').toBeGreaterThanOrEqual(Math.ceil(feed.length / 10));
  expect(asked[0], 'the first page is the newest').toBe('');
  await expect(page.getByTestId('timeline-count')).toHaveText(`Wpisów: 30 z ${feed.length}.`);
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the timeline at 360 px');

  // Newest first, by day; each of the children's entries names the child.
  const ids = await entries.evaluateAll((list) => list.map((li) => Number(li.getAttribute('data-entry'))));
  expect(ids).toEqual(feed.slice(0, 30).map((e) => e.id));
  if (warsawDay(feed[0].at) === warsawToday())
    await expect(page.locator('.timeline-day h2').first()).toHaveText(/^Dziś — /);
  const first = feed.find((e) => e.student_id !== null)!;
  const name = children.find((c) => c.id === first.student_id)!.first_name;
  await expect(page.locator(`[data-entry="${first.id}"]`)).toContainText(`${name}:`);

  // Older entries: thirty more at a time, until all are shown.
  await page.getByRole('button', { name: 'Pokaż starsze wpisy' }).click();
  await expect(entries).toHaveCount(Math.min(60, feed.length));
  while (await page.getByRole('button', { name: 'Pokaż starsze wpisy' }).isVisible())
    await page.getByRole('button', { name: 'Pokaż starsze wpisy' }).click();
  await expect(entries).toHaveCount(feed.length);

  // One child: their entries and those about no child (messages, announcements to all).
  const child = children[1];
  await page.getByLabel('Dziecko').selectOption(String(child.id));
  await expect(page).toHaveURL(new RegExp(`/timeline\\?student=${child.id}$`));
  const theirs = feed.filter((e) => e.student_id === null || e.student_id === child.id);
  await expect(page.getByTestId('timeline-count')).toHaveText(
    `Wpisów: ${Math.min(30, theirs.length)} z ${theirs.length}.`,
  );
  await expect(page.locator('.timeline-child')).toHaveCount(0);
  await expectAccessible(page, 'the timeline of one child');

  // An entry leads to its page, with the child chosen.
  const grade = theirs.find((e) => e.kind === 'grade.added');
  expect(grade, 'the child has a grade').toBeTruthy();
  while (!(await page.locator(`[data-entry="${grade!.id}"]`).isVisible()))
    await page.getByRole('button', { name: 'Pokaż starsze wpisy' }).click();
  await page.locator(`[data-entry="${grade!.id}"]`).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/grades\\?student=${child.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Oceny' })).toBeVisible();
});

test('a teacher sees their messages and announcements on the timeline, in English too', async ({ page }) => {
  const teacher = account('teacher');
  const feed = await wholeFeed(teacher);
  await signIn(page, teacher);
  await openFromNav(page, 'Oś czasu');
  await expect(page.getByText('Nowe wiadomości i ogłoszenia, najnowsze na górze.')).toBeVisible();
  const entries = page.locator('.timeline-entry');
  await expect(entries).toHaveCount(Math.min(30, feed.length));
  const kinds = await entries.evaluateAll((list) => list.map((li) => li.getAttribute('data-kind')));
  for (const kind of kinds) expect(['message.received', 'notice.published']).toContain(kind);
  const message = feed.find((e) => e.kind === 'message.received');
  if (message && message.kind === 'message.received') {
    await expect(page.locator(`[data-entry="${message.id}"]`)).toContainText(`Nowa wiadomość: ${message.data.subject}`);
  }
  await expectAccessible(page, "a teacher's timeline");

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
  if (message && message.kind === 'message.received') {
    await expect(page.locator(`[data-entry="${message.id}"]`)).toContainText(`New message: ${message.data.subject}`);
    await page.locator(`[data-entry="${message.id}"]`).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/messages\\?id=${message.data.message_id}$`));
  }
});
