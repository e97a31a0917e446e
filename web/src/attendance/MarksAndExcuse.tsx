// A student's attendance marks by day and, for a parent, the form excusing chosen lessons or whole days.
import { useState } from 'preact/hooks';
import {
  post,
  type AttendanceMark,
  type Excuse,
  type ExcuseReason,
  type StudentAttendance,
  type VisibleStudent,
} from '../api';
import { useForm } from '../components/form';
import { CheckboxField, Notice, SelectField, Submit, TextField } from '../components/fields';
import { Panel } from '../components/page';
import { useApp } from '../context';
import { formatDate, formatDayLong } from '../format';
import type { MessageKey } from '../i18n';
import { typeName } from '../pages/TeacherLessons';

const REASONS: ExcuseReason[] = ['illness', 'family', 'other'];

/** Whether a mark may be excused: an absence (kind absent) or lateness (sp). */
const excusable = (m: AttendanceMark) => m.type.kind === 'absent' || m.type.code === 'sp';

function MarkBadge({ mark }: { mark: AttendanceMark }) {
  const { lang } = useApp();
  return (
    <span class="type-badge" style={{ '--type-colour': mark.type.colour }} title={typeName(mark.type, lang)}>
      {mark.type.code}
    </span>
  );
}

/** The marks by day; for a parent, excusable marks and whole days can be chosen for an excuse. */
export function MarksAndExcuse({
  student,
  data,
  covered,
  canExcuse,
  onSubmitted,
}: {
  student: VisibleStudent;
  data: StudentAttendance;
  covered: Set<number>;
  canExcuse: boolean;
  onSubmitted: (e: Excuse) => void;
}) {
  const { t, lang } = useApp();
  const [showAll, setShowAll] = useState(false);
  const form = useForm({ lesson_ids: [] as number[], dates: [] as string[], reason: '', note: '' });
  const { values, set, errors } = form;

  const days = new Map<string, AttendanceMark[]>();
  for (const m of data.marks) {
    const list = days.get(m.date) ?? [];
    list.push(m);
    days.set(m.date, list);
  }
  const open = (m: AttendanceMark) => canExcuse && excusable(m) && !covered.has(m.lesson_id);
  const dates = [...days.keys()].sort().reverse();
  const shown = showAll ? dates : dates.filter((d) => days.get(d)!.some((m) => m.type.code !== 'ob'));
  const chosen = values.lesson_ids.length + values.dates.length;

  const toggleLesson = (id: number, on: boolean) =>
    set('lesson_ids', on ? [...values.lesson_ids, id] : values.lesson_ids.filter((x) => x !== id));
  const toggleDay = (date: string, on: boolean) => {
    set('dates', on ? [...values.dates, date] : values.dates.filter((x) => x !== date));
    const ids = new Set(days.get(date)!.map((m) => m.lesson_id));
    if (on)
      set(
        'lesson_ids',
        values.lesson_ids.filter((x) => !ids.has(x)),
      );
  };

  const save = form.submit(async () => {
    const local: Record<string, string> = {};
    if (chosen === 0) local.lesson_ids = t('excuse.chooseSome');
    if (!values.reason) local.reason = t('excuse.chooseReason');
    if (Object.keys(local).length) {
      form.setErrors(local);
      return;
    }
    const body: Record<string, unknown> = { reason: values.reason };
    if (values.lesson_ids.length) body.lesson_ids = values.lesson_ids;
    if (values.dates.length) body.dates = values.dates;
    if (values.note.trim()) body.note = values.note.trim();
    const excuse = await post<Excuse>(`/students/${student.id}/excuses`, body);
    form.reset();
    onSubmitted(excuse);
  });

  const selectionError = errors.lesson_ids ?? errors.dates;
  const daysList = (
    <>
      <CheckboxField
        id="attendance_show_all"
        label={t('attendance.showAll')}
        checked={showAll}
        onChecked={setShowAll}
      />
      {shown.length === 0 ? (
        <p>{t('attendance.noMarks')}</p>
      ) : (
        <ul class="plain attendance-days" data-testid="attendance-days">
          {shown.map((date) => {
            const marks = days.get(date)!;
            const dayOpen = marks.some(open);
            const dayChosen = values.dates.includes(date);
            return (
              <li key={date} class="attendance-day">
                <h3 id={`att-day-${date}`}>{formatDayLong(date, lang)}</h3>
                {dayOpen && (
                  <div class="field checkbox day-choice">
                    <input
                      type="checkbox"
                      id={`excuse-day-${date}`}
                      checked={dayChosen}
                      onChange={(e) => toggleDay(date, e.currentTarget.checked)}
                    />
                    <label for={`excuse-day-${date}`}>{t('excuse.wholeDay', { date: formatDate(date, lang) })}</label>
                  </div>
                )}
                <ul class="plain mark-items" aria-labelledby={`att-day-${date}`}>
                  {marks.map((m) => {
                    const text = `${t('lessons.number', { n: m.lesson_number })}: ${m.subject.name} — ${typeName(m.type, lang)}`;
                    return (
                      <li key={m.lesson_id} class="mark-item">
                        {open(m) ? (
                          <span class="field checkbox">
                            <input
                              type="checkbox"
                              id={`excuse-lesson-${m.lesson_id}`}
                              checked={dayChosen || values.lesson_ids.includes(m.lesson_id)}
                              disabled={dayChosen}
                              onChange={(e) => toggleLesson(m.lesson_id, e.currentTarget.checked)}
                            />
                            <label for={`excuse-lesson-${m.lesson_id}`}>
                              <MarkBadge mark={m} /> {text}
                            </label>
                          </span>
                        ) : (
                          <span>
                            <MarkBadge mark={m} /> {text}
                            {canExcuse && excusable(m) && covered.has(m.lesson_id) && (
                              <span class="muted"> {t('excuse.alreadyCovered')}</span>
                            )}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );

  if (!canExcuse)
    return (
      <Panel id="marks-heading" title={t('attendance.marks')}>
        {daysList}
      </Panel>
    );
  return (
    <Panel id="marks-heading" title={t('attendance.marksExcuse')}>
      <p class="muted">{t('excuse.intro')}</p>
      <form class="form" ref={form.formRef} onSubmit={save} noValidate>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <fieldset
          class={selectionError ? 'has-error' : undefined}
          aria-describedby={selectionError ? 'excuse-selection-error' : undefined}
        >
          <legend>{t('excuse.choose')}</legend>
          {daysList}
          {selectionError && (
            <p class="field-error" id="excuse-selection-error" role="alert">
              {selectionError}
            </p>
          )}
        </fieldset>
        <div class="excuse-send">
          <p aria-live="polite" data-testid="excuse-chosen">
            {t('excuse.chosen', { n: values.lesson_ids.length, d: values.dates.length })}
          </p>
          <div class="grid-form">
            <SelectField
              id="excuse_reason"
              label={t('excuse.reason')}
              value={values.reason}
              onValue={(v) => set('reason', v)}
              placeholder={t('excuse.reasonPick')}
              options={REASONS.map((r) => ({ value: r, label: t(`excuse.reason.${r}` as MessageKey) }))}
              required
              error={errors.reason}
            />
            <TextField
              id="excuse_note"
              label={t('excuse.note')}
              optional
              value={values.note}
              onValue={(v) => set('note', v)}
              maxLength={500}
              error={errors.note}
            />
          </div>
          <div class="actions">
            <Submit busy={form.busy} label={t('excuse.submit')} busyLabel={t('common.saving')} />
          </div>
        </div>
      </form>
    </Panel>
  );
}
