// The timeline (oś czasu): a parent of several children sees everything new, newest first and by day, each entry with
// the child's name and a link to its page, reads the feed through every cursor, shows older entries on demand and
// narrows it to one child; a timetable change and its withdrawal are said with the subject; the lucky number drawn
// for the next school day is there too; a teacher sees their messages, announcements and lucky numbers only.
import type { Page } from '@playwright/test';
import type { Week } from '../src/api';
import type { LuckyNumbers } from '../src/communication/types';
import type { FeedEntry, FeedPage } from '../src/feed/types';
import { formatDate, formatDayLong } from '../src/format';
import {
  account,
  apiAs,
  demoLogins,
  expect,
  expectAccessible,
  homeroomFamily,
  openFromNav,
  scrollsSideways,
  signIn,
  test,
  unique,
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
  // The desk, where signing in lands, asks for the lucky numbers: the first asking draws them, which is news. Asked
  // here first, so the feed read now is the one the timeline shows.
  const asParent = await apiAs(parent);
  for (const child of children) await asParent('GET', `/students/${child.id}/lucky-number`);
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

test('a teacher sees their messages, announcements and lucky numbers on the timeline, in English too', async ({
  page,
}) => {
  const teacher = account('teacher');
  const feed = await wholeFeed(teacher);
  await signIn(page, teacher);
  await openFromNav(page, 'Oś czasu');
  await expect(page.getByText('Nowe wiadomości, ogłoszenia i szczęśliwe numerki, najnowsze na górze.')).toBeVisible();
  const entries = page.locator('.timeline-entry');
  await expect(entries).toHaveCount(Math.min(30, feed.length));
  const kinds = await entries.evaluateAll((list) => list.map((li) => li.getAttribute('data-kind')));
  for (const kind of kinds) expect(['message.received', 'notice.published', 'lucky_number.drawn']).toContain(kind);
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

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Shows older entries until this one is on the page. */
async function showEntry(page: Page, id: number): Promise<void> {
  const entry = page.locator(`[data-entry="${id}"]`);
  while (!(await entry.isVisible())) await page.getByRole('button', { name: 'Pokaż starsze wpisy' }).click();
}

test("a cancelled lesson and the change's withdrawal reach the family timeline with the subject", async ({ page }) => {
  const family = await homeroomFamily();
  const asParent = await apiAs(family.parent);
  const office = await apiAs(account('admin'));
  const child = family.child;

  // A planned lesson of the child's a few weeks ahead, away from the days the other tests look at.
  type Lesson = Week['days'][number]['lessons'][number];
  let lesson: Lesson | undefined;
  for (let ahead = 21; ahead < 63 && !lesson; ahead += 7) {
    const week = await asParent<Week>('GET', `/students/${child.id}/timetable?week=${addDays(warsawToday(), ahead)}`);
    expect(week.status).toBe(200);
    lesson = week.json.days
      .filter((d) => !d.day_off)
      .flatMap((d) => d.lessons)
      .find((l) => l.status === 'planned' && l.entry_id && l.subject);
  }
  expect(lesson, 'a planned lesson of the child in the weeks ahead').toBeTruthy();
  const { date, lesson_number: n, entry_id } = lesson!;
  const subject = lesson!.subject!.name;

  // The office cancels it, then deletes the change: two entries, the withdrawal newest.
  const note = unique('Wyjście do teatru');
  const made = await office<{ id: number }>('POST', `/schools/${family.schoolId}/timetable-changes`, {
    kind: 'cancellation',
    date,
    entry_id,
    note,
  });
  expect(made.status).toBe(201);
  expect((await office('DELETE', `/schools/${family.schoolId}/timetable-changes/${made.json.id}`)).status).toBe(204);
  const [withdrawn, cancelled] = (await wholeFeed(family.parent)).filter(
    (e) => e.kind === 'timetable.changed' && e.data.id === made.json.id,
  );
  expect(withdrawn.kind === 'timetable.changed' && withdrawn.data.withdrawn).toBe(true);
  expect(cancelled.kind === 'timetable.changed' && !cancelled.data.withdrawn).toBe(true);

  await signIn(page, family.parent);
  await openFromNav(page, 'Oś czasu');
  const what = `${formatDate(date, 'pl')}, lekcja ${n} — ${subject}`;
  const shownCancelled = page.locator(`[data-entry="${cancelled.id}"]`);
  const shownWithdrawn = page.locator(`[data-entry="${withdrawn.id}"]`);
  await expect(shownCancelled.getByRole('link')).toHaveText(`Odwołana lekcja: ${what}`);
  await expect(shownCancelled.locator('.timeline-detail')).toHaveText(note);
  await expect(shownWithdrawn.getByRole('link')).toHaveText(`Odwołano zmianę (odwołanie lekcji): ${what}`);
  await expect(shownWithdrawn.locator('.timeline-detail')).toHaveText('Lekcja odbędzie się tak, jak przed tą zmianą.');
  await expectAccessible(page, 'the timeline with a withdrawn timetable change');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(shownWithdrawn.getByRole('link')).toHaveText(
    `Change withdrawn (cancellation): ${formatDate(date, 'en')}, lesson ${n} — ${subject}`,
  );
  await expect(shownWithdrawn.locator('.timeline-detail')).toHaveText(
    'The lesson takes place as it did before this change.',
  );

  // The entry leads to the child's week with that lesson.
  await shownWithdrawn.getByRole('link').click();
  await expect(page).toHaveURL(/\/timetable\?/);
  const address = new URL(page.url());
  expect(address.searchParams.get('student')).toBe(String(child.id));
  expect(address.searchParams.get('week')! <= date).toBe(true);
  expect(addDays(address.searchParams.get('week')!, 6) >= date).toBe(true);
});

test('the lucky number drawn for the next school day is on the timeline, with a link to the desk', async ({ page }) => {
  const family = await homeroomFamily();
  const asParent = await apiAs(family.parent);
  // Housekeeping draws it ahead; asking for it draws it too, if no one has yet.
  const lucky = await asParent<LuckyNumbers>('GET', `/students/${family.child.id}/lucky-number`);
  expect(lucky.json.scope).toBe('school');
  const day = lucky.json.days.at(-1);
  expect(day, 'a school day ahead').toBeTruthy();
  const entry = (await wholeFeed(family.parent)).find(
    (e) => e.kind === 'lucky_number.drawn' && e.data.date === day!.date && e.data.number === day!.number,
  );
  expect(entry, `the draw for ${day!.date} is in the feed`).toBeTruthy();

  await signIn(page, family.parent);
  await openFromNav(page, 'Oś czasu');
  await showEntry(page, entry!.id);
  const shown = page.locator(`[data-entry="${entry!.id}"]`);
  await expect(shown.getByRole('link')).toHaveText(
    `Szczęśliwy numerek na ${formatDayLong(day!.date, 'pl')}: ${day!.number}`,
  );
  await expect(shown.locator('.timeline-detail')).toHaveText('Uczeń z tym numerem w dzienniku nie jest pytany.');
  await expectAccessible(page, 'the timeline with a lucky number');

  await shown.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Biurko' })).toBeVisible();
  await expect(page.getByTestId('lucky-number')).toContainText(String(day!.number));
});
