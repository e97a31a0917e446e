// Adding an event to a class's terminarz: its kind, day, lesson, subject, group and description. The school's caps on
// tests are said beside the kind; a test over a cap is refused at its day (409 `test_limit`) or saved with a warning,
// as the school has it. Only the homeroom teacher and the office call a parent meeting.
import { useEffect } from 'preact/hooks';
import { get, post, query, type Assignment, type Group, type School, type SchoolClass } from '../api';
import { EVENT_KINDS } from '../communication/terminarz';
import type { CreatedEvent, EventKind } from '../communication/types';
import { Notice, SelectField, Submit, TextAreaField, TextField } from '../components/fields';
import { useForm } from '../components/form';
import { LoadState, useLoad } from '../components/page';
import { useApp } from '../context';
import { byPolish } from '../format';
import type { MessageKey } from '../i18n';

/** Lesson numbers as the bell schedule counts them (0 is the lesson before the first). */
const LESSON_NUMBERS = Array.from({ length: 11 }, (_, n) => n);

interface Choices {
  subjects: { id: number; name: string }[];
  /** The subject the user teaches in the class, when it is one. */
  ownSubject: number | null;
  groups: Group[];
  school: School;
}

/** The class's subjects (from its teaching assignments), its groups and the school's caps on tests. */
function useChoices(schoolId: number, classId: number, userId: number) {
  return useLoad(async (): Promise<Choices> => {
    const [assignments, groups, school] = await Promise.all([
      get<{ items: Assignment[] }>(`/schools/${schoolId}/assignments${query({ class_id: classId })}`),
      get<{ items: Group[] }>(`/schools/${schoolId}/groups${query({ class_id: classId })}`),
      get<School>(`/schools/${schoolId}`),
    ]);
    const subjects = new Map(assignments.items.map((a) => [a.subject.id, a.subject.name]));
    const own = new Set(assignments.items.filter((a) => a.teacher.id === userId).map((a) => a.subject.id));
    return {
      subjects: [...subjects].map(([id, name]) => ({ id, name })).sort((a, b) => byPolish(a.name, b.name)),
      ownSubject: own.size === 1 ? [...own][0] : null,
      groups: groups.items,
      school,
    };
  }, [schoolId, classId, userId]);
}

/** "Limit: 1 a day, 3 a week; over it …", for tests and class tests. */
function capsHint(school: School, t: ReturnType<typeof useApp>['t']): string | undefined {
  const day = school.tests_per_day ?? 0;
  const week = school.tests_per_week ?? 0;
  if (!day && !week) return undefined;
  const cap = (n: number) => (n > 0 ? String(n) : t('events.noCap'));
  return `${t('events.caps', { day: cap(day), week: cap(week) })} ${
    school.refuse_over_cap ? t('events.capsRefused') : t('events.capsWarned')
  }`;
}

function Form({
  klass,
  choices,
  date,
  canCallMeeting,
  onSaved,
  onCancel,
}: {
  klass: SchoolClass;
  choices: Choices;
  date: string;
  canCallMeeting: boolean;
  onSaved: (event: CreatedEvent) => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const form = useForm({
    kind: 'test' as EventKind,
    date,
    lesson_number: '',
    subject_id: choices.ownSubject ? String(choices.ownSubject) : '',
    group_id: '',
    description: '',
  });
  const { values, set, errors } = form;
  useEffect(() => document.getElementById('event_kind')?.focus(), []);
  const kinds = EVENT_KINDS.filter((k) => k !== 'parent_meeting' || canCallMeeting);
  const test = values.kind === 'test' || values.kind === 'class_test';

  const save = form.submit(
    async () => {
      const created = await post<CreatedEvent>('/events', {
        class_id: klass.id,
        group_id: values.group_id ? Number(values.group_id) : null,
        kind: values.kind,
        date: values.date,
        lesson_number: values.lesson_number === '' ? null : Number(values.lesson_number),
        subject_id: values.subject_id ? Number(values.subject_id) : null,
        description: values.description,
      });
      onSaved(created);
    },
    { test_limit: 'date' },
  );

  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <SelectField
        id="event_kind"
        label={t('events.kind')}
        value={values.kind}
        onValue={(v) => set('kind', v as EventKind)}
        options={kinds.map((k) => ({ value: k, label: t(`planner.kind.${k}` as MessageKey) }))}
        hint={
          [test ? capsHint(choices.school, t) : '', canCallMeeting ? '' : t('events.meetingByHomeroom')]
            .filter(Boolean)
            .join(' ') || undefined
        }
        required
        error={errors.kind}
      />
      <TextField
        id="event_date"
        type="date"
        label={t('events.date')}
        value={values.date}
        onValue={(v) => set('date', v)}
        required
        error={errors.date}
      />
      <SelectField
        id="event_lesson"
        label={t('events.lesson')}
        optional
        value={values.lesson_number}
        onValue={(v) => set('lesson_number', v)}
        placeholder={t('events.noLesson')}
        options={LESSON_NUMBERS.map((n) => ({ value: String(n), label: t('lessons.number', { n }) }))}
        error={errors.lesson_number}
      />
      <SelectField
        id="event_subject"
        label={t('events.subject')}
        optional
        value={values.subject_id}
        onValue={(v) => set('subject_id', v)}
        placeholder={t('events.noSubject')}
        options={choices.subjects.map((s) => ({ value: String(s.id), label: s.name }))}
        error={errors.subject_id}
      />
      {choices.groups.length > 0 && (
        <SelectField
          id="event_group"
          label={t('events.group')}
          value={values.group_id}
          onValue={(v) => set('group_id', v)}
          placeholder={t('events.wholeClass', { name: klass.name })}
          options={choices.groups.map((g) => ({ value: String(g.id), label: g.name }))}
          error={errors.group_id}
        />
      )}
      <div class="wide">
        <TextAreaField
          id="event_description"
          label={t('events.description')}
          hint={t('events.descriptionHint')}
          value={values.description}
          onValue={(v) => set('description', v)}
          maxLength={1000}
          rows={3}
          required
          error={errors.description}
        />
      </div>
      <div class="form-end actions">
        <Submit busy={form.busy} label={t('events.save')} busyLabel={t('common.saving')} />
        <button type="button" class="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The form in its section, once the class's subjects and groups are read. */
export function EventForm(props: {
  klass: SchoolClass;
  date: string;
  canCallMeeting: boolean;
  onSaved: (event: CreatedEvent) => void;
  onCancel: () => void;
}) {
  const { t, me } = useApp();
  const choices = useChoices(me!.school!.id, props.klass.id, me!.user.id);
  return (
    <section class="editor" aria-labelledby="event-form-heading">
      <h3 id="event-form-heading">{t('events.add', { name: props.klass.name })}</h3>
      <LoadState state={choices}>{(c) => <Form {...props} choices={c} />}</LoadState>
    </section>
  );
}
