// The homeroom teacher's excuse inbox: accept one pending excuse, reject another with a comment.
import { account, apiAs, expect, expectAccessible, openFromNav, scrollsSideways, signIn, test } from './fixtures';

test('a homeroom teacher accepts one excuse and rejects another with a comment', async ({ page }) => {
  const teacher = account('homeroom_teacher');
  const call = await apiAs(teacher);
  const { status, json } = await call<{ items: unknown[] }>('GET', '/teacher/excuses?status=pending');
  expect(status).toBe(200);
  expect(json.items.length, 'the demo has two pending excuses for the homeroom class').toBeGreaterThanOrEqual(2);

  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, teacher);
  await openFromNav(page, 'Usprawiedliwienia');
  const list = page.getByTestId('inbox-list');
  await expect(list).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the excuse inbox');

  // Accept the first: it leaves the pending list with a message, and shows under "accepted".
  const first = page.getByTestId('inbox-excuse').first();
  const firstHeading = first.getByRole('heading', { level: 3 });
  const firstId = await firstHeading.getAttribute('id');
  await first.getByRole('button', { name: /^Przyjmij usprawiedliwienie/ }).click();
  await expect(page.getByTestId('inbox-message')).toContainText('Przyjęto usprawiedliwienie');
  await expect(page.locator(`#${firstId}`)).toHaveCount(0);

  // Reject the next: an empty comment is refused at its field first.
  const second = page.getByTestId('inbox-excuse').first();
  const secondId = await second.getByRole('heading', { level: 3 }).getAttribute('id');
  await second.getByRole('button', { name: /^Odrzuć usprawiedliwienie:/ }).click();
  const comment = second.getByLabel('Powód odrzucenia');
  await expect(comment).toBeFocused();
  await second.getByRole('button', { name: 'Odrzuć usprawiedliwienie', exact: true }).click();
  await expect(second.locator('.field-error')).toBeVisible();
  await expect(comment).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'the excuse inbox with a refused rejection');
  const why = `Brak zaświadczenia ${Date.now()}`;
  await comment.fill(why);
  await second.getByRole('button', { name: 'Odrzuć usprawiedliwienie', exact: true }).click();
  await expect(page.getByTestId('inbox-message')).toContainText('Odrzucono usprawiedliwienie');
  await expect(page.locator(`#${secondId}`)).toHaveCount(0);

  await page.getByLabel('Pokaż').selectOption({ label: 'Przyjęte' });
  await expect(page).toHaveURL(/status=accepted/);
  await expect(page.locator(`#${firstId}`)).toBeVisible();
  await expect(page.getByTestId('inbox-list')).toContainText('Przyjęte');
  await expectAccessible(page, 'the accepted excuses');

  await page.getByLabel('Pokaż').selectOption({ label: 'Odrzucone' });
  await expect(page.locator(`#${secondId}`)).toBeVisible();
  await expect(page.getByTestId('inbox-list')).toContainText(why);
});
