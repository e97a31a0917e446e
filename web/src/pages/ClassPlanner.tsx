// The class's terminarz for its teachers and the office: a month of events (kept in the address with the class), where
// a teacher adds a test, a trip or — the homeroom teacher — a parent meeting, and sees which parents will come, will
// not, or have not answered; an event is deleted by its author, the homeroom teacher or the office. Below, the class's
// parent council.
import { useEffect, useRef, useState } from 'preact/hooks';
import { del, get, query, type SchoolClass } from '../api';
import { EventDays, EventKindLine } from '../communication/terminarz';
import type { ClassEvent, ClassEvents, CreatedEvent } from '../communication/types';
import { Notice } from '../components/fields';
import { useErrorText } from '../components/form';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { PeriodNav } from '../components/PeriodNav';
import { useApp } from '../context';
import {
  addDays,
  formatDate,
  formatMonth,
  fullName,
  isIsoDate,
  listName,
  monthEnd,
  monthStart,
  todayIso,
} from '../format';
import type { MessageKey } from '../i18n';
import { navigate, useLocation } from '../router';
import { ClassCouncilPanel } from './ClassCouncil';
import { ClassPicker, OFFICE, useChosenClass } from './classChoice';
import { EventForm } from './EventForm';
import { classParents, useClassStudents, useClassesOf, type ClassParent } from './organisation';

const PATH = '/teacher/planner';

/**
 * Who of the class's parents will come, will not, or has not answered yet; the counts first, the names on demand. Those
 * who have not answered are known once the class's parents are read (`parents` is null until then).
 */
function MeetingAnswers({ event, parents }: { event: ClassEvent; parents: ClassParent[] | null }) {
  const { t } = useApp();
  const answers = event.answers ?? [];
  const answered = new Set(answers.map((a) => a.parent.id));
  const lists: { key: string; sign: string; people: string[] }[] = [
    { key: 'attending', sign: '✓', people: answers.filter((a) => a.attending).map((a) => listName(a.parent)) },
    { key: 'declined', sign: '✗', people: answers.filter((a) => !a.attending).map((a) => listName(a.parent)) },
  ];
  if (parents)
    lists.push({ key: 'silent', sign: '?', people: parents.filter((p) => !answered.has(p.id)).map(listName) });
  const label = (key: string) => t(`classPlanner.answers.${key}` as MessageKey);
  return (
    <div class="meeting-answers" data-testid="meeting-answers">
      <p class="meeting-question">{t('classPlanner.answers')}</p>
      <ul class="plain counts answer-counts">
        {lists.map((l) => (
          <li key={l.key} data-answer={l.key}>
            <span aria-hidden="true">{l.sign} </span>
            {label(l.key)}: {l.people.length}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('classPlanner.answersWho')}</summary>
        {lists.map((l) => (
          <div key={l.key} class="answer-list">
            <h4 id={`answers-${event.id}-${l.key}`}>
              {label(l.key)} ({l.people.length})
            </h4>
            {l.people.length === 0 ? (
              <p class="muted">{t('classPlanner.answersNone')}</p>
            ) : (
              <ul aria-labelledby={`answers-${event.id}-${l.key}`} data-testid={`answers-${l.key}`}>
                {l.people.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </details>
    </div>
  );
}

function EventCard({
  event,
  parents,
  canDelete,
  onDeleted,
}: {
  event: ClassEvent;
  parents: ClassParent[] | null;
  canDelete: boolean;
  onDeleted: (event: ClassEvent) => void;
}) {
  const { t, lang } = useApp();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const what = `${t(`planner.kind.${event.kind}` as MessageKey)}, ${formatDate(event.date, lang)}`;
  const remove = async () => {
    if (!window.confirm(t('classPlanner.deleteConfirm', { what, description: event.description }))) return;
    setError(null);
    try {
      await del(`/events/${event.id}`);
      onDeleted(event);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <li class={`card event-card event-${event.kind}`} data-event={event.id}>
      <EventKindLine event={event} />
      {event.description && <p class="event-description">{event.description}</p>}
      <p class="muted event-author">{t('planner.by', { name: fullName(event.author) })}</p>
      {event.kind === 'parent_meeting' && <MeetingAnswers event={event} parents={parents} />}
      {error && <Notice kind="error">{error}</Notice>}
      {canDelete && (
        <p class="notice-actions">
          <button
            type="button"
            class="button small danger"
            aria-label={t('classPlanner.deleteLabel', { what, description: event.description })}
            onClick={() => void remove()}
          >
            {t('common.remove')}
          </button>
        </p>
      )}
    </li>
  );
}

/** The flash after saving: what was added, and what the server warns about (a test over the school's cap). */
function Saved({ event }: { event: CreatedEvent }) {
  const { t, lang } = useApp();
  const what = `${t(`planner.kind.${event.kind}` as MessageKey)}, ${formatDate(event.date, lang)}`;
  return (
    <Notice kind={event.warnings.length ? 'info' : 'success'}>
      <p>{t('classPlanner.added', { what })}</p>
      {event.warnings.length > 0 && (
        <ul class="plain warnings" data-testid="event-warnings">
          {event.warnings.map((w) => (
            <li key={w.code}>
              <strong>
                <span aria-hidden="true">⚠ </span>
                {t('classPlanner.warning')}
              </strong>{' '}
              {lang === 'en' ? w.message_en : w.message_pl}
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
}

function Events({ klass, date, parents }: { klass: SchoolClass; date: string; parents: ClassParent[] | null }) {
  const { t, lang, me } = useApp();
  const office = OFFICE.includes(me!.user.role);
  const homeroom = klass.homeroom_teacher?.id === me!.user.id;
  const from = monthStart(date);
  const to = monthEnd(date);
  const events = useLoad(
    () => get<ClassEvents>(`/classes/${klass.id}/events${query({ from, to })}`),
    [klass.id, from, to],
  );
  const [adding, setAdding] = useState(false);
  const [flash, setFlash] = useState<{ saved?: CreatedEvent; deleted?: string } | null>(null);
  const today = todayIso();
  const go = (d: string) => navigate(`${PATH}${query({ class: klass.id, date: d })}`, true);
  // Focus follows the form: it takes focus itself when it opens, and gives it back to its button when it closes.
  const opened = useRef(false);
  useEffect(() => {
    if (adding) opened.current = true;
    else if (opened.current) document.getElementById('event-add')?.focus();
  }, [adding]);

  return (
    <Panel id="events-heading" title={t('classPlanner.events', { name: klass.name })}>
      <PeriodNav
        testId="class-planner-range"
        label={t('classPlanner.range', { name: klass.name, month: formatMonth(from, lang) })}
        prev={t('planner.prevMonth')}
        next={t('planner.nextMonth')}
        onPrev={() => go(monthStart(addDays(from, -1)))}
        onNext={() => go(addDays(to, 1))}
        back={today >= from && today <= to ? undefined : { label: t('planner.toToday'), onClick: () => go(today) }}
      />
      {flash?.saved && <Saved event={flash.saved} />}
      {flash?.deleted && <Notice kind="success">{t('classPlanner.deleted', { what: flash.deleted })}</Notice>}
      {adding ? (
        <EventForm
          klass={klass}
          date={today >= from && today <= to ? today : from}
          canCallMeeting={homeroom || office}
          onSaved={(created) => {
            setFlash({ saved: created });
            setAdding(false);
            if (created.date < from || created.date > to) go(created.date);
            else events.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <p>
          <button
            type="button"
            class="button primary"
            id="event-add"
            onClick={() => {
              setFlash(null);
              setAdding(true);
            }}
          >
            <span aria-hidden="true">+ </span>
            {t('classPlanner.add')}
          </button>
        </p>
      )}
      <LoadState state={events}>
        {(data) => {
          if (data.items.length === 0) return <p>{t('classPlanner.noEvents')}</p>;
          return (
            <EventDays
              items={data.items}
              testId="class-events"
              render={(e) => (
                <EventCard
                  key={e.id}
                  event={e}
                  parents={parents}
                  canDelete={office || homeroom || e.author.id === me!.user.id}
                  onDeleted={(gone) => {
                    setFlash({
                      deleted: `${t(`planner.kind.${gone.kind}` as MessageKey)}, ${formatDate(gone.date, lang)}`,
                    });
                    events.reload();
                    document.getElementById('event-add')?.focus();
                  }}
                />
              )}
            />
          );
        }}
      </LoadState>
    </Panel>
  );
}

/** One class's month and council; the class's parents are read once for both. */
function ClassPlanner({ klass, date }: { klass: SchoolClass; date: string }) {
  const { me } = useApp();
  const students = useClassStudents(me!.school!.id, String(klass.id));
  const parents = students.data ? classParents(students.data) : null;
  return (
    <>
      <Events klass={klass} date={date} parents={parents} />
      <ClassCouncilPanel klass={klass} parents={parents} />
    </>
  );
}

export function ClassPlannerPage() {
  const { t, me } = useApp();
  const { search } = useLocation();
  const office = OFFICE.includes(me!.user.role);
  const classes = useClassesOf(me!.school!.id, me!.user.id, office);
  const chosen = useChosenClass(classes.data?.mine ?? []);
  const date = isIsoDate(search.get('date')) ? (search.get('date') as string) : todayIso();
  return (
    <>
      <PageHeading title={t('nav.classPlanner')} />
      <LoadState state={classes}>
        {(c) =>
          !chosen ? (
            <p>{t('classPlanner.noClasses')}</p>
          ) : (
            <>
              <ClassPicker id="planner_class" path={PATH} classes={c.mine} />
              <ClassPlanner key={chosen.id} klass={chosen} date={date} />
            </>
          )
        }
      </LoadState>
    </>
  );
}
