// The family week view: a parent sees a child's lessons, with changes spelt out, and moves between weeks.
import { account, expect, expectAccessible, openFromNav, scrollsSideways, signIn, test } from './fixtures';

test('a parent sees the week with lessons and moves to the next week', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, account('parent'));
  await openFromNav(page, 'Plan lekcji');
  const week = page.getByTestId('week');
  await expect(week).toBeVisible();
  // Monday to Friday at least, each a titled section.
  expect(await week.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(5);
  await expect(week.locator('.lesson-card').first()).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the family week view');

  const range = await page.getByTestId('week-range').innerText();
  await page.getByRole('button', { name: 'Następny tydzień' }).click();
  await expect(page).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('week-range')).not.toHaveText(range);
  await expect(page.getByTestId('week').locator('.lesson-card').first()).toBeVisible();
  await expectAccessible(page, 'the next week');

  // A changed lesson says what changed in words, not by colour alone.
  const changes = page.getByTestId('week').locator('.lesson-change');
  for (const text of await changes.allInnerTexts()) expect(text.trim().length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Poprzedni tydzień' }).click();
  await expect(page.getByTestId('week-range')).toHaveText(range);
});
