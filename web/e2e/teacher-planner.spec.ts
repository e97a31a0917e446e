// The class terminarz for staff: a teacher adds tests and is warned over the school's cap (or refused, when the school
// says so), deletes one; the homeroom teacher calls a parent meeting and sees a parent's answer; another teacher of
// the class cannot call one; the homeroom teacher names the class's parent council.
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
  warsawToday,
} from './fixtures';

const plusDays = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** A Wednesday about six weeks ahead: far from the demo's own tests, and a school day. */
function quietWednesday(): string {
  const d = plusDays(warsawToday(), 42);
  const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
  return plusDays(d, (3 - weekday + 7) % 7);
}

interface ClassEvent {
  id: number;
  description: string;
}

test('a teacher adds a test over the cap, is warned, then refused, and deletes it', async ({ page }) => {
  const family = await homeroomFamily();
  const asTeacher = await apiAs(family.teacher);
  const asAdmin = await apiAs(account('admin'));
  const day = quietWednesday();
  const first = await asTeacher('POST', '/events', {
    class_id: family.classId,
    kind: 'test',
    date: day,
    description: unique('Sprawdzian z dodawania'),
  });
  expect(first.status).toBe(201);

  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, family.teacher);
  await openFromNav(page, 'Terminarz klasy');
  await expect(page.getByRole('heading', { level: 2, name: `Terminarz klasy ${family.className}` })).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, "the homeroom teacher's class terminarz");

  // A second test on that day: saved, with the server's warning said after saving.
  await page.goto(`/teacher/planner?class=${family.classId}&date=${day}`);
  await page.getByRole('button', { name: 'Dodaj wydarzenie' }).click();
  await expect(page.getByLabel('Rodzaj')).toBeFocused();
  await expect(page.locator('#event_kind-hint')).toContainText('Limit szkoły na sprawdziany');
  await expectAccessible(page, 'the new event form');
  const warned = unique('Sprawdzian z odejmowania');
  await page.getByLabel('Rodzaj').selectOption({ label: 'Sprawdzian' });
  await page.getByLabel('Dzień', { exact: true }).fill(day);
  await page.getByLabel('Opis').fill(warned);
  await page.getByRole('button', { name: 'Dodaj do terminarza' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Dodano do terminarza: Sprawdzian' });
  await expect(saved).toBeVisible();
  await expect(saved.getByTestId('event-warnings')).toContainText(
    `Ostrzeżenie: Klasa ${family.className} ma już 1 sprawdzian(y) tego dnia.`,
  );
  const card = page.getByTestId('class-events').locator('[data-event]').filter({ hasText: warned });
  await expect(card).toContainText('Sprawdzian');
  await expectAccessible(page, 'the terminarz with a warning');

  // The school now refuses tests over its cap: the form stays, with the server's message at the day.
  expect((await asAdmin('PATCH', `/schools/${family.schoolId}`, { refuse_over_cap: true })).status).toBe(200);
  const refused = unique('Praca klasowa z mnożenia');
  try {
    await page.getByRole('button', { name: 'Dodaj wydarzenie' }).click();
    await page.getByLabel('Rodzaj').selectOption({ label: 'Praca klasowa' });
    await page.getByLabel('Dzień', { exact: true }).fill(day);
    await page.getByLabel('Opis').fill(refused);
    await page.getByRole('button', { name: 'Dodaj do terminarza' }).click();
    await expect(page.locator('#event_date-error')).toHaveText(
      `Klasa ${family.className} ma już 2 sprawdzian(y) tego dnia.`,
    );
    await expect(page.getByLabel('Dzień', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'Popraw zaznaczone pola.' })).toBeVisible();
    await expect(page.getByLabel('Opis')).toHaveValue(refused);
    await expectAccessible(page, 'the event form refused over the cap');
  } finally {
    expect((await asAdmin('PATCH', `/schools/${family.schoolId}`, { refuse_over_cap: false })).status).toBe(200);
  }
  await page.getByRole('button', { name: 'Anuluj' }).click();
  await expect(page.getByRole('button', { name: 'Dodaj wydarzenie' })).toBeFocused();
  const listed = await asTeacher<{ items: ClassEvent[] }>(
    'GET',
    `/classes/${family.classId}/events?from=${day}&to=${day}`,
  );
  expect(listed.json.items.some((e) => e.description === refused)).toBe(false);

  // Deleting asks first, and the event is gone.
  page.once('dialog', (d) => {
    expect(d.message()).toContain(warned);
    void d.accept();
  });
  await card.getByRole('button', { name: new RegExp(`^Usuń z terminarza: Sprawdzian, .*${warned}`) }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Usunięto z terminarza: Sprawdzian' })).toBeVisible();
  await expect(page.getByTestId('class-events')).not.toContainText(warned);
  const after = await asTeacher<{ items: ClassEvent[] }>(
    'GET',
    `/classes/${family.classId}/events?from=${day}&to=${day}`,
  );
  expect(after.json.items.some((e) => e.description === warned)).toBe(false);
});

test('the homeroom teacher calls a parent meeting and sees a parent answer it', async ({ page }) => {
  const family = await homeroomFamily();
  const description = unique('Zebranie: wycieczka klasowa, sala 10');

  await signIn(page, family.teacher);
  await openFromNav(page, 'Terminarz klasy');
  await page.getByRole('button', { name: 'Dodaj wydarzenie' }).click();
  await page.getByLabel('Rodzaj').selectOption({ label: 'Zebranie z rodzicami' });
  await page.getByLabel('Dzień', { exact: true }).fill(warsawToday());
  await page.getByLabel('Opis').fill(description);
  await page.getByRole('button', { name: 'Dodaj do terminarza' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Dodano do terminarza: Zebranie z rodzicami' }),
  ).toBeVisible();
  const card = page.getByTestId('class-events').locator('[data-event]').filter({ hasText: description });
  await expect(card.getByTestId('meeting-answers')).toContainText('Będą: 0');
  await expect(card.getByTestId('meeting-answers')).toContainText('Nie będą: 0');
  await expect(card.getByTestId('meeting-answers')).toContainText(/Bez odpowiedzi: [1-9]/);
  await signOut(page);

  // The parent answers in the family terminarz.
  await signIn(page, family.parent);
  await openFromNav(page, 'Terminarz');
  const picker = page.getByLabel('Dziecko');
  if ((await picker.count()) > 0) await picker.selectOption(String(family.child.id));
  const invitation = page.getByTestId('planner-events').locator('[data-event]').filter({ hasText: description });
  await invitation.getByRole('button', { name: 'Będę', exact: true }).click();
  await expect(invitation.getByTestId('meeting-answer')).toHaveText('Twoja odpowiedź: Będę.');
  await signOut(page);

  // The homeroom teacher sees who will come.
  await signIn(page, family.teacher);
  await openFromNav(page, 'Terminarz klasy');
  const answers = page
    .getByTestId('class-events')
    .locator('[data-event]')
    .filter({ hasText: description })
    .getByTestId('meeting-answers');
  await expect(answers).toContainText('Będą: 1');
  await answers.getByText('Pokaż, kto jak odpowiedział').click();
  const [first, ...rest] = family.parent.name.split(' ');
  await expect(answers.getByTestId('answers-attending')).toContainText(`${rest.join(' ')} ${first}`);
  await expect(answers.getByTestId('answers-silent')).not.toContainText(`${rest.join(' ')} ${first}`);
  await expectAccessible(page, "a parent meeting's answers");
});

test('a teacher of the class who does not lead it cannot call a parent meeting', async ({ page }) => {
  const family = await homeroomFamily();
  await signIn(page, account('teacher'));
  await page.goto(`/teacher/planner?class=${family.classId}`);
  await expect(page.getByRole('heading', { level: 2, name: `Terminarz klasy ${family.className}` })).toBeVisible();
  await page.getByRole('button', { name: 'Dodaj wydarzenie' }).click();
  const kinds = page.getByLabel('Rodzaj').locator('option');
  await expect(kinds.filter({ hasText: 'Sprawdzian' })).toHaveCount(1);
  await expect(kinds.filter({ hasText: 'Zebranie z rodzicami' })).toHaveCount(0);
  await expect(page.locator('#event_kind-hint')).toContainText('Zebranie z rodzicami zwołuje wychowawca');
  // Nor may they change the council, which they still read.
  await expect(page.getByRole('heading', { name: `Rada oddziałowa rodziców klasy ${family.className}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zmień skład rady' })).toHaveCount(0);
  await expectAccessible(page, "another teacher's class terminarz");
});

test('the homeroom teacher names the parent council from the class parents', async ({ page }) => {
  const family = await homeroomFamily();
  const asTeacher = await apiAs(family.teacher);
  const before = await asTeacher<{ members: { id: number }[] }>('GET', `/classes/${family.classId}/council`);
  const parentId = (await (await apiAs(family.parent))<{ user: { id: number } }>('GET', '/me')).json.user.id;
  const [first, ...rest] = family.parent.name.split(' ');
  const listed = `${rest.join(' ')} ${first}`;

  try {
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, family.teacher);
    await openFromNav(page, 'Terminarz klasy');
    await page.getByRole('button', { name: 'Zmień skład rady' }).click();
    const choice = page.getByRole('group', { name: `Członkowie rady spośród rodziców klasy ${family.className}` });
    const boxes = choice.getByRole('checkbox');
    await expect(boxes.first()).toBeFocused();

    // Eleven is one too many: the server's message shows at the list.
    const count = await boxes.count();
    expect(count).toBeGreaterThan(10);
    for (let i = 0; i < 11; i++) await boxes.nth(i).check();
    await expect(page.getByText('Wybrano: 11 z 10.')).toBeVisible();
    await page.getByRole('button', { name: 'Zapisz skład rady' }).click();
    await expect(page.locator('#council_parents-error')).toBeVisible();
    await expectAccessible(page, 'the council form with an error');
    expect(await scrollsSideways(page)).toBe(false);

    // Only the family's parent.
    for (let i = 0; i < count; i++) await boxes.nth(i).uncheck();
    await choice.getByRole('checkbox', { name: new RegExp(`^${listed} \\(`) }).check();
    await page.getByRole('button', { name: 'Zapisz skład rady' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Zapisano skład rady rodziców.' })).toBeVisible();
    await expect(page.getByTestId('council-members')).toContainText(listed);
    await expect(page.getByRole('button', { name: 'Zmień skład rady' })).toBeFocused();
    const now = await asTeacher<{ members: { id: number }[] }>('GET', `/classes/${family.classId}/council`);
    expect(now.json.members.map((m) => m.id)).toEqual([parentId]);
    await expectAccessible(page, 'the class council');
  } finally {
    await asTeacher('PUT', `/classes/${family.classId}/council`, {
      parent_ids: before.json.members.map((m) => m.id),
    });
  }
});
