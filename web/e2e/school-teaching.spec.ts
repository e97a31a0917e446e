// The office organises teaching: subjects and rooms, homeroom teachers and register numbers, groups and
// teaching assignments.
import { account, expect, expectAccessible, openFromNav, signIn, test } from './fixtures';

const suffix = () =>
  Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 4) || 'abcd';

/** "Helena Kamińska" as the forms list people: "Kamińska Helena". */
const surnameFirst = (name: string) => name.split(' ').reverse().join(' ');

test('an administrator adds a subject and a room', async ({ page }) => {
  const subject = `Edukacja dla bezpieczeństwa ${suffix()}`;
  const room = `Pracownia ${suffix()}`;
  await signIn(page, account('admin'));
  await openFromNav(page, 'Przedmioty i sale');

  await page.getByLabel('Nazwa przedmiotu').fill(subject);
  await page.getByLabel(/^Skrót/).fill('edb');
  await page.getByRole('button', { name: 'Dodaj przedmiot' }).click();
  await expect(page.getByText(`Dodano przedmiot ${subject}.`)).toBeVisible();
  const subjectRow = page.getByTestId('subjects-table').getByRole('row', { name: new RegExp(subject) });
  await expect(subjectRow).toContainText('edb');

  // A name the school already has: the conflict shows at the name field.
  await page.getByLabel('Nazwa przedmiotu').fill('Matematyka');
  await page.getByRole('button', { name: 'Dodaj przedmiot' }).click();
  await expect(page.locator('#subject_name-error')).toBeVisible();
  await expect(page.getByLabel('Nazwa przedmiotu')).toBeFocused();

  await page.getByLabel('Nazwa sali').fill(room);
  await page.getByRole('button', { name: 'Dodaj salę' }).click();
  await expect(page.getByText(`Dodano salę ${room}.`)).toBeVisible();
  await expect(page.getByTestId('rooms-table').getByRole('rowheader', { name: room })).toBeVisible();
  await expectAccessible(page, 'the subjects and rooms page after adding');
});

test('an administrator sets a homeroom teacher and numbers a class register', async ({ page }) => {
  const teacher = account('teacher');
  await signIn(page, account('admin'));
  await openFromNav(page, 'Klasy');

  const row8a = page.getByRole('row', { name: /^8a\b/ });
  await page.getByRole('button', { name: 'Zmień klasę 8a', exact: true }).click();
  await expect(page.getByLabel('Nazwa klasy').last()).toBeFocused();
  await page.getByLabel('Wychowawca').selectOption({ label: surnameFirst(teacher.name) });
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
  await expect(page.getByText('Zapisano klasę 8a.')).toBeVisible();
  await expect(row8a.getByRole('cell').first()).toHaveText(teacher.name);
  await expect(page.getByRole('button', { name: 'Zmień klasę 8a', exact: true })).toBeFocused();

  // Cleared, the class shows no homeroom teacher.
  await page.getByRole('button', { name: 'Zmień klasę 8a', exact: true }).click();
  await page.getByLabel('Wychowawca').selectOption({ label: '— bez wychowawcy —' });
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
  await expect(row8a.getByRole('cell').first()).toHaveText('brak');
  await page.getByRole('button', { name: 'Zmień klasę 8a', exact: true }).click();
  await page.getByLabel('Wychowawca').selectOption({ label: surnameFirst(teacher.name) });
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
  await expect(row8a.getByRole('cell').first()).toHaveText(teacher.name);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Ponumeruj dziennik klasy 3b alfabetycznie' }).click();
  await expect(page.getByText('Ponumerowano dziennik klasy 3b alfabetycznie.')).toBeVisible();
  await page.getByRole('link', { name: 'Uczniowie klasy 3b' }).click();
  const numbers = page.getByTestId('students-table').locator('tbody tr td:first-child');
  await expect(numbers.first()).toHaveText('1');
  const all = await numbers.allInnerTexts();
  expect(all.map(Number)).toEqual(all.map((_, i) => i + 1));
});

test('an administrator creates a group and changes its members', async ({ page }) => {
  const name = `WF ${suffix()}`;
  await signIn(page, account('admin'));
  await openFromNav(page, 'Grupy');
  await page.getByLabel('Klasa', { exact: true }).selectOption({ label: '2a' });
  await expect(page).toHaveURL(/class_id=\d+/);
  await expect(page.getByRole('heading', { name: 'Grupy klasy 2a' })).toBeVisible();

  await page.getByLabel('Nazwa grupy').fill(name);
  const members = page.getByRole('group', { name: /Uczniowie w grupie/ }).getByRole('checkbox');
  for (const i of [0, 1, 2]) await members.nth(i).check();
  await page.getByRole('button', { name: 'Utwórz grupę' }).click();
  await expect(page.getByText(`Utworzono grupę ${name} (liczba uczniów: 3).`)).toBeVisible();
  const row = page.getByTestId('groups-table').getByRole('row', { name: new RegExp(name) });
  await expect(row.getByRole('cell').first()).toHaveText('3');

  await page.getByRole('button', { name: `Zmień skład grupy ${name}` }).click();
  const editor = page.getByRole('group', { name: new RegExp(`Uczniowie grupy ${name}`) });
  await expect(editor.getByRole('checkbox').first()).toBeFocused();
  await editor.getByRole('checkbox').first().uncheck();
  await editor.getByRole('checkbox').nth(5).check();
  await editor.getByRole('checkbox').nth(6).check();
  await expectAccessible(page, 'the group member editor');
  await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
  await expect(page.getByText(`Zapisano skład grupy ${name} (liczba uczniów: 4).`)).toBeVisible();
  await expect(row.getByRole('cell').first()).toHaveText('4');
});

test('an administrator assigns a teacher to a class and to a group, then removes both', async ({ page }) => {
  const teacher = account('teacher');
  await signIn(page, account('admin'));
  await openFromNav(page, 'Przydziały nauczycieli');

  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Dodaj przydział' }) });
  await form.getByLabel('Nauczyciel').selectOption({ label: surnameFirst(teacher.name) });
  await form.getByLabel('Przedmiot').selectOption({ label: 'Informatyka' });
  await form.getByLabel('Klasa').selectOption({ label: '1a' });
  await page.getByRole('button', { name: 'Dodaj przydział' }).click();
  const whole = `Informatyka, 1a, ${teacher.name}`;
  await expect(page.getByText(`Dodano przydział: ${whole}.`)).toBeVisible();

  // Teacher and class stay chosen; now the same subject for one group of the class.
  await form.getByLabel('Przedmiot').selectOption({ label: 'Informatyka' });
  await form.getByLabel(/^Grupa/).selectOption({ label: 'ang gr. 1' });
  await page.getByRole('button', { name: 'Dodaj przydział' }).click();
  const group = `Informatyka, 1a (ang gr. 1), ${teacher.name}`;
  await expect(page.getByText(`Dodano przydział: ${group}.`)).toBeVisible();

  // The same again is a conflict, shown at the subject.
  await form.getByLabel('Przedmiot').selectOption({ label: 'Informatyka' });
  await form.getByLabel(/^Grupa/).selectOption({ label: 'ang gr. 1' });
  await page.getByRole('button', { name: 'Dodaj przydział' }).click();
  await expect(page.locator('#assignment_subject-error')).toBeVisible();

  await page.getByLabel('Pokaż klasę').selectOption({ label: '1a' });
  await page.getByLabel('Pokaż nauczyciela').selectOption({ label: surnameFirst(teacher.name) });
  await expect(page).toHaveURL(/class_id=\d+.*teacher_id=\d+|teacher_id=\d+.*class_id=\d+/);
  const table = page.getByTestId('assignments-table');
  await expect(table.getByRole('row', { name: /Informatyka/ })).toHaveCount(2);
  await expectAccessible(page, 'the assignments page filtered by class and teacher');

  for (const what of [group, whole]) {
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain(what);
      void dialog.accept();
    });
    await page.getByRole('button', { name: `Usuń przydział: ${what}` }).click();
    await expect(page.getByText(`Usunięto przydział: ${what}.`)).toBeVisible();
  }
  await expect(table.getByRole('row', { name: /Informatyka/ })).toHaveCount(0);
});
