// A teacher's day and a lesson's record: the topic, the curriculum number and one-tap attendance marks.
import { account, apiAs, expect, expectAccessible, openFromNav, scrollsSideways, signIn, test } from './fixtures';

interface DayLesson {
  can_record: boolean;
  lesson_id: number | null;
  subject: { name: string } | null;
}

/** Today in Warsaw, as the server counts days. */
const warsawToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());

const minusDays = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

test('a homeroom teacher marks a student absent and records the topic', async ({ page }) => {
  const teacher = account('homeroom_teacher');
  const call = await apiAs(teacher);
  // Walk back from today to a school day with a lesson the teacher records.
  let date = '';
  for (let back = 0; back < 14 && !date; back++) {
    const day = minusDays(warsawToday(), back);
    const { status, json } = await call<{ lessons: DayLesson[] }>('GET', `/teacher/lessons?date=${day}`);
    expect(status).toBe(200);
    if (json.lessons.some((l) => l.can_record && l.lesson_id)) date = day;
  }
  expect(date, 'a recent school day with a lesson to record').not.toBe('');

  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, teacher);
  await openFromNav(page, 'Moje lekcje');
  await expectAccessible(page, "the teacher's day");
  await page.getByLabel('Dzień', { exact: true }).fill(date);
  await expect(page).toHaveURL(new RegExp(`date=${date}`));
  const lessons = page.getByTestId('teacher-lessons');
  await expect(lessons).toBeVisible();
  await expectAccessible(page, "the teacher's lessons of a school day");

  await lessons
    .getByRole('link', { name: /^Otwórz lekcję/ })
    .first()
    .click();
  await expect(page).toHaveURL(/lesson=\d+/);
  const marks = page.getByTestId('mark-list');
  await expect(marks).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page, 'a lesson record');

  const second = marks.getByRole('group').nth(1);
  const student = (await second.locator('legend').innerText()).trim();
  await second.getByRole('radio', { name: 'nb Nieobecność', exact: true }).check({ force: true });
  const topic = `Powtórzenie wiadomości ${Date.now()}`;
  await page.getByLabel('Temat lekcji').fill(topic);
  await page.getByLabel(/^Numer w rozkładzie/).fill('12');
  await page.getByRole('button', { name: 'Zapisz lekcję' }).click();
  await expect(page.getByText('Zapisano lekcję.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Temat lekcji')).toHaveValue(topic);
  await expect(page.getByLabel(/^Numer w rozkładzie/)).toHaveValue('12');
  const again = page.getByTestId('mark-list').getByRole('group', { name: student });
  await expect(again.getByRole('radio', { name: 'nb Nieobecność', exact: true })).toBeChecked();
  await expect(again.getByRole('radio', { name: 'ob Obecność', exact: true })).not.toBeChecked();
  await expectAccessible(page, 'a lesson record after saving');

  // Back on the day's list, the lesson shows as recorded with its topic.
  await page.getByRole('link', { name: 'Wróć do listy lekcji' }).click();
  await expect(page.getByTestId('teacher-lessons')).toContainText(topic);
});

test('an empty topic is refused at its field', async ({ page }) => {
  const teacher = account('homeroom_teacher');
  const call = await apiAs(teacher);
  let lessonId = 0;
  let date = '';
  for (let back = 0; back < 14 && !lessonId; back++) {
    const day = minusDays(warsawToday(), back);
    const { json } = await call<{ lessons: DayLesson[] }>('GET', `/teacher/lessons?date=${day}`);
    const found = json.lessons.find((l) => l.can_record && l.lesson_id);
    if (found?.lesson_id) {
      lessonId = found.lesson_id;
      date = day;
    }
  }
  expect(lessonId).toBeGreaterThan(0);
  await signIn(page, teacher);
  await page.goto(`/lessons?date=${date}&lesson=${lessonId}`);
  await page.getByLabel('Temat lekcji').fill('   ');
  await page.getByRole('button', { name: 'Zapisz lekcję' }).click();
  await expect(page.locator('#record_topic-error')).toHaveText('Wpisz temat lekcji.');
  await expect(page.getByLabel('Temat lekcji')).toBeFocused();
});
