// The weekly plan of one class (class and date kept in the address): a grid of the lessons in force on that date.
// Admin and secretary add a lesson to any slot and remove one; the director reads it.
import { useEffect, useState } from 'preact/hooks';
import {
  del,
  get,
  query,
  type Assignment,
  type BellLesson,
  type PlanEntry,
  type SchoolClass,
  type SchoolYear,
} from '../api';
import { useErrorText } from '../components/form';
import { SelectField, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import { formatDate, isIsoDate, todayIso, weekdayName } from '../format';
import { navigate, useLocation } from '../router';
import { useClasses } from './Classes';
import { managesOrganisation, useRooms } from './organisation';
import { TimetableEntryForm, type Slot } from './TimetableEntryForm';
import { slotButtonId, TimetableGrid, useDescribeEntry, type EntryError } from './TimetableGrid';

const PATH = '/admin/timetable';

/** Today while a school year runs; before a year begins (the summer, when its plan is made), its first day. */
function planDate(years: SchoolYear[], today: string): string {
  if (years.some((y) => y.starts_on <= today && today <= y.ends_on)) return today;
  const next = years.filter((y) => y.starts_on > today).sort((a, b) => a.starts_on.localeCompare(b.starts_on))[0];
  return next?.starts_on ?? today;
}

/** Whether a plan entry is in force on a date (the API lists ended and future entries too). */
const inForce = (e: PlanEntry, date: string) => e.valid_from <= date && (!e.valid_to || date <= e.valid_to);

const focusSlot = (slot: Slot) => requestAnimationFrame(() => document.getElementById(slotButtonId(slot))?.focus());

function ClassPlan({
  schoolId,
  cls,
  date,
  manage,
}: {
  schoolId: number;
  cls: SchoolClass;
  date: string;
  manage: boolean;
}) {
  const { t, lang } = useApp();
  const describe = useDescribeEntry();
  const errorText = useErrorText();
  const plan = useLoad(
    () => get<{ items: PlanEntry[] }>(`/schools/${schoolId}/timetable${query({ class_id: cls.id })}`),
    [schoolId, cls.id],
  );
  const bells = useLoad(() => get<{ lessons: BellLesson[] }>(`/schools/${schoolId}/bell-schedule`), [schoolId]);
  const assignments = useLoad(
    () => get<{ items: Assignment[] }>(`/schools/${schoolId}/assignments${query({ class_id: cls.id })}`),
    [schoolId, cls.id],
  );
  const rooms = useRooms(schoolId);
  const [adding, setAdding] = useState<Slot | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<EntryError | null>(null);

  const close = (slot: Slot) => {
    setAdding(null);
    focusSlot(slot);
  };
  const remove = async (entry: PlanEntry) => {
    const what = describe(entry);
    if (!window.confirm(t('timetable.removeConfirm', { what }))) return;
    setError(null);
    setMessage('');
    try {
      await del(`/schools/${schoolId}/timetable/${entry.id}`);
      setMessage(t('timetable.removed', { what }));
      // The remove button goes with the lesson: focus stays in its slot.
      focusSlot({ weekday: entry.weekday, lesson: entry.lesson_number });
      plan.reload();
    } catch (e) {
      setError({ entryId: entry.id, message: errorText(e) });
    }
  };
  const saved = (entry: PlanEntry, slot: Slot) => {
    setMessage(
      entry.valid_from > date
        ? t('timetable.addedFrom', { what: describe(entry), date: formatDate(entry.valid_from, lang) })
        : t('timetable.added', { what: describe(entry) }),
    );
    close(slot);
    plan.reload();
  };

  const dateText = formatDate(date, lang);
  return (
    <Panel id="class-plan-heading" title={t('timetable.ofClass', { name: cls.name })}>
      <p class="hint">{t('timetable.intro', { date: dateText })}</p>
      <p role="status" class="inbox-message" data-testid="timetable-message">
        {message}
      </p>
      <LoadState state={bells}>
        {(schedule) => (
          <LoadState state={plan}>
            {(data) =>
              schedule.lessons.length === 0 && data.items.length === 0 ? (
                <p>{t('bells.empty')}</p>
              ) : (
                <TimetableGrid
                  caption={t('timetable.caption', { name: cls.name, date: dateText })}
                  entries={data.items.filter((e) => inForce(e, date))}
                  bells={schedule.lessons}
                  manage={manage}
                  open={adding}
                  error={error}
                  onAdd={(slot) => {
                    setError(null);
                    const same = adding?.weekday === slot.weekday && adding.lesson === slot.lesson;
                    setAdding(same ? null : slot);
                  }}
                  onRemove={(entry) => void remove(entry)}
                />
              )
            }
          </LoadState>
        )}
      </LoadState>
      {manage && adding && (
        // Below the table rather than in its cell, so that on a phone the table's scrolling does not cut it off.
        <section
          class="editor"
          id="timetable-editor"
          key={slotButtonId(adding)}
          aria-labelledby="timetable-editor-heading"
        >
          <h3 id="timetable-editor-heading">
            {t('timetable.addTitle', { day: weekdayName(adding.weekday, lang), n: adding.lesson })}
          </h3>
          <LoadState state={assignments}>
            {(list) => (
              <LoadState state={rooms}>
                {(roomList) => (
                  <TimetableEntryForm
                    schoolId={schoolId}
                    cls={cls}
                    slot={adding}
                    validFrom={date}
                    assignments={list.items}
                    rooms={roomList}
                    onSaved={(entry) => saved(entry, adding)}
                    onCancel={() => close(adding)}
                  />
                )}
              </LoadState>
            )}
          </LoadState>
        </section>
      )}
    </Panel>
  );
}

function Filters({
  classes,
  classId,
  date,
  go,
}: {
  classes: SchoolClass[];
  classId: number;
  date: string;
  go: (next: { class_id?: string; date?: string }) => void;
}) {
  const { t } = useApp();
  // A half-typed date stays in the field; only a whole one changes the plan shown.
  const [dateInput, setDateInput] = useState(date);
  useEffect(() => setDateInput(date), [date]);
  return (
    <div class="filter-bar day-picker">
      <SelectField
        id="timetable_class"
        label={t('assignments.filterClass')}
        value={String(classId)}
        onValue={(v) => go({ class_id: v })}
        options={classes.map((c) => ({ value: String(c.id), label: c.name }))}
      />
      <TextField
        id="timetable_date"
        type="date"
        label={t('timetable.date')}
        value={dateInput}
        onValue={(v) => {
          setDateInput(v);
          if (isIsoDate(v)) go({ date: v });
        }}
      />
    </div>
  );
}

export function TimetablePage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const manage = managesOrganisation(me?.user.role);
  const { search } = useLocation();
  const classes = useClasses(schoolId);
  const years = useLoad(() => get<{ items: SchoolYear[] }>(`/schools/${schoolId}/terms`), [schoolId]);
  const asked = search.get('date');
  return (
    <>
      <PageHeading title={t('nav.timetable')} />
      <LoadState state={classes}>
        {(classList) => (
          <LoadState state={years}>
            {(yearList) => {
              if (classList.length === 0) return <p>{t('students.needClass')}</p>;
              const cls = classList.find((c) => String(c.id) === search.get('class_id')) ?? classList[0];
              const date = isIsoDate(asked) ? asked : planDate(yearList.items, todayIso());
              const go = (next: { class_id?: string; date?: string }) =>
                navigate(`${PATH}${query({ class_id: cls.id, date, ...next })}`, true);
              return (
                <>
                  <Filters classes={classList} classId={cls.id} date={date} go={go} />
                  <ClassPlan key={cls.id} schoolId={schoolId} cls={cls} date={date} manage={manage} />
                </>
              );
            }}
          </LoadState>
        )}
      </LoadState>
    </>
  );
}
