// "My lessons": the teacher's lessons on one day (kept in the address), and a lesson's record: the class list in
// register order with one-tap attendance marks, the topic and the curriculum number; a note about a pupil; homework.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  get,
  put,
  query,
  type AttendanceType,
  type Lesson,
  type LessonDetail,
  type LessonRecord,
  type TeacherDay,
  type TeacherLesson,
} from '../api';
import { Dialog } from '../components/Dialog';
import { useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import { addDays, formatDayLong, fullName, isIsoDate, listName, todayIso } from '../format';
import type { Lang, MessageKey, Translate } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { LessonHomework } from './LessonHomework';
import { NoteForm } from './NoteForm';

const PATH = '/lessons';

/** "08:00–08:45", or the lesson number alone when the bell schedule has no such lesson. */
export function lessonTime(l: { starts_at: string | null; ends_at: string | null }): string {
  return l.starts_at && l.ends_at ? `${l.starts_at}–${l.ends_at}` : '';
}

/** "1a" or "1a · grupa 1". */
export function classLabel(l: { class_name: string; group_name: string }): string {
  return l.group_name ? `${l.class_name} · ${l.group_name}` : l.class_name;
}

/** The attendance type's name in the chosen language. */
export const typeName = (type: AttendanceType, lang: Lang) => (lang === 'en' ? type.name_en : type.name_pl);

/** The text of a lesson's change ("Substitution: …", "Cancelled", …); empty for a planned lesson. */
export function changeText(l: Lesson, t: Translate): string {
  switch (l.status) {
    case 'substituted':
      return t('lesson.status.substituted', { teacher: l.teacher ? fullName(l.teacher) : '—' });
    case 'moved_out':
      return l.moved_to
        ? t('lesson.status.movedTo', { date: l.moved_to.date, n: l.moved_to.lesson_number })
        : t('lesson.status.moved_out');
    case 'moved_in':
      return l.moved_from
        ? t('lesson.status.movedFrom', { date: l.moved_from.date, n: l.moved_from.lesson_number })
        : t('lesson.status.moved_in');
    case 'planned':
      return '';
    default:
      return t(`lesson.status.${l.status}` as MessageKey);
  }
}

function DayLessons({ day, date }: { day: TeacherDay; date: string }) {
  const { t } = useApp();
  if (day.lessons.length === 0) return <p data-testid="no-lessons">{t('lessons.none')}</p>;
  return (
    <ul class="plain lesson-list" data-testid="teacher-lessons">
      {day.lessons.map((l: TeacherLesson) => {
        const change = changeText(l, t);
        const subject = l.subject?.name ?? '—';
        return (
          <li
            key={`${l.lesson_number}-${l.class_id}-${l.group_id ?? 0}-${l.entry_id ?? l.change_id}`}
            class={`lesson-card status-${l.status}`}
          >
            <p class="lesson-when">
              <span class="lesson-number">{t('lessons.number', { n: l.lesson_number })}</span>{' '}
              <span class="muted">{lessonTime(l)}</span>
            </p>
            <p class="lesson-subject">{subject}</p>
            <p class="lesson-meta">
              {classLabel(l)}
              {l.room && ` · ${t('lessons.room', { name: l.room.name })}`}
            </p>
            {change && <p class="lesson-change">{change}</p>}
            {l.note && <p class="muted">{l.note}</p>}
            {l.can_record && l.lesson_id !== null ? (
              <div class="lesson-record-row">
                <span class={`badge ${l.recorded ? 'ok' : 'off'}`}>
                  {l.recorded ? t('lessons.recorded') : t('lessons.notRecorded')}
                </span>
                {l.topic && <span class="lesson-topic">{t('lessons.topicIs', { topic: l.topic })}</span>}
                <Link href={`${PATH}${query({ date, lesson: l.lesson_id })}`} class="button small">
                  {t('lessons.open')}
                  <span class="visually-hidden">
                    {' '}
                    {t('lessons.openLabel', { n: l.lesson_number, subject, class: classLabel(l) })}
                  </span>
                </Link>
              </div>
            ) : (
              <p class="muted">{t('lessons.notYours')}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** One student's mark: a segmented control of the school's attendance types (radio buttons). */
function MarkChooser({
  student,
  index,
  types,
  value,
  onValue,
  error,
  disabled,
}: {
  student: LessonDetail['students'][number];
  index: number;
  types: AttendanceType[];
  value: string | null;
  onValue: (code: string) => void;
  error?: string;
  disabled: boolean;
}) {
  const { t, lang } = useApp();
  const name = listName(student);
  const errorId = `mark-${student.id}-error`;
  return (
    <li class={`mark-row${error ? ' has-error' : ''}`}>
      <fieldset class="mark-fieldset" aria-describedby={error ? errorId : undefined} data-student={student.id}>
        <legend>
          <span class="register-number">{student.register_number ?? '–'}.</span> {name}
        </legend>
        <div class="segmented">
          {types.map((type) => {
            const id = `mark-${student.id}-${type.code}`;
            const checked = value === type.code;
            return (
              <span class="segment" key={type.code} style={{ '--type-colour': type.colour }}>
                <input
                  type="radio"
                  id={id}
                  name={`mark-${student.id}`}
                  value={type.code}
                  checked={checked}
                  disabled={disabled}
                  onChange={() => onValue(type.code)}
                />
                <label for={id} title={typeName(type, lang)}>
                  {checked && (
                    <span aria-hidden="true" class="segment-check">
                      ✓
                    </span>
                  )}
                  <span class="segment-code">{type.code}</span>
                  <span class="visually-hidden"> {typeName(type, lang)}</span>
                </label>
              </span>
            );
          })}
        </div>
        {value === null && <p class="hint">{t('record.unmarked')}</p>}
      </fieldset>
      {error && (
        <p class="field-error" id={errorId} role="alert">
          {t('record.rowError', { n: index + 1, message: error })}
        </p>
      )}
    </li>
  );
}

function LessonRecordForm({
  lesson,
  onSaving,
  onSaved,
}: {
  lesson: LessonDetail;
  onSaving: () => void;
  onSaved: () => void;
}) {
  const { t, lang } = useApp();
  const initialMarks = () => {
    const marks: Record<number, string | null> = {};
    for (const s of lesson.students) marks[s.id] = s.mark ?? (lesson.recorded ? null : 'ob');
    return marks;
  };
  const form = useForm({
    topic: lesson.topic ?? '',
    curriculum_number: lesson.curriculum_number === null ? '' : String(lesson.curriculum_number),
    marks: initialMarks(),
  });
  const { values, set, errors } = form;
  const disabled = !lesson.editable;
  const types = lesson.attendance_types;
  const present = types.find((x) => x.code === 'ob') ? 'ob' : types.find((x) => x.kind === 'present')?.code;

  const save = form.submit(async () => {
    onSaving();
    const topic = values.topic.trim();
    const number = values.curriculum_number.trim();
    const local: Record<string, string> = {};
    if (!topic) local.topic = t('record.topicRequired');
    if (number && !/^\d+$/.test(number)) local.curriculum_number = t('record.numberInvalid');
    if (Object.keys(local).length) {
      form.setErrors(local);
      return;
    }
    const attendance = lesson.students
      .filter((s) => values.marks[s.id])
      .map((s) => ({ student_id: s.id, code: values.marks[s.id] as string }));
    await put<LessonRecord>(`/lessons/${lesson.id}/record`, {
      topic,
      curriculum_number: number ? Number(number) : null,
      attendance,
    });
    onSaved();
  });

  const absent = lesson.students.filter((s) => {
    const code = values.marks[s.id];
    const type = types.find((x) => x.code === code);
    return type && type.kind !== 'present';
  }).length;

  return (
    <form class="form record-form" ref={form.formRef} onSubmit={save} noValidate>
      {!lesson.editable && <Notice kind="info">{t('record.closed')}</Notice>}
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <div class="grid-form">
        <TextField
          id="record_topic"
          label={t('record.topic')}
          value={values.topic}
          onValue={(v) => set('topic', v)}
          maxLength={500}
          required
          disabled={disabled}
          error={errors.topic}
        />
        <TextField
          id="record_curriculum_number"
          label={t('record.curriculumNumber')}
          hint={t('record.curriculumHint')}
          optional
          inputMode="numeric"
          value={values.curriculum_number}
          onValue={(v) => set('curriculum_number', v)}
          maxLength={4}
          disabled={disabled}
          error={errors.curriculum_number}
        />
      </div>
      <section aria-labelledby="attendance-heading">
        <h3 id="attendance-heading">{t('record.attendance')}</h3>
        <details class="type-key">
          <summary>{t('record.key')}</summary>
          <ul class="plain">
            {types.map((type) => (
              <li key={type.code}>
                <span class="type-badge" style={{ '--type-colour': type.colour }}>
                  {type.code}
                </span>{' '}
                {typeName(type, lang)}
              </li>
            ))}
          </ul>
        </details>
        <p class="muted" aria-live="polite">
          {t('record.summary', { n: lesson.students.length, absent })}
        </p>
        {present && !disabled && (
          <div class="actions member-shortcuts">
            <button
              type="button"
              class="button small"
              onClick={() => set('marks', Object.fromEntries(lesson.students.map((s) => [s.id, present])))}
            >
              {t('record.allPresent')}
            </button>
          </div>
        )}
        {lesson.students.length === 0 ? (
          <p>{t('record.noStudents')}</p>
        ) : (
          <ol class="plain mark-list" data-testid="mark-list">
            {lesson.students.map((s, i) => (
              <MarkChooser
                key={s.id}
                student={s}
                index={i}
                types={types}
                value={values.marks[s.id] ?? null}
                onValue={(code) => set('marks', { ...values.marks, [s.id]: code })}
                error={errors[`attendance.${s.id}`]}
                disabled={disabled}
              />
            ))}
          </ol>
        )}
      </section>
      {!disabled && (
        <div class="form-end sticky-save">
          <Submit busy={form.busy} label={t('record.save')} busyLabel={t('common.saving')} />
        </div>
      )}
    </form>
  );
}

/** The day's lessons; mounted afresh for each day, so nothing stale shows while the next day loads. */
function DayLoader({ date }: { date: string }) {
  const day = useLoad(() => get<TeacherDay>(`/teacher/lessons${query({ date })}`), [date]);
  return <LoadState state={day}>{(d) => <DayLessons day={d} date={date} />}</LoadState>;
}

/** "Write a note" about one of the lesson's pupils, in a dialog over the record (which keeps what was typed). */
function LessonNote({ lesson }: { lesson: LessonDetail }) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => document.getElementById('lesson-note')?.focus());
  };
  if (lesson.students.length === 0) return null;
  return (
    <div class="lesson-note">
      <button
        type="button"
        class="button"
        id="lesson-note"
        onClick={() => {
          setSaved(null);
          setOpen(true);
        }}
      >
        <span aria-hidden="true">✎ </span>
        {t('notes.fromLesson')}
      </button>
      {saved && <Notice kind="success">{saved}</Notice>}
      {open && (
        <Dialog id="note-dialog" title={t('notes.dialogTitle', { class: classLabel(lesson) })} onClose={close}>
          <NoteForm
            students={lesson.students}
            onSaved={(note, pupil) => {
              setSaved(t('notes.saved', { kind: t(`planner.note.${note.kind}` as MessageKey), name: fullName(pupil) }));
              close();
            }}
            onCancel={close}
          />
        </Dialog>
      )}
    </div>
  );
}

function LessonView({ lessonId, date }: { lessonId: number; date: string }) {
  const { t, lang, me } = useApp();
  const lesson = useLoad(() => get<LessonDetail>(`/lessons/${lessonId}`), [lessonId]);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <p>
        <Link href={`${PATH}${query({ date })}`}>
          <span aria-hidden="true">← </span>
          {t('lessons.back')}
        </Link>
      </p>
      <LoadState state={lesson}>
        {(l) => (
          <>
            <Panel
              id="lesson-heading"
              title={t('record.title', { n: l.lesson_number, subject: l.subject.name, class: classLabel(l) })}
            >
              <p class="muted">{formatDayLong(l.date, lang)}</p>
              {me?.user.role === 'teacher' && <LessonNote lesson={l} />}
              {saved && <Notice kind="success">{t('record.saved')}</Notice>}
              <LessonRecordForm lesson={l} onSaving={() => setSaved(false)} onSaved={() => setSaved(true)} />
            </Panel>
            <LessonHomework lesson={l} />
          </>
        )}
      </LoadState>
    </>
  );
}

export function TeacherLessonsPage() {
  const { t, lang } = useApp();
  const { search } = useLocation();
  const date = isIsoDate(search.get('date')) ? (search.get('date') as string) : todayIso();
  const lessonId = Number(search.get('lesson')) || 0;
  const go = (d: string) => navigate(`${PATH}${query({ date: d })}`, true);
  const [dateInput, setDateInput] = useState(date);
  useEffect(() => setDateInput(date), [date]);
  // Opening or leaving a lesson changes only the query: move focus to the heading as a new page would.
  const firstLesson = useRef(lessonId);
  useEffect(() => {
    if (lessonId === firstLesson.current) return;
    firstLesson.current = -1;
    document.getElementById('page-title')?.focus();
  }, [lessonId]);

  if (lessonId) {
    return (
      <>
        <PageHeading title={t('nav.lessons')} />
        <LessonView lessonId={lessonId} date={date} />
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('nav.lessons')} />
      <div class="filter-bar day-picker">
        <TextField
          id="lessons_date"
          type="date"
          label={t('lessons.date')}
          value={dateInput}
          onValue={(v) => {
            setDateInput(v);
            if (isIsoDate(v)) go(v);
          }}
        />
        <div class="actions">
          <button type="button" class="button small" onClick={() => go(addDays(date, -1))}>
            <span aria-hidden="true">← </span>
            {t('lessons.prevDay')}
          </button>
          <button type="button" class="button small" onClick={() => go(todayIso())}>
            {t('lessons.today')}
          </button>
          <button type="button" class="button small" onClick={() => go(addDays(date, 1))}>
            {t('lessons.nextDay')}
            <span aria-hidden="true"> →</span>
          </button>
        </div>
      </div>
      <Panel id="day-heading" title={formatDayLong(date, lang)}>
        <DayLoader key={date} date={date} />
      </Panel>
    </>
  );
}
