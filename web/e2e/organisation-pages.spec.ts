// The school-organisation pages: every one is reachable from the navigation group and accessible, in the light and
// dark themes, in English, and on a 360 px phone without sideways scrolling.
import { account, expect, expectAccessible, openFromNav, scrollsSideways, signIn, test } from './fixtures';

const PAGES = [
  'Rok szkolny i okresy',
  'Dni wolne',
  'Grupy',
  'Przedmioty i sale',
  'Przydziały nauczycieli',
  'Plan dzwonków',
  'Plan lekcji',
  'Zmiany w planie',
];

test('an administrator visits every school-organisation page', async ({ page }) => {
  await signIn(page, account('admin'));
  const group = page.getByRole('navigation').getByRole('list', { name: 'Organizacja szkoły' });
  await expect(group.getByRole('link')).toHaveText(PAGES);

  await openFromNav(page, 'Rok szkolny i okresy');
  await expect(page.getByTestId('years-table').getByRole('rowheader', { name: '2026/2027' })).toBeVisible();
  await expectAccessible(page, 'the school year page');

  await openFromNav(page, 'Dni wolne');
  await expect(page.getByTestId('free-days-table').locator('tbody tr')).not.toHaveCount(0);
  await expectAccessible(page, 'the free days page');

  await openFromNav(page, 'Klasy');
  await expect(page.getByRole('columnheader', { name: 'Wychowawca' })).toBeVisible();
  await expectAccessible(page, 'the classes page with homeroom teachers');
  await page.getByRole('button', { name: 'Zmień klasę 1a' }).click();
  await expect(page.getByLabel('Wychowawca')).toBeVisible();
  await expectAccessible(page, 'the class editor');

  await openFromNav(page, 'Grupy');
  await expect(page.getByTestId('groups-table').locator('tbody tr')).not.toHaveCount(0);
  await expectAccessible(page, 'the groups page');

  await openFromNav(page, 'Przedmioty i sale');
  await expect(page.getByTestId('subjects-table').getByRole('rowheader', { name: 'Matematyka' })).toBeVisible();
  await expect(page.getByTestId('rooms-table').locator('tbody tr')).not.toHaveCount(0);
  await expectAccessible(page, 'the subjects and rooms page');

  await openFromNav(page, 'Przydziały nauczycieli');
  await expect(page.getByTestId('assignments-table').locator('tbody tr')).not.toHaveCount(0);
  await expectAccessible(page, 'the teaching assignments page');

  await openFromNav(page, 'Plan dzwonków');
  await expect(page.getByLabel('Początek lekcji 1', { exact: true })).toHaveValue('08:00');
  await expectAccessible(page, 'the bell schedule page');

  await openFromNav(page, 'Uczniowie');
  await expect(page.getByRole('columnheader', { name: 'Nr w dzienniku' })).toBeVisible();
  await expectAccessible(page, 'the students page with register numbers');
});

test('the organisation pages are accessible in the dark theme and in English', async ({ page }) => {
  await signIn(page, account('admin'));
  await page.getByRole('button', { name: 'Ciemny motyw' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await openFromNav(page, 'Przydziały nauczycieli');
  await expectAccessible(page, 'the dark teaching assignments page');
  await openFromNav(page, 'Grupy');
  await page.getByRole('button', { name: 'Zmień skład grupy ang gr. 1' }).click();
  await expect(page.getByRole('group', { name: /Uczniowie grupy ang gr. 1/ })).toBeVisible();
  await expectAccessible(page, 'the dark group member editor');

  await page.getByRole('button', { name: 'English' }).click();
  await openFromNav(page, 'Bell schedule');
  await expect(page.getByLabel('End of lesson 1', { exact: true })).toHaveValue('08:45');
  await expectAccessible(page, 'the dark English bell schedule');
  await openFromNav(page, 'School year and terms');
  await expect(page.getByTestId('years-table')).toContainText('1 September 2026');
  await expectAccessible(page, 'the dark English school year page');
  await openFromNav(page, 'Timetable');
  await expect(page.getByTestId('timetable-grid').getByRole('columnheader', { name: 'Monday' })).toBeVisible();
  await expectAccessible(page, 'the dark English timetable grid');
});

test('a director reads the organisation and manages only the calendar', async ({ page }) => {
  await signIn(page, account('director'));
  await openFromNav(page, 'Dni wolne');
  await expect(page.getByRole('button', { name: 'Dodaj dzień wolny' })).toBeVisible();
  await openFromNav(page, 'Rok szkolny i okresy');
  await expect(page.getByRole('button', { name: 'Dodaj rok szkolny' })).toBeVisible();
  await openFromNav(page, 'Plan dzwonków');
  await expect(page.getByTestId('bells-table').getByRole('rowheader', { name: '1', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zapisz plan dzwonków' })).toHaveCount(0);
  await expectAccessible(page, 'the read-only bell schedule');
  await openFromNav(page, 'Przydziały nauczycieli');
  await expect(page.getByRole('button', { name: 'Dodaj przydział' })).toHaveCount(0);
  await openFromNav(page, 'Klasy');
  await expect(page.getByRole('button', { name: /^Zmień klasę/ })).toHaveCount(0);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the assignments and bell pages do not scroll sideways', async ({ page }) => {
    await signIn(page, account('admin'));
    for (const label of ['Przydziały nauczycieli', 'Plan dzwonków']) {
      await openFromNav(page, label);
      await expect(page.getByRole('navigation')).toBeHidden();
      await expect(page.locator('tbody tr').first()).toBeVisible();
      expect(await scrollsSideways(page), `${label} scrolls sideways`).toBe(false);
      await expectAccessible(page, `${label} at 360 px`);
    }
    await page.getByRole('button', { name: 'Dodaj lekcję' }).click();
    await expect(page.getByLabel('Początek lekcji 9', { exact: true })).toBeFocused();
    expect(await scrollsSideways(page), 'the bell schedule with a new row scrolls sideways').toBe(false);
  });
});
