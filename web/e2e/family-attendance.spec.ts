// The family attendance page: statistics, the marks by day, and a parent's excuse that then waits for a decision.
import { account, expect, expectAccessible, openFromNav, scrollsSideways, signIn, test } from './fixtures';

test('a parent submits an excuse for an absence and sees it pending', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, account('parent'));
  await openFromNav(page, 'Frekwencja');
  await expect(page.getByTestId('attendance-total')).toContainText('%');
  await expect(page.getByTestId('attendance-subjects')).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the family attendance page');

  // The demo's first parent has a child with absences; choose children until one has an excusable lesson.
  const lessons = page.locator('input[id^="excuse-lesson-"]');
  const child = page.getByLabel('Dziecko');
  if ((await lessons.count()) === 0 && (await child.count()) > 0) {
    const options = await child.locator('option').all();
    for (const option of options) {
      await child.selectOption((await option.getAttribute('value')) ?? '');
      await expect(page.getByTestId('attendance-total')).toBeVisible();
      if ((await lessons.count()) > 0) break;
    }
  }
  expect(await lessons.count(), 'an absence or lateness to excuse').toBeGreaterThan(0);

  const first = lessons.first();
  const label = (await page.locator(`label[for="${await first.getAttribute('id')}"]`).innerText()).trim();
  await first.check();
  await expect(page.getByTestId('excuse-chosen')).toContainText('Wybrano lekcji: 1');
  await page.getByRole('button', { name: 'Wyślij usprawiedliwienie' }).click();
  // No reason yet: refused at the reason field.
  await expect(page.locator('#excuse_reason-error')).toBeVisible();
  await page.getByLabel('Powód').selectOption({ label: 'Choroba' });
  await page.getByLabel(/^Uwagi/).fill('Gorączka');
  await page.getByRole('button', { name: 'Wyślij usprawiedliwienie' }).click();
  await expect(page.getByText(/Wysłano usprawiedliwienie/)).toBeVisible();

  const excuse = page.getByTestId('excuse-list').getByRole('listitem').filter({ hasText: 'Gorączka' }).first();
  await expect(excuse).toContainText('Oczekuje');
  await expect(excuse).toContainText('Choroba');
  // The lesson can no longer be chosen: an excuse already covers it.
  await expect(page.getByText(label.split(' — ')[0]).first()).toBeVisible();
  await expectAccessible(page, 'the attendance page after sending an excuse');
});
