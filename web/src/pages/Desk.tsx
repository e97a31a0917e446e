// The desk (biurko): a family's home page, one child at a time (the child picker of the family pages). Today's and
// the next school day's lessons with their changes, the grades new since the grades page was last opened, the
// unexcused absences, the tests and homework ahead, the unread messages and announcements, and the lucky number.
// Each section reads its own endpoint and reads it again when the feed says something it shows has changed.
import type { ComponentChildren } from 'preact';
import {
  get,
  query,
  studentAttendance,
  type Excuse,
  type StudentAttendance,
  type VisibleStudent,
  type Week,
  type WeekDay,
} from '../api';
import { EventKindLine } from '../communication/terminarz';
import type { DatedList, Homework, SchoolEvent } from '../communication/types';
import { useUnreadCount, useUnreadNotices } from '../communication/unread';
import { Notice } from '../components/fields';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import { useLiveRefresh } from '../feed/live';
import { addDays, formatDate, formatDayLong, todayIso, weekStart } from '../format';
import { categoriesById, isUnread } from '../grades/show';
import type { StudentGrades } from '../grades/types';
import { Link } from '../router';
import { ChildPicker, LuckyNumber, useChosenStudent } from './family';
import { WeekLesson } from './FamilyWeek';

/** How many of a list the desk shows before "and n more". */
const FEW = 5;
const TEST_KINDS = ['test', 'class_test', 'quiz'];
const TEST_DAYS = 14;
const HOMEWORK_DAYS = 7;

/** A short list: the first few items, then how many more the linked page has. */
function Few<T>({ items, testId, render }: { items: T[]; testId: string; render: (item: T) => ComponentChildren }) {
  const { t } = useApp();
  return (
    <>
      <ul class="plain desk-list" data-testid={testId}>
        {items.slice(0, FEW).map(render)}
      </ul>
      {items.length > FEW && <p class="muted">{t('desk.more', { n: items.length - FEW })}</p>}
    </>
  );
}

function More({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p class="desk-more">
      <Link href={href}>
        {children}
        <span aria-hidden="true"> →</span>
      </Link>
    </p>
  );
}

function Day({ id, title, day }: { id: string; title: string; day: WeekDay }) {
  const { t, lang } = useApp();
  const changed = day.lessons.filter((l) => l.status !== 'planned').length;
  return (
    <section class="desk-day" aria-labelledby={id} data-testid={id}>
      <h3 id={id}>
        {title} — {formatDayLong(day.date, lang)}
      </h3>
      {day.day_off ? (
        <Notice kind="info">{t('week.dayOff', { name: day.day_off })}</Notice>
      ) : day.lessons.length === 0 ? (
        <p class="muted">{t('week.noLessons')}</p>
      ) : (
        <>
          {changed > 0 && (
            <p class="lesson-change" data-testid="desk-changes">
              {t('desk.changed', { n: changed })}
            </p>
          )}
          <ul class="plain lesson-list">
            {day.lessons.map((l) => (
              <WeekLesson key={`${l.lesson_number}-${l.group_id ?? 0}-${l.entry_id ?? l.change_id}`} lesson={l} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Lessons({ student }: { student: VisibleStudent }) {
  const { t } = useApp();
  const today = todayIso();
  const week = (start: string) => get<Week>(`/students/${student.id}/timetable${query({ week: start })}`);
  const weeks = useLoad(
    () => Promise.all([week(weekStart(today)), week(addDays(weekStart(today), 7))]),
    [student.id, today],
  );
  useLiveRefresh(['timetable.changed'], weeks.reload, student.id);
  return (
    <Panel id="desk-lessons" title={t('desk.lessons')}>
      <LoadState state={weeks}>
        {(loaded) => {
          const days = loaded.flatMap((w) => w.days);
          const now = days.find((d) => d.date === today);
          const next = days.find((d) => d.date > today && !d.day_off && d.lessons.length > 0);
          return (
            <>
              <Day
                id="desk-today"
                title={t('desk.today')}
                day={now ?? { date: today, weekday: 0, day_off: null, lessons: [] }}
              />
              {next ? (
                <Day
                  id="desk-next"
                  title={next.date === addDays(today, 1) ? t('desk.tomorrow') : t('desk.nextDay')}
                  day={next}
                />
              ) : (
                <p class="muted">{t('desk.noSchoolDay')}</p>
              )}
            </>
          );
        }}
      </LoadState>
      <More href={`/timetable${query({ student: student.id })}`}>{t('desk.weekLink')}</More>
    </Panel>
  );
}

function NewGrades({ student }: { student: VisibleStudent }) {
  const { t, lang } = useApp();
  const grades = useLoad(() => get<StudentGrades>(`/students/${student.id}/grades`), [student.id]);
  useLiveRefresh(['grade.added', 'grade.changed'], grades.reload, student.id);
  return (
    <Panel id="desk-grades" title={t('desk.grades')}>
      <LoadState state={grades}>
        {(data) => {
          const categories = categoriesById(data.categories);
          const fresh = data.subjects
            .flatMap((s) => s.grades.map((g) => ({ subject: s.subject.name, grade: g })))
            .filter(({ grade }) => isUnread(grade, data.seen_at, true))
            .sort(
              (a, b) =>
                b.grade.modified_at.localeCompare(a.grade.modified_at) || b.grade.date.localeCompare(a.grade.date),
            );
          if (fresh.length === 0) return <p>{t('desk.noNewGrades')}</p>;
          return (
            <>
              <p data-testid="desk-new-count">{t('desk.newGrades', { n: fresh.length })}</p>
              <Few
                items={fresh}
                testId="desk-new-grades"
                render={({ subject, grade }) => (
                  <li key={grade.id} data-grade={grade.id}>
                    {subject}: <strong class="desk-grade">{grade.value}</strong>
                    <span class="muted">
                      {' '}
                      (
                      {[categories.get(grade.category_id)?.name, formatDate(grade.date, lang)]
                        .filter(Boolean)
                        .join(', ')}
                      )
                    </span>
                  </li>
                )}
              />
            </>
          );
        }}
      </LoadState>
      <More href={`/grades${query({ student: student.id })}`}>{t('desk.gradesLink')}</More>
    </Panel>
  );
}

function Absences({ student }: { student: VisibleStudent }) {
  const { t, lang, me } = useApp();
  const data = useLoad(
    () => Promise.all([studentAttendance(student.id), get<{ items: Excuse[] }>(`/students/${student.id}/excuses`)]),
    [student.id],
  );
  useLiveRefresh(['attendance.marked', 'excuse.decided'], data.reload, student.id);
  const parent = me?.user.role === 'parent';
  return (
    <Panel id="desk-absences" title={t('desk.absences')}>
      <LoadState state={data}>
        {([attendance, excuses]: [StudentAttendance, { items: Excuse[] }]) => {
          const pending = new Set(
            excuses.items.filter((e) => e.status === 'pending').flatMap((e) => e.lessons.map((l) => l.lesson_id)),
          );
          const absent = attendance.marks.filter((m) => m.type.kind === 'absent').reverse();
          const open = absent.filter((m) => !pending.has(m.lesson_id));
          const waiting = absent.length - open.length;
          return (
            <>
              {open.length === 0 ? (
                <p>{t('desk.noAbsences')}</p>
              ) : (
                <>
                  <p data-testid="desk-absence-count">{t('desk.absenceCount', { n: open.length })}</p>
                  <Few
                    items={open}
                    testId="desk-absence-list"
                    render={(m) => (
                      <li key={m.lesson_id}>
                        {t('feed.lessonOn', { date: formatDate(m.date, lang), n: m.lesson_number })}: {m.subject.name}
                      </li>
                    )}
                  />
                </>
              )}
              {waiting > 0 && <p class="muted">{t('desk.pendingCount', { n: waiting })}</p>}
            </>
          );
        }}
      </LoadState>
      <More href={`/attendance${query({ student: student.id })}`}>
        {parent ? t('desk.excuseLink') : t('desk.attendanceLink')}
      </More>
    </Panel>
  );
}

function Upcoming({ student }: { student: VisibleStudent }) {
  const { t, lang } = useApp();
  const today = todayIso();
  const events = useLoad(
    () =>
      get<DatedList<SchoolEvent>>(
        `/students/${student.id}/events${query({ from: today, to: addDays(today, TEST_DAYS - 1) })}`,
      ),
    [student.id, today],
  );
  const homework = useLoad(
    () =>
      get<DatedList<Homework>>(
        `/students/${student.id}/homework${query({ from: today, to: addDays(today, HOMEWORK_DAYS - 1) })}`,
      ),
    [student.id, today],
  );
  useLiveRefresh(['event.added'], events.reload, student.id);
  useLiveRefresh(['homework.set', 'homework.changed'], homework.reload, student.id);
  return (
    <Panel id="desk-upcoming" title={t('desk.upcoming')}>
      <h3>{t('desk.tests')}</h3>
      <LoadState state={events}>
        {(data) => {
          const tests = data.items.filter((e) => TEST_KINDS.includes(e.kind));
          return tests.length === 0 ? (
            <p class="muted">{t('desk.noTests')}</p>
          ) : (
            <Few
              items={tests}
              testId="desk-tests"
              render={(e) => (
                <li key={e.id} class="desk-event">
                  <time dateTime={e.date} class="desk-when">
                    {formatDayLong(e.date, lang)}
                  </time>
                  <EventKindLine event={e} />
                </li>
              )}
            />
          );
        }}
      </LoadState>
      <h3>{t('desk.homework')}</h3>
      <LoadState state={homework}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="muted">{t('desk.noHomework')}</p>
          ) : (
            <Few
              items={data.items}
              testId="desk-homework"
              render={(h) => (
                <li key={h.id} class="desk-event">
                  <span class="desk-when">{t('planner.due', { date: formatDayLong(h.due_on, lang) })}</span>
                  <span>
                    <strong>{h.subject.name}</strong>: {h.text}
                  </span>
                </li>
              )}
            />
          )
        }
      </LoadState>
      <More href={`/planner${query({ student: student.id })}`}>{t('desk.plannerLink')}</More>
    </Panel>
  );
}

/** The counts the shell keeps for the navigation's badges, read again as messages and announcements arrive. */
function Inbox() {
  const { t } = useApp();
  const messages = useUnreadCount();
  const notices = useUnreadNotices();
  return (
    <Panel id="desk-inbox" title={t('desk.inbox')}>
      <ul class="plain desk-list" data-testid="desk-inbox">
        <li>
          <Link href="/messages">{t('desk.unreadMessages', { n: messages ?? '—' })}</Link>
        </li>
        <li>
          <Link href="/notices">{t('desk.unreadNotices', { n: notices ?? '—' })}</Link>
        </li>
      </ul>
    </Panel>
  );
}

export function DeskPage() {
  const { t, me } = useApp();
  const { student } = useChosenStudent();
  return (
    <>
      <PageHeading title={t('desk.title')} />
      {me && <p class="lead">{t('home.welcome', { name: me.user.first_name })}</p>}
      {!student ? (
        <p>{t('home.noStudents')}</p>
      ) : (
        <>
          <ChildPicker id="desk_student" path="/" />
          <LuckyNumber key={`lucky-${student.id}`} student={student} />
          <div class="panels desk" key={student.id}>
            <Lessons student={student} />
            <NewGrades student={student} />
            <Absences student={student} />
            <Upcoming student={student} />
            <Inbox />
          </div>
        </>
      )}
    </>
  );
}
