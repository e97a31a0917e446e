// The lucky number: a parent sees it on the terminarz and the desk (the home page), with the child's own number said in words;
// per class when the school draws it per class, and not at all when the school has it off.
import { account, apiAs, expect, expectAccessible, homeroomFamily, openFromNav, signIn, test } from './fixtures';

interface Lucky {
  scope: string;
  days: { date: string; number: number; mine: boolean }[];
}

test('a parent sees the lucky number, per school, per class, or not at all', async ({ page }) => {
  const family = await homeroomFamily();
  const asParent = await apiAs(family.parent);
  const asAdmin = await apiAs(account('admin'));
  const childName = `${family.child.first_name} ${family.child.last_name}`;
  const lucky = await asParent<Lucky>('GET', `/students/${family.child.id}/lucky-number`);
  expect(lucky.json.scope).toBe('school');
  expect(lucky.json.days.length, 'a school day today or ahead').toBeGreaterThan(0);

  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, family.parent);
  // The desk, the family's home page, shows the chosen child's.
  const picker = page.getByLabel('Dziecko');
  if ((await picker.count()) > 0) await picker.selectOption(String(family.child.id));
  await expect(page.getByTestId('lucky-number')).toContainText(String(lucky.json.days[0].number));

  await openFromNav(page, 'Terminarz');
  if ((await picker.count()) > 0) await picker.selectOption(String(family.child.id));
  const shown = page.getByRole('region', { name: 'Szczęśliwy numerek' });
  await expect(shown).toContainText('dla całej szkoły');
  const days = shown.getByRole('listitem');
  await expect(days).toHaveCount(lucky.json.days.length);
  for (const [i, day] of lucky.json.days.entries()) {
    await expect(days.nth(i).locator('.lucky-number')).toHaveText(String(day.number));
    if (day.mine) await expect(days.nth(i)).toContainText(`To numer dziecka: ${childName}!`);
    else await expect(days.nth(i)).not.toContainText('To numer dziecka');
  }
  await expectAccessible(page, 'the terminarz with the lucky number');

  try {
    expect((await asAdmin('PATCH', `/schools/${family.schoolId}`, { lucky_number: 'class' })).status).toBe(200);
    await page.reload();
    await expect(shown).toContainText(`Numerek klasy ${family.className}`);

    // Off: the page says nothing about it once the answer is in (the next frames have rendered it).
    expect((await asAdmin('PATCH', `/schools/${family.schoolId}`, { lucky_number: 'off' })).status).toBe(200);
    const answered = page.waitForResponse((r) => r.url().includes(`/students/${family.child.id}/lucky-number`));
    await page.reload();
    expect(((await (await answered).json()) as Lucky).scope).toBe('off');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await expect(page.getByTestId('planner-range')).toContainText(childName);
    await expect(page.getByTestId('lucky-number')).toHaveCount(0);
  } finally {
    expect((await asAdmin('PATCH', `/schools/${family.schoolId}`, { lucky_number: 'school' })).status).toBe(200);
  }
});
