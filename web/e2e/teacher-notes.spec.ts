// Notes (uwagi): a teacher of the class writes one on the notes page (refused at the fields while incomplete); the
// homeroom teacher reads it among the class's notes and the parent in the terminarz; a teacher writes one from a
// lesson's page.
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

const minusDays = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

test('a teacher writes a note; the homeroom teacher and the parent read it', async ({ page }) => {
  const family = await homeroomFamily();
  const childName = `${family.child.first_name} ${family.child.last_name}`;
  const text = unique('Rozmawiał na sprawdzianie mimo upomnienia');

  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, account('teacher'));
  await openFromNav(page, 'Uwagi');
  await page.getByLabel('Klasa').selectOption({ label: family.className });
  await expect(page.getByRole('heading', { name: `Nowa uwaga o uczniu klasy ${family.className}` })).toBeVisible();
  // Not the homeroom teacher: the class's notes are not theirs to read.
  await expect(page.getByText('Wszystkie uwagi klasy widzi jej wychowawca')).toBeVisible();

  await page.getByRole('button', { name: 'Zapisz uwagę' }).click();
  await expect(page.locator('#note_student-error')).toBeVisible();
  await expect(page.getByLabel('Uczeń')).toBeFocused();
  await page.getByLabel('Uczeń').selectOption(String(family.child.id));
  await page.getByRole('button', { name: 'Zapisz uwagę' }).click();
  await expect(page.locator('#note_kind-error')).toBeVisible();
  await expect(page.getByLabel('Kategoria')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#note_text-error')).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the note form with errors');

  await page.getByRole('radio', { name: 'Uwaga negatywna' }).check();
  await page.getByLabel('Kategoria').fill('Zachowanie na lekcji');
  await page.getByLabel('Treść').fill(text);
  await page.getByRole('button', { name: 'Zapisz uwagę' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Zapisano: Uwaga negatywna — ${childName}.` })).toBeVisible();
  await expect(page.getByLabel('Treść')).toHaveValue('');
  await signOut(page);

  // The homeroom teacher reads it among the class's notes, and narrows them to the child.
  await signIn(page, family.teacher);
  await openFromNav(page, 'Uwagi');
  const note = page.getByTestId('class-notes').locator('[data-note]').filter({ hasText: text });
  await expect(note).toContainText(childName);
  await expect(note).toContainText('Uwaga negatywna: Zachowanie na lekcji');
  await page.getByLabel('Pokaż uwagi ucznia').selectOption(String(family.child.id));
  await expect(note).toBeVisible();
  for (const other of await page.getByTestId('class-notes').locator('.note-student').allInnerTexts())
    expect(other).toBe(childName);
  await expectAccessible(page, "the homeroom teacher's class notes");
  await signOut(page);

  // The parent reads it in the terminarz.
  await signIn(page, family.parent);
  await openFromNav(page, 'Terminarz');
  const picker = page.getByLabel('Dziecko');
  if ((await picker.count()) > 0) await picker.selectOption(String(family.child.id));
  await expect(page.getByTestId('planner-notes').locator('li').filter({ hasText: text })).toContainText(
    'Uwaga negatywna: Zachowanie na lekcji',
  );
});

test('a teacher writes a note about a pupil from the lesson page', async ({ page }) => {
  const family = await homeroomFamily();
  const call = await apiAs(family.teacher);
  let lesson = 0;
  let date = '';
  for (let back = 0; back < 14 && !lesson; back++) {
    const day = minusDays(warsawToday(), back);
    const { json } = await call<{ lessons: { can_record: boolean; lesson_id: number | null; class_id: number }[] }>(
      'GET',
      `/teacher/lessons?date=${day}`,
    );
    const found = json.lessons.find((l) => l.can_record && l.lesson_id && l.class_id === family.classId);
    if (found) [lesson, date] = [found.lesson_id!, day];
  }
  expect(lesson, 'a recent lesson of the homeroom class').toBeGreaterThan(0);
  const text = unique('Pomógł koledze przy tablicy');

  await signIn(page, family.teacher);
  await page.goto(`/lessons?date=${date}&lesson=${lesson}`);
  const opener = page.getByRole('button', { name: 'Napisz uwagę o uczniu' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: /^Uwaga o uczniu: / });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the note dialog on a lesson');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  await opener.click();
  await dialog.getByLabel('Uczeń').selectOption(String(family.child.id));
  await dialog.getByRole('radio', { name: 'Uwaga pozytywna' }).check();
  await dialog.getByLabel('Kategoria').fill('Pomoc koleżeńska');
  await dialog.getByLabel('Treść').fill(text);
  await dialog.getByRole('button', { name: 'Zapisz uwagę' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Zapisano: Uwaga pozytywna' })).toBeVisible();
  await expect(opener).toBeFocused();
  const notes = await call<{ items: { text: string; kind: string }[] }>('GET', `/students/${family.child.id}/notes`);
  expect(notes.json.items.find((n) => n.text === text)?.kind).toBe('positive');
});
