// The family terminarz: the homeroom teacher calls a parent meeting (through the API), the parent finds it in the
// week and the month and answers "Będę", then "Nie będę"; homework and notes show with their kinds in words.
import {
  account,
  apiAs,
  expect,
  expectAccessible,
  homeroomFamily,
  openFromNav,
  scrollsSideways,
  signIn,
  test,
  unique,
  warsawToday,
} from './fixtures';

interface ClassEvent {
  id: number;
  answers?: { parent: { id: number }; attending: boolean }[];
}

test('a parent finds a parent meeting in the terminarz and answers it', async ({ page }) => {
  const family = await homeroomFamily();
  const asTeacher = await apiAs(family.teacher);
  const today = warsawToday();
  const description = unique('Zebranie: wyniki pierwszego okresu, sala 12');
  const meeting = await asTeacher<{ id: number }>('POST', '/events', {
    class_id: family.classId,
    kind: 'parent_meeting',
    date: today,
    description,
  });
  expect(meeting.status).toBe(201);

  // Homework for the coming days and a note about the child, from the same teacher.
  const assignments = await asTeacher<{ items: { id: number; class_id: number; group_id: number | null }[] }>(
    'GET',
    `/schools/${family.schoolId}/assignments?teacher_id=${family.teacherId}`,
  );
  const teaching = assignments.json.items.find((a) => a.class_id === family.classId && a.group_id === null);
  const homework = unique('Przeczytać rozdział o jesieni');
  if (teaching) {
    const due = new Date(Date.parse(`${today}T12:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const set = await asTeacher('POST', '/homework', { assignment_id: teaching.id, due_on: due, text: homework });
    expect(set.status).toBe(201);
  }
  const note = unique('Pomogła przygotować klasę do wycieczki');
  const noted = await asTeacher('POST', '/notes', {
    student_id: family.child.id,
    kind: 'positive',
    category: 'Pomoc',
    text: note,
  });
  expect(noted.status).toBe(201);

  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, family.parent);
  await openFromNav(page, 'Terminarz');
  const picker = page.getByLabel('Dziecko');
  if ((await picker.count()) > 0) await picker.selectOption(String(family.child.id));
  await expect(page.getByTestId('planner-range')).toContainText(`${family.child.first_name} ${family.child.last_name}`);

  const card = page.locator(`[data-event="${meeting.json.id}"]`);
  await expect(card).toContainText('Zebranie z rodzicami');
  await expect(card).toContainText(description);
  await expect(card.getByTestId('meeting-answer')).toHaveText('Nie odpowiedziano jeszcze.');
  if (teaching) await expect(page.getByTestId('planner-homework')).toContainText(homework);
  const notes = page.getByTestId('planner-notes').getByRole('listitem').filter({ hasText: note });
  await expect(notes).toContainText('Uwaga pozytywna: Pomoc');
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'the family terminarz');

  const question = card.getByRole('group', { name: 'Czy będziesz na zebraniu?' });
  await question.getByRole('button', { name: 'Będę', exact: true }).click();
  await expect(question.getByRole('button', { name: 'Będę', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByTestId('meeting-answer')).toHaveText('Twoja odpowiedź: Będę.');
  await expectAccessible(page, 'the terminarz after answering');

  // The answer is kept: after a reload, in the month view, the parent changes their mind.
  await page.getByRole('radio', { name: 'Miesiąc' }).check();
  await expect(page).toHaveURL(/view=month/);
  await page.reload();
  await expect(card.getByTestId('meeting-answer')).toHaveText('Twoja odpowiedź: Będę.');
  await card.getByRole('button', { name: 'Nie będę', exact: true }).click();
  await expect(card.getByTestId('meeting-answer')).toHaveText('Twoja odpowiedź: Nie będę.');

  // The homeroom teacher sees the answer.
  const parentId = (await (await apiAs(family.parent))<{ user: { id: number } }>('GET', '/me')).json.user.id;
  const events = await asTeacher<{ items: ClassEvent[] }>(
    'GET',
    `/classes/${family.classId}/events?from=${today}&to=${today}`,
  );
  const answers = events.json.items.find((e) => e.id === meeting.json.id)?.answers ?? [];
  expect(answers.find((a) => a.parent.id === parentId)?.attending).toBe(false);
});

test('a student sees the parent meeting of their class without answering it', async ({ page }) => {
  const student = account('student');
  const me = await (await apiAs(student))<{ students: { id: number; class_id: number }[] }>('GET', '/me');
  const description = unique('Zebranie z rodzicami klasy');
  const meeting = await (
    await apiAs(account('admin'))
  )<{ id: number }>('POST', '/events', {
    class_id: me.json.students[0].class_id,
    kind: 'parent_meeting',
    date: warsawToday(),
    description,
  });
  expect(meeting.status).toBe(201);

  await signIn(page, student);
  await openFromNav(page, 'Terminarz');
  const card = page.locator(`[data-event="${meeting.json.id}"]`);
  await expect(card).toContainText(description);
  await expect(card.getByRole('button')).toHaveCount(0);
  await expectAccessible(page, "a student's terminarz");
});
