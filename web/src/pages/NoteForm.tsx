// Writing a note (uwaga) about a pupil: whom it is about, whether it is positive, negative or neutral (each told by a
// sign and a word), its category in the school's own words, and its text. Used on the notes page and in a lesson.
import { post, type Student } from '../api';
import { NOTE_KINDS, NOTE_SIGNS } from '../communication/terminarz';
import type { NoteKind, StudentNote } from '../communication/types';
import { Notice, RadioGroupField, SelectField, Submit, TextAreaField, TextField } from '../components/fields';
import { useForm } from '../components/form';
import { useApp } from '../context';
import type { MessageKey } from '../i18n';
import { studentLabel } from './organisation';

export type NotePupil = Pick<Student, 'id' | 'register_number' | 'first_name' | 'last_name'>;

export function NoteForm({
  students,
  student,
  onSaved,
  onCancel,
}: {
  /** The pupils to choose from, in register order. */
  students: NotePupil[];
  /** The pupil chosen at first (e.g. from the address). */
  student?: number;
  onSaved: (note: StudentNote, pupil: NotePupil) => void;
  onCancel?: () => void;
}) {
  const { t } = useApp();
  const initial = {
    student_id: student && students.some((s) => s.id === student) ? String(student) : '',
    kind: '' as NoteKind | '',
    category: '',
    text: '',
  };
  const form = useForm(initial);
  const { values, set, errors } = form;

  const save = form.submit(async () => {
    const note = await post<StudentNote>('/notes', {
      student_id: values.student_id ? Number(values.student_id) : undefined,
      kind: values.kind || undefined,
      category: values.category,
      text: values.text,
    });
    const pupil = students.find((s) => s.id === note.student_id)!;
    form.reset({ ...initial, student_id: '' });
    onSaved(note, pupil);
  });

  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <SelectField
        id="note_student"
        label={t('notes.student')}
        value={values.student_id}
        onValue={(v) => set('student_id', v)}
        placeholder={t('notes.chooseStudent')}
        options={students.map((s) => ({ value: String(s.id), label: studentLabel(s) }))}
        required
        error={errors.student_id}
      />
      <RadioGroupField
        id="note_kind"
        class="radio-group note-kinds"
        legend={t('notes.kind')}
        value={values.kind}
        onValue={(v) => set('kind', v)}
        options={NOTE_KINDS.map((k) => ({
          value: k,
          label: (
            <span class={`note-choice note-${k}`}>
              <span class="note-sign" aria-hidden="true">
                {NOTE_SIGNS[k]}
              </span>{' '}
              {t(`planner.note.${k}` as MessageKey)}
            </span>
          ),
        }))}
        error={errors.kind}
      />
      <TextField
        id="note_category"
        label={t('notes.category')}
        hint={t('notes.categoryHint')}
        value={values.category}
        onValue={(v) => set('category', v)}
        maxLength={100}
        required
        error={errors.category}
      />
      <div class="wide">
        <TextAreaField
          id="note_text"
          label={t('notes.text')}
          value={values.text}
          onValue={(v) => set('text', v)}
          maxLength={2000}
          rows={4}
          required
          error={errors.text}
        />
      </div>
      <div class="form-end actions">
        <Submit busy={form.busy} label={t('notes.save')} busyLabel={t('common.saving')} />
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
