// What the family's and the staff's terminarz pages show alike: an event's kind with its subject and lesson, and a
// note (uwaga), and events listed by day. Each kind is told by its name and a sign, never by colour alone.
import type { ComponentChildren } from 'preact';
import { useApp } from '../context';
import { formatDateTime, formatDayLong, fullName, todayIso } from '../format';
import type { MessageKey } from '../i18n';
import type { EventKind, NoteKind, SchoolEvent, StudentNote } from './types';

export const EVENT_KINDS: EventKind[] = ['test', 'class_test', 'quiz', 'trip', 'outing', 'parent_meeting', 'other'];
export const NOTE_KINDS: NoteKind[] = ['positive', 'negative', 'neutral'];

/** A sign for each kind of event, read as its name (the sign itself is hidden from screen readers). */
const EVENT_SIGNS: Record<EventKind, string> = {
  test: '✎',
  class_test: '✎',
  quiz: '✎',
  trip: '⚑',
  outing: '★',
  parent_meeting: '☎',
  other: '•',
};
export const NOTE_SIGNS: Record<NoteKind, string> = { positive: '+', negative: '−', neutral: '•' };

/** "✎ Sprawdzian: Matematyka, lekcja 3, ang gr. 1". */
export function EventKindLine({ event }: { event: SchoolEvent }) {
  const { t } = useApp();
  const what = [
    event.subject?.name,
    event.lesson_number !== null ? t('lessons.number', { n: event.lesson_number }).toLowerCase() : '',
    event.group_name ?? '',
  ].filter(Boolean);
  return (
    <p class="event-kind">
      <span class="event-sign" aria-hidden="true">
        {EVENT_SIGNS[event.kind]}
      </span>{' '}
      {t(`planner.kind.${event.kind}` as MessageKey)}
      {what.length > 0 && <span class="event-what">: {what.join(', ')}</span>}
    </p>
  );
}

/** One note: its kind and category, its text, who wrote it and when; `about` names the student on class lists. */
export function NoteCard({ note, about }: { note: StudentNote; about?: ComponentChildren }) {
  const { t, lang } = useApp();
  return (
    <li class={`card note-card note-${note.kind}`} data-note={note.id}>
      {about && <p class="note-student">{about}</p>}
      <p class="note-kind">
        <span class="note-sign" aria-hidden="true">
          {NOTE_SIGNS[note.kind]}
        </span>{' '}
        {t(`planner.note.${note.kind}` as MessageKey)}
        {note.category && <span>: {note.category}</span>}
      </p>
      <p class="message-body">{note.text}</p>
      <p class="muted">
        {fullName(note.teacher)} · <time dateTime={note.created_at}>{formatDateTime(note.created_at, lang)}</time>
      </p>
    </li>
  );
}

/** Events listed by day (a heading per day, today marked), each drawn by `render`. */
export function EventDays<E extends { id: number; date: string }>({
  items,
  testId,
  render,
}: {
  items: E[];
  testId: string;
  render: (event: E) => ComponentChildren;
}) {
  const { t, lang } = useApp();
  const today = todayIso();
  const days = [...new Set(items.map((e) => e.date))];
  return (
    <ul class="plain event-days" data-testid={testId}>
      {days.map((day) => (
        <li key={day} class="event-day">
          <h3 id={`events-${day}`}>
            {formatDayLong(day, lang)}
            {day === today && <span class="badge off"> {t('lessons.today')}</span>}
          </h3>
          <ul class="plain event-list" aria-labelledby={`events-${day}`}>
            {items.filter((e) => e.date === day).map(render)}
          </ul>
        </li>
      ))}
    </ul>
  );
}
