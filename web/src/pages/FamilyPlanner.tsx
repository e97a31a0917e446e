// The family terminarz: the lucky number; a child's events for a week or a month (tests, quizzes, trips, parent
// meetings … with the subject, lesson and description), where a parent answers a parent-meeting invitation; the
// homework due in the coming weeks, with its files; and the teachers' notes (uwagi), each kind told by its name and a
// sign, not by colour alone.
import { useState } from 'preact/hooks';
import { get, put, query, type VisibleStudent } from '../api';
import { EventDays, EventKindLine, NoteCard } from '../communication/terminarz';
import type { DatedList, Homework, SchoolEvent, StudentNote } from '../communication/types';
import { AttachmentLinks } from '../components/Attachments';
import { Notice } from '../components/fields';
import { useErrorText } from '../components/form';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { PeriodNav } from '../components/PeriodNav';
import { useApp } from '../context';
import { useLiveRefresh } from '../feed/live';
import {
  addDays,
  formatDate,
  formatDateRange,
  formatDayLong,
  formatMonth,
  fullName,
  isIsoDate,
  monthEnd,
  monthStart,
  todayIso,
  weekStart,
} from '../format';
import type { MessageKey } from '../i18n';
import { navigate, useLocation } from '../router';
import { ChildPicker, LuckyNumber, useChosenStudent } from './family';

const PATH = '/planner';
/** How far ahead the homework list looks. */
const HOMEWORK_DAYS = 28;

type View = 'week' | 'month';

/** The first and last day shown: Monday to Sunday, or the whole month. */
function rangeOf(view: View, date: string): { from: string; to: string } {
  return view === 'week'
    ? { from: weekStart(date), to: addDays(weekStart(date), 6) }
    : { from: monthStart(date), to: monthEnd(date) };
}

function MeetingAnswer({ event }: { event: SchoolEvent }) {
  const { t } = useApp();
  const errorText = useErrorText();
  const [answer, setAnswer] = useState<boolean | null>(event.my_answer ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (attending: boolean) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await put(`/events/${event.id}/answer`, { attending });
      setAnswer(attending);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const question = `meeting-${event.id}-question`;
  return (
    <div class="meeting-answer" role="group" aria-labelledby={question}>
      <p id={question} class="meeting-question">
        {t('planner.meetingQuestion')}
      </p>
      <div class="actions">
        {[true, false].map((attending) => (
          <button
            key={String(attending)}
            type="button"
            class={`button${answer === attending ? ' primary' : ''}`}
            aria-pressed={answer === attending ? 'true' : 'false'}
            onClick={() => void send(attending)}
          >
            {answer === attending && <span aria-hidden="true">✓ </span>}
            {attending ? t('planner.attending') : t('planner.notAttending')}
          </button>
        ))}
      </div>
      <p aria-live="polite" data-testid="meeting-answer">
        {answer === null
          ? t('planner.noAnswer')
          : t('planner.yourAnswer', { answer: answer ? t('planner.attending') : t('planner.notAttending') })}
      </p>
      {error && <Notice kind="error">{error}</Notice>}
    </div>
  );
}

function EventCard({ event, parent }: { event: SchoolEvent; parent: boolean }) {
  const { t } = useApp();
  return (
    <li class={`card event-card event-${event.kind}`} data-event={event.id}>
      <EventKindLine event={event} />
      {event.description && <p class="event-description">{event.description}</p>}
      <p class="muted event-author">{t('planner.by', { name: fullName(event.author) })}</p>
      {event.kind === 'parent_meeting' && parent && <MeetingAnswer event={event} />}
    </li>
  );
}

function Events({ student, view, date }: { student: VisibleStudent; view: View; date: string }) {
  const { t, lang, me } = useApp();
  const { from, to } = rangeOf(view, date);
  const events = useLoad(
    () => get<DatedList<SchoolEvent>>(`/students/${student.id}/events${query({ from, to })}`),
    [student.id, from, to],
  );
  useLiveRefresh(['event.added'], events.reload, student.id);
  const go = (next: { view?: View; date?: string }) =>
    navigate(`${PATH}${query({ student: student.id, view: next.view ?? view, date: next.date ?? date })}`, true);
  const step = (direction: 1 | -1) =>
    view === 'week' ? addDays(from, 7 * direction) : direction > 0 ? addDays(to, 1) : monthStart(addDays(from, -1));
  const range = view === 'week' ? formatDateRange(from, to, lang) : formatMonth(from, lang);
  const today = todayIso();
  const current = today >= from && today <= to;
  return (
    <Panel id="events-heading" title={t('planner.events')}>
      <fieldset class="period-switch">
        <legend>{t('planner.view')}</legend>
        <div class="segmented">
          {(['week', 'month'] as const).map((v) => (
            <span class="segment" key={v}>
              <input
                type="radio"
                id={`planner_view_${v}`}
                name="planner_view"
                value={v}
                checked={view === v}
                onChange={() => go({ view: v })}
              />
              <label for={`planner_view_${v}`}>{t(`planner.view.${v}` as MessageKey)}</label>
            </span>
          ))}
        </div>
      </fieldset>
      <PeriodNav
        testId="planner-range"
        label={t('week.range', { name: fullName(student), range })}
        prev={view === 'week' ? t('week.prev') : t('planner.prevMonth')}
        next={view === 'week' ? t('week.next') : t('planner.nextMonth')}
        onPrev={() => go({ date: step(-1) })}
        onNext={() => go({ date: step(1) })}
        back={current ? undefined : { label: t('planner.toToday'), onClick: () => go({ date: today }) }}
      />
      <LoadState state={events}>
        {(data) => {
          if (data.items.length === 0) return <p>{t('planner.noEvents')}</p>;
          return (
            <EventDays
              items={data.items}
              testId="planner-events"
              render={(e) => <EventCard key={e.id} event={e} parent={me?.user.role === 'parent'} />}
            />
          );
        }}
      </LoadState>
    </Panel>
  );
}

function HomeworkList({ student }: { student: VisibleStudent }) {
  const { t, lang } = useApp();
  const from = todayIso();
  const to = addDays(from, HOMEWORK_DAYS - 1);
  const homework = useLoad(
    () => get<DatedList<Homework>>(`/students/${student.id}/homework${query({ from, to })}`),
    [student.id, from],
  );
  useLiveRefresh(['homework.set', 'homework.changed'], homework.reload, student.id);
  return (
    <Panel id="homework-heading" title={t('planner.homework')}>
      <p class="muted">{t('planner.homeworkRange', { range: formatDateRange(from, to, lang) })}</p>
      <LoadState state={homework}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('planner.noHomework')}</p>
          ) : (
            <ul class="plain homework-list" data-testid="planner-homework">
              {data.items.map((h) => (
                <li key={h.id} class="card homework-card">
                  <p class="homework-due">
                    {t('planner.due', { date: formatDayLong(h.due_on, lang) })}: {h.subject.name}
                  </p>
                  <p class="message-body">{h.text}</p>
                  <AttachmentLinks items={h.attachments} />
                  <p class="muted">
                    {t('planner.setBy', { name: fullName(h.teacher), date: formatDate(h.set_on, lang) })}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </Panel>
  );
}

function Notes({ student }: { student: VisibleStudent }) {
  const { t } = useApp();
  const notes = useLoad(() => get<{ items: StudentNote[] }>(`/students/${student.id}/notes`), [student.id]);
  useLiveRefresh(['note.added'], notes.reload, student.id);
  return (
    <Panel id="notes-heading" title={t('planner.notes')}>
      <LoadState state={notes}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('planner.noNotes')}</p>
          ) : (
            <ul class="plain note-list" data-testid="planner-notes">
              {data.items.map((n) => (
                <NoteCard key={n.id} note={n} />
              ))}
            </ul>
          )
        }
      </LoadState>
    </Panel>
  );
}

export function FamilyPlannerPage() {
  const { t } = useApp();
  const { search } = useLocation();
  const { student } = useChosenStudent();
  const view: View = search.get('view') === 'month' ? 'month' : 'week';
  const date = isIsoDate(search.get('date')) ? (search.get('date') as string) : todayIso();
  return (
    <>
      <PageHeading title={t('nav.planner')} />
      {!student ? (
        <p>{t('home.noStudents')}</p>
      ) : (
        <>
          <ChildPicker id="planner_student" path={PATH} />
          <LuckyNumber key={`lucky-${student.id}`} student={student} />
          <Events key={student.id} student={student} view={view} date={date} />
          <HomeworkList key={`hw-${student.id}`} student={student} />
          <Notes key={`notes-${student.id}`} student={student} />
        </>
      )}
    </>
  );
}
