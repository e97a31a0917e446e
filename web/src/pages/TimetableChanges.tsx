// Timetable changes for one day (date and class kept in the address): the school's lessons with their status, and for
// a planned lesson a substitution, a cancellation or a room change; below, the day's changes with a remove button.
import { useEffect, useState } from 'preact/hooks';
import { del, get, post, query, type Lesson, type Room, type SchoolClass, type User, type Week } from '../api';
import { useErrorText, useForm } from '../components/form';
import { Notice, SelectField, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { addDays, byPolish, formatDayLong, fullName, isIsoDate, listName, todayIso } from '../format';
import type { MessageKey } from '../i18n';
import { navigate, useLocation } from '../router';
import { useClasses } from './Classes';
import { useRooms, useTeachers } from './organisation';
import { changeText, classLabel, lessonTime } from './TeacherLessons';

const PATH = '/admin/timetable-changes';

type Kind = 'substitution' | 'cancellation' | 'room_change';

interface TimetableChange {
  id: number;
  kind: Kind | 'moved' | 'extra';
  date: string;
  lesson_number: number;
  entry_id: number | null;
  assignment_id: number | null;
  substitute_teacher_id: number | null;
  subject_id: number | null;
  room_id: number | null;
  moved_to: { date: string; lesson_number: number } | null;
  note: string;
}

/** "Lekcja 3, Matematyka, 1a": how messages and buttons name a lesson. */
function useDescribe() {
  const { t } = useApp();
  return (l: Lesson) =>
    t('changes.describe', {
      n: l.lesson_number,
      subject: (l.original_subject ?? l.subject)?.name ?? '—',
      class: classLabel(l),
    });
}

function ChangeForm({
  schoolId,
  lesson,
  kind,
  teachers,
  rooms,
  onSaved,
  onCancel,
}: {
  schoolId: number;
  lesson: Lesson;
  kind: Kind;
  teachers: User[];
  rooms: Room[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const form = useForm({ substitute_teacher_id: '', room_id: '', note: '' });
  const { values, set, errors } = form;
  const key = `${lesson.entry_id}`;
  useEffect(() => {
    document.getElementById(`change_first_${key}`)?.focus();
  }, [kind]);
  const save = form.submit(
    async () => {
      const body: Record<string, unknown> = { kind, date: lesson.date, entry_id: lesson.entry_id };
      if (kind === 'substitution') body.substitute_teacher_id = Number(values.substitute_teacher_id) || null;
      if (kind === 'room_change') body.room_id = Number(values.room_id) || null;
      if (values.note.trim()) body.note = values.note.trim();
      await post<TimetableChange>(`/schools/${schoolId}/timetable-changes`, body);
      onSaved();
    },
    kind === 'substitution' ? { clash_teacher: 'substitute_teacher_id' } : { clash_room: 'room_id' },
  );
  return (
    <form class="form change-form" ref={form.formRef} onSubmit={save} noValidate>
      <h4>{t(`changes.kind.${kind}` as MessageKey)}</h4>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      {kind === 'substitution' && (
        <SelectField
          id={`change_first_${key}`}
          label={t('changes.substitute')}
          value={values.substitute_teacher_id}
          onValue={(v) => set('substitute_teacher_id', v)}
          options={teachers
            .filter((u) => u.id !== lesson.teacher?.id)
            .map((u) => ({ value: String(u.id), label: listName(u) }))}
          placeholder={t('assignments.chooseTeacher')}
          required
          error={errors.substitute_teacher_id}
        />
      )}
      {kind === 'room_change' && (
        <SelectField
          id={`change_first_${key}`}
          label={t('changes.room')}
          value={values.room_id}
          onValue={(v) => set('room_id', v)}
          options={rooms.filter((r) => r.id !== lesson.room?.id).map((r) => ({ value: String(r.id), label: r.name }))}
          placeholder={t('changes.chooseRoom')}
          required
          error={errors.room_id}
        />
      )}
      <TextField
        id={kind === 'cancellation' ? `change_first_${key}` : `change_note_${key}`}
        label={t('changes.note')}
        optional
        value={values.note}
        onValue={(v) => set('note', v)}
        maxLength={300}
        error={errors.note}
      />
      <div class="actions">
        <Submit busy={form.busy} label={t(`changes.save.${kind}` as MessageKey)} busyLabel={t('common.saving')} />
        <button type="button" class="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function LessonCard({
  schoolId,
  lesson,
  teachers,
  rooms,
  onSaved,
}: {
  schoolId: number;
  lesson: Lesson;
  teachers: User[];
  rooms: Room[];
  onSaved: (l: Lesson, kind: Kind) => void;
}) {
  const { t } = useApp();
  const describe = useDescribe();
  const [open, setOpen] = useState<Kind | null>(null);
  const change = changeText(lesson, t);
  const canChange = lesson.status === 'planned' && lesson.entry_id !== null;
  return (
    <li class={`lesson-card status-${lesson.status}`} data-testid="change-lesson" data-entry={lesson.entry_id ?? ''}>
      <p class="lesson-when">
        <span class="lesson-number">{t('lessons.number', { n: lesson.lesson_number })}</span>{' '}
        <span class="muted">{lessonTime(lesson)}</span>
      </p>
      <p class="lesson-subject">{lesson.subject?.name ?? '—'}</p>
      <p class="lesson-meta">
        {classLabel(lesson)}
        {lesson.teacher && ` · ${fullName(lesson.teacher)}`}
        {lesson.room && ` · ${t('lessons.room', { name: lesson.room.name })}`}
      </p>
      <p class="lesson-change">{change || t('changes.planned')}</p>
      {lesson.note && <p class="muted">{lesson.note}</p>}
      {canChange &&
        (open ? (
          <ChangeForm
            schoolId={schoolId}
            lesson={lesson}
            kind={open}
            teachers={teachers}
            rooms={rooms}
            onSaved={() => {
              setOpen(null);
              onSaved(lesson, open);
            }}
            onCancel={() => setOpen(null)}
          />
        ) : (
          <div class="actions">
            {(['substitution', 'cancellation', 'room_change'] as Kind[]).map((k) => (
              <button
                key={k}
                type="button"
                class="button small"
                aria-label={t(`changes.action.${k}Label` as MessageKey, { what: describe(lesson) })}
                onClick={() => setOpen(k)}
              >
                {t(`changes.action.${k}` as MessageKey)}
              </button>
            ))}
          </div>
        ))}
    </li>
  );
}

function ChangeList({
  changes,
  lessons,
  teachers,
  rooms,
  onRemove,
}: {
  changes: TimetableChange[];
  lessons: Lesson[];
  teachers: User[];
  rooms: Room[];
  onRemove: (c: TimetableChange, what: string) => void;
}) {
  const { t } = useApp();
  const describe = useDescribe();
  if (changes.length === 0) return <p data-testid="no-changes">{t('changes.none')}</p>;
  const what = (c: TimetableChange) => {
    const l = lessons.find((x) => x.entry_id !== null && x.entry_id === c.entry_id);
    return l ? describe(l) : t('lessons.number', { n: c.lesson_number });
  };
  const details = (c: TimetableChange) => {
    const teacher = teachers.find((u) => u.id === c.substitute_teacher_id);
    const room = rooms.find((r) => r.id === c.room_id);
    return [teacher ? fullName(teacher) : '', room ? t('lessons.room', { name: room.name }) : '', c.note]
      .filter(Boolean)
      .join(' · ');
  };
  return (
    <TableRegion caption={t('changes.list')}>
      <table data-testid="changes-table">
        <caption class="visually-hidden">{t('changes.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('changes.lesson')}</th>
            <th scope="col">{t('changes.kind')}</th>
            <th scope="col">{t('changes.details')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id}>
              <th scope="row">{what(c)}</th>
              <td>{t(`changes.kind.${c.kind}` as MessageKey)}</td>
              <td>{details(c)}</td>
              <td>
                <button
                  type="button"
                  class="button small"
                  aria-label={t('changes.removeLabel', {
                    kind: t(`changes.kind.${c.kind}` as MessageKey),
                    what: what(c),
                  })}
                  onClick={() => onRemove(c, what(c))}
                >
                  {t('common.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function DayChanges({
  schoolId,
  date,
  classId,
  teachers,
  rooms,
}: {
  schoolId: number;
  date: string;
  classId: string;
  teachers: User[];
  rooms: Room[];
}) {
  const { t, lang } = useApp();
  const describe = useDescribe();
  const errorText = useErrorText();
  const week = useLoad(
    () => get<Week>(`/schools/${schoolId}/week${query({ week: date, class_id: classId })}`),
    [schoolId, date, classId],
  );
  const changes = useLoad(
    () => get<{ items: TimetableChange[] }>(`/schools/${schoolId}/timetable-changes${query({ date })}`),
    [schoolId, date],
  );
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const reload = () => {
    week.reload();
    changes.reload();
  };
  const remove = async (c: TimetableChange, what: string) => {
    if (!window.confirm(t('changes.removeConfirm', { what }))) return;
    setActionError(null);
    try {
      await del(`/schools/${schoolId}/timetable-changes/${c.id}`);
      setMessage(t('changes.removed', { what }));
      reload();
    } catch (e) {
      setActionError(errorText(e));
    }
  };
  return (
    <>
      <p role="status" class="inbox-message" data-testid="changes-message">
        {message}
      </p>
      <Panel id="day-lessons-heading" title={formatDayLong(date, lang)}>
        <LoadState state={week}>
          {(w) => {
            const day = w.days.find((d) => d.date === date);
            if (day?.day_off) return <p>{t('changes.dayOff', { name: day.day_off })}</p>;
            const lessons = [...(day?.lessons ?? [])].sort(
              (a, b) => a.lesson_number - b.lesson_number || byPolish(classLabel(a), classLabel(b)),
            );
            if (lessons.length === 0) return <p data-testid="no-lessons">{t('changes.noLessons')}</p>;
            return (
              <ul class="plain lesson-list" data-testid="change-lessons">
                {lessons.map((l) => (
                  <LessonCard
                    key={`${l.lesson_number}-${l.class_id}-${l.group_id ?? 0}-${l.entry_id ?? l.change_id}`}
                    schoolId={schoolId}
                    lesson={l}
                    teachers={teachers}
                    rooms={rooms}
                    onSaved={(lesson, kind) => {
                      setMessage(
                        t('changes.saved', { kind: t(`changes.kind.${kind}` as MessageKey), what: describe(lesson) }),
                      );
                      reload();
                    }}
                  />
                ))}
              </ul>
            );
          }}
        </LoadState>
      </Panel>
      <Panel id="day-changes-heading" title={t('changes.list')}>
        {actionError && <Notice kind="error">{actionError}</Notice>}
        <LoadState state={changes}>
          {(list) => (
            <ChangeList
              changes={list.items}
              lessons={week.data?.days.find((d) => d.date === date)?.lessons ?? []}
              teachers={teachers}
              rooms={rooms}
              onRemove={(c, what) => void remove(c, what)}
            />
          )}
        </LoadState>
      </Panel>
    </>
  );
}

export function TimetableChangesPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const { search } = useLocation();
  const date = isIsoDate(search.get('date')) ? (search.get('date') as string) : todayIso();
  const classId = search.get('class_id') ?? '';
  const go = (next: { date?: string; class_id?: string }) =>
    navigate(`${PATH}${query({ date, class_id: classId, ...next })}`, true);
  const [dateInput, setDateInput] = useState(date);
  useEffect(() => setDateInput(date), [date]);
  const classes = useClasses(schoolId);
  const teachers = useTeachers(schoolId);
  const rooms = useRooms(schoolId);
  return (
    <>
      <PageHeading title={t('nav.changes')} />
      <div class="filter-bar day-picker">
        <TextField
          id="changes_date"
          type="date"
          label={t('lessons.date')}
          value={dateInput}
          onValue={(v) => {
            setDateInput(v);
            if (isIsoDate(v)) go({ date: v });
          }}
        />
        <SelectField
          id="changes_class"
          label={t('assignments.filterClass')}
          value={classId}
          onValue={(v) => go({ class_id: v })}
          options={(classes.data ?? ([] as SchoolClass[])).map((c) => ({ value: String(c.id), label: c.name }))}
          placeholder={t('students.allClasses')}
        />
        <div class="actions">
          <button type="button" class="button small" onClick={() => go({ date: addDays(date, -1) })}>
            <span aria-hidden="true">← </span>
            {t('lessons.prevDay')}
          </button>
          <button type="button" class="button small" onClick={() => go({ date: todayIso() })}>
            {t('lessons.today')}
          </button>
          <button type="button" class="button small" onClick={() => go({ date: addDays(date, 1) })}>
            {t('lessons.nextDay')}
            <span aria-hidden="true"> →</span>
          </button>
        </div>
      </div>
      <LoadState state={teachers}>
        {(teacherList) => (
          <LoadState state={rooms}>
            {(roomList) => (
              <DayChanges
                key={`${date}-${classId}`}
                schoolId={schoolId}
                date={date}
                classId={classId}
                teachers={teacherList}
                rooms={roomList}
              />
            )}
          </LoadState>
        )}
      </LoadState>
    </>
  );
}
