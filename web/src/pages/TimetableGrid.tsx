// One class's week as a table: a row per lesson of the bell schedule, a column per school day, in each cell the
// lessons planned then (several when groups of the class have lessons at once), with add and remove buttons.
import type { BellLesson, PlanEntry } from '../api';
import { TableRegion } from '../components/page';
import { useApp } from '../context';
import { byPolish, formatDate, fullName, weekdayName } from '../format';
import { lessonTime } from './TeacherLessons';
import type { Slot } from './TimetableEntryForm';

/** The add button's id, so focus can come back to its slot after the form or a removal. */
export const slotButtonId = (s: Slot) => `slot-add-${s.weekday}-${s.lesson}`;

/** "Matematyka (ang gr. 1), poniedziałek, lekcja 3": how buttons and messages name a lesson of the plan. */
export function useDescribeEntry() {
  const { t, lang } = useApp();
  return (e: PlanEntry) =>
    t('timetable.describe', {
      subject: `${e.subject?.name ?? '—'}${e.group_name ? ` (${e.group_name})` : ''}`,
      day: weekdayName(e.weekday, lang),
      n: e.lesson_number,
    });
}

/** A failed removal, shown beside the lesson it concerns. */
export interface EntryError {
  entryId: number;
  message: string;
}

interface Props {
  caption: string;
  entries: PlanEntry[];
  bells: BellLesson[];
  manage: boolean;
  /** The slot whose form is open below the table. */
  open: Slot | null;
  error: EntryError | null;
  onAdd: (slot: Slot) => void;
  onRemove: (entry: PlanEntry) => void;
}

function EntryItem({
  entry,
  manage,
  error,
  onRemove,
}: {
  entry: PlanEntry;
  manage: boolean;
  error: string | null;
  onRemove: () => void;
}) {
  const { t, lang } = useApp();
  const describe = useDescribeEntry();
  const e = entry;
  return (
    <li class="slot-entry" data-entry={e.id}>
      <span class="slot-subject">
        <span aria-hidden="true" title={e.subject?.name}>
          {e.subject?.short_name ?? '—'}
        </span>
        <span class="visually-hidden">{e.subject?.name ?? '—'}</span>
      </span>
      {e.group_name && <span class="slot-group">{e.group_name}</span>}
      {e.teacher && <span>{fullName(e.teacher)}</span>}
      {e.room && <span>{t('lessons.room', { name: e.room.name })}</span>}
      {e.valid_to && <span class="muted">{t('timetable.until', { date: formatDate(e.valid_to, lang) })}</span>}
      {e.online_link && (
        <a
          href={e.online_link}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('timetable.onlineLabel', { what: describe(e) })}
        >
          {t('timetable.online')}
        </a>
      )}
      {manage && (
        <button
          type="button"
          class="button small"
          aria-label={t('timetable.removeLabel', { what: describe(e) })}
          onClick={onRemove}
        >
          {t('common.remove')}
        </button>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export function TimetableGrid({ caption, entries, bells, manage, open, error, onAdd, onRemove }: Props) {
  const { t, lang } = useApp();
  // Monday to Friday, and Saturday when the class has lessons then.
  const days = entries.some((e) => e.weekday === 6) ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
  // The bell schedule's lessons, and any lesson planned outside it so that nothing planned is hidden.
  const numbers = [...new Set([...bells.map((b) => b.number), ...entries.map((e) => e.lesson_number)])].sort(
    (a, b) => a - b,
  );
  const bell = new Map(bells.map((b) => [b.number, b]));
  const inSlot = (s: Slot) =>
    entries
      .filter((e) => e.weekday === s.weekday && e.lesson_number === s.lesson)
      .sort((a, b) => byPolish(a.group_name, b.group_name) || byPolish(a.subject?.name ?? '', b.subject?.name ?? ''));
  return (
    <TableRegion caption={caption}>
      <table class="timetable-grid" data-testid="timetable-grid">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('timetable.lesson')}</th>
            {days.map((d) => (
              <th scope="col" key={d} class="weekday">
                {weekdayName(d, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {numbers.map((n) => {
            const times = bell.get(n);
            return (
              <tr key={n}>
                <th scope="row">
                  <span class="lesson-number" aria-hidden="true">
                    {n}
                  </span>
                  <span class="visually-hidden">{t('lessons.number', { n })}</span>
                  {times && <span class="slot-time">{lessonTime(times)}</span>}
                </th>
                {days.map((d) => {
                  const slot = { weekday: d, lesson: n };
                  const here = inSlot(slot);
                  const expanded = open?.weekday === d && open.lesson === n;
                  return (
                    <td key={d} data-slot={`${d}-${n}`}>
                      {here.length > 0 && (
                        <ul class="plain slot-entries">
                          {here.map((e) => (
                            <EntryItem
                              key={e.id}
                              entry={e}
                              manage={manage}
                              error={error?.entryId === e.id ? error.message : null}
                              onRemove={() => onRemove(e)}
                            />
                          ))}
                        </ul>
                      )}
                      {manage && (
                        <button
                          type="button"
                          class="button small"
                          id={slotButtonId(slot)}
                          aria-expanded={expanded ? 'true' : 'false'}
                          aria-controls={expanded ? 'timetable-editor' : undefined}
                          aria-label={t('timetable.addLabel', { day: weekdayName(d, lang), n })}
                          onClick={() => onAdd(slot)}
                        >
                          {t('timetable.add')}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
