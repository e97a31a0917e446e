// The grade book's dialogs: a grade's value and comment changed, the grade removed (after a confirmation) or improved
// (poprawa); a grade added to an empty cell; a column's category, date and description changed, or the empty column
// removed. Each reports what it did and where focus should land once the grade book has been read again.
import { useState } from 'preact/hooks';
import { ApiError, del, patch, post } from '../api';
import { Dialog } from '../components/Dialog';
import { useErrorText, useForm } from '../components/form';
import { Notice, SelectField, Submit, TextField } from '../components/fields';
import { useApp } from '../context';
import { formatDate, fullName } from '../format';
import { categoriesById } from '../grades/show';
import type { Gradebook, GradebookGrade, GradebookStudent, GradeColumn } from '../grades/types';
import { cellButtonId, columnButtonId, gradeButtonId, useColumnName } from './GradebookGrid';

export type DialogState =
  | { kind: 'grade'; grade: GradebookGrade; student: GradebookStudent; column: GradeColumn }
  | { kind: 'add'; student: GradebookStudent; column: GradeColumn }
  | { kind: 'column'; column: GradeColumn };

/** What a dialog did: the message to announce and the element to focus after the grade book reloads. */
export interface Done {
  message: string;
  focus: string;
}

interface Props {
  book: Gradebook;
  onDone: (done: Done) => void;
  onClose: () => void;
}

/** Adds grades to an existing column; the one entry's complaint (`columns[0].grades[0]`) lands on `value`. */
async function addToColumn(book: Gradebook, column: GradeColumn, grade: Record<string, unknown>): Promise<void> {
  try {
    await post('/grades', { assignment_id: book.assignment.id, columns: [{ column_id: column.id, grades: [grade] }] });
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 422) throw e;
    const message = Object.values(e.fields)[0];
    throw new ApiError(e.status, e.code, e.message, message ? { value: message } : {});
  }
}

function GradeEditor({
  book,
  grade,
  student,
  column,
  onDone,
  onClose,
}: Props & Extract<DialogState, { kind: 'grade' }>) {
  const { t, lang } = useApp();
  const errorText = useErrorText();
  const columnName = useColumnName();
  const form = useForm({ value: grade.value, comment: grade.comment });
  const improvement = useForm({ value: '' });
  const [removeError, setRemoveError] = useState<string | null>(null);
  const categories = categoriesById(book.categories);
  const name = { student: fullName(student), column: columnName(categories.get(column.category_id), column.date) };
  const improved = book.grades.some((g) => g.improves_id === grade.id);
  const improves = grade.improves_id === null ? undefined : book.grades.find((g) => g.id === grade.improves_id);

  const save = form.submit(async () => {
    const body: Record<string, string> = {};
    if (form.values.value.trim() !== grade.value) body.value = form.values.value.trim();
    if (form.values.comment.trim() !== grade.comment) body.comment = form.values.comment.trim();
    if (Object.keys(body).length === 0) return onClose();
    await patch(`/grades/${grade.id}`, body);
    onDone({ message: t('gradebook.gradeChanged', name), focus: gradeButtonId(grade) });
  });

  const improve = improvement.submit(async () => {
    await addToColumn(book, column, {
      student_id: student.id,
      value: improvement.values.value.trim(),
      improves_id: grade.id,
    });
    onDone({ message: t('gradebook.improvementAdded', name), focus: gradeButtonId(grade) });
  });

  const remove = async () => {
    if (!window.confirm(t('gradebook.removeConfirm', { value: grade.value, ...name }))) return;
    setRemoveError(null);
    try {
      await del(`/grades/${grade.id}`);
      onDone({
        message: t('gradebook.gradeRemoved', { value: grade.value, ...name }),
        focus: improves ? gradeButtonId(improves) : cellButtonId(student.id, column.id),
      });
    } catch (e) {
      setRemoveError(errorText(e));
    }
  };

  return (
    <Dialog id="grade-dialog" title={t('gradebook.gradeTitle', name)} onClose={onClose}>
      <p class="muted">
        {t('gradebook.enteredOn', { date: formatDate(grade.date, lang) })}
        {improves && ` ${t('gradebook.improves', { value: improves.value })}`}
      </p>
      <form class="form" ref={form.formRef} onSubmit={save} noValidate>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <TextField
          id="grade_value"
          label={t('gradebook.value')}
          value={form.values.value}
          onValue={(v) => form.set('value', v)}
          maxLength={2000}
          autocomplete="off"
          error={form.errors.value}
        />
        <TextField
          id="grade_comment"
          label={t('gradebook.comment')}
          optional
          value={form.values.comment}
          onValue={(v) => form.set('comment', v)}
          maxLength={500}
          error={form.errors.comment}
        />
        <div class="actions">
          <Submit busy={form.busy} label={t('gradebook.saveGrade')} busyLabel={t('common.saving')} />
          <button type="button" class="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      {!improved && (
        <form class="form dialog-section" ref={improvement.formRef} onSubmit={improve} noValidate>
          <h3>{t('gradebook.improve')}</h3>
          {improvement.error && <Notice kind="error">{improvement.error}</Notice>}
          <TextField
            id="grade_improvement"
            label={t('gradebook.improvementValue')}
            hint={t('gradebook.improvementHint')}
            value={improvement.values.value}
            onValue={(v) => improvement.set('value', v)}
            maxLength={2000}
            autocomplete="off"
            error={improvement.errors.value}
          />
          <div class="actions">
            <Submit busy={improvement.busy} label={t('gradebook.addImprovement')} busyLabel={t('common.saving')} />
          </div>
        </form>
      )}
      <div class="dialog-section">
        {removeError && <Notice kind="error">{removeError}</Notice>}
        <button type="button" class="button danger" onClick={() => void remove()}>
          {t('gradebook.removeGrade')}
        </button>
      </div>
    </Dialog>
  );
}

function GradeAdder({ book, student, column, onDone, onClose }: Props & Extract<DialogState, { kind: 'add' }>) {
  const { t } = useApp();
  const columnName = useColumnName();
  const form = useForm({ value: '', comment: '' });
  const name = {
    student: fullName(student),
    column: columnName(categoriesById(book.categories).get(column.category_id), column.date),
  };
  const save = form.submit(async () => {
    const comment = form.values.comment.trim();
    await addToColumn(book, column, {
      student_id: student.id,
      value: form.values.value.trim(),
      ...(comment ? { comment } : {}),
    });
    onDone({ message: t('gradebook.gradeAdded', name), focus: cellButtonId(student.id, column.id) });
  });
  return (
    <Dialog id="grade-dialog" title={t('gradebook.addTitle', name)} onClose={onClose}>
      <form class="form" ref={form.formRef} onSubmit={save} noValidate>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <TextField
          id="grade_value"
          label={t('gradebook.value')}
          value={form.values.value}
          onValue={(v) => form.set('value', v)}
          maxLength={2000}
          autocomplete="off"
          error={form.errors.value}
        />
        <TextField
          id="grade_comment"
          label={t('gradebook.comment')}
          optional
          value={form.values.comment}
          onValue={(v) => form.set('comment', v)}
          maxLength={500}
          error={form.errors.comment}
        />
        <div class="actions">
          <Submit busy={form.busy} label={t('gradebook.saveGrade')} busyLabel={t('common.saving')} />
          <button type="button" class="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ColumnEditor({ book, column, onDone, onClose }: Props & Extract<DialogState, { kind: 'column' }>) {
  const { t } = useApp();
  const errorText = useErrorText();
  const columnName = useColumnName();
  const categories = categoriesById(book.categories);
  const name = columnName(categories.get(column.category_id), column.date);
  const form = useForm({ category_id: String(column.category_id), date: column.date, description: column.description });
  const [removeError, setRemoveError] = useState<string | null>(null);

  const save = form.submit(async () => {
    const body: Record<string, unknown> = {};
    if (form.values.category_id !== String(column.category_id)) body.category_id = Number(form.values.category_id);
    if (form.values.date !== column.date) body.date = form.values.date;
    if (form.values.description.trim() !== column.description) body.description = form.values.description.trim();
    if (Object.keys(body).length === 0) return onClose();
    const changed = await patch<GradeColumn>(`/grade-columns/${column.id}`, body);
    const message =
      changed.term === book.term
        ? t('gradebook.columnChanged', { column: name })
        : t('gradebook.columnMoved', { column: name, n: changed.term });
    onDone({ message, focus: changed.term === book.term ? columnButtonId(column) : 'new-column' });
  });

  const remove = async () => {
    if (!window.confirm(t('gradebook.removeColumnConfirm', { column: name }))) return;
    setRemoveError(null);
    try {
      await del(`/grade-columns/${column.id}`);
      onDone({ message: t('gradebook.columnRemoved', { column: name }), focus: 'new-column' });
    } catch (e) {
      setRemoveError(errorText(e));
    }
  };

  return (
    <Dialog id="column-dialog" title={t('gradebook.columnTitle', { column: name })} onClose={onClose}>
      <form class="form" ref={form.formRef} onSubmit={save} noValidate>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <SelectField
          id="column_category"
          label={t('gradebook.category')}
          value={form.values.category_id}
          onValue={(v) => form.set('category_id', v)}
          options={book.categories.map((c) => ({ value: String(c.id), label: c.name }))}
          error={form.errors.category_id}
        />
        <TextField
          id="column_date"
          type="date"
          label={t('gradebook.date')}
          value={form.values.date}
          onValue={(v) => form.set('date', v)}
          error={form.errors.date}
        />
        <TextField
          id="column_description"
          label={t('gradebook.description')}
          optional
          value={form.values.description}
          onValue={(v) => form.set('description', v)}
          maxLength={200}
          error={form.errors.description}
        />
        <div class="actions">
          <Submit busy={form.busy} label={t('gradebook.saveColumn')} busyLabel={t('common.saving')} />
          <button type="button" class="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <div class="dialog-section">
        {removeError && <Notice kind="error">{removeError}</Notice>}
        <button type="button" class="button danger" onClick={() => void remove()}>
          {t('gradebook.removeColumn')}
        </button>
        <p class="hint">{t('gradebook.removeColumnHint')}</p>
      </div>
    </Dialog>
  );
}

/** The dialog the grade book has open. */
export function GradebookDialog({ state, ...props }: Props & { state: DialogState }) {
  switch (state.kind) {
    case 'grade':
      return <GradeEditor {...props} {...state} />;
    case 'add':
      return <GradeAdder {...props} {...state} />;
    case 'column':
      return <ColumnEditor {...props} {...state} />;
  }
}
