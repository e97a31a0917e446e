// Typing a whole column into the grade book like a spreadsheet: a new column's grades, or one kind of term grade,
// one input per student; Enter goes down, Shift+Enter and the arrows go back up, and one request saves it all.
// The server checks every value: a 422 names each wrong entry by its place (`columns[0].grades[3]`), which goes
// back to the student's row, and nothing typed is lost.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, post, put } from '../api';
import { useErrorText } from '../components/form';
import { useApp } from '../context';
import { isIsoDate } from '../format';
import type { Gradebook, GradebookGrade, GradeColumn, SummaryKind } from '../grades/types';

/** A new column being typed in, or the term grades of one kind being changed. */
export type EntryTarget =
  | { kind: 'column'; category_id: string; date: string; description: string }
  | { kind: 'summary'; summary: SummaryKind };

export interface Saved {
  target: EntryTarget;
  /** How many grades were saved. */
  count: number;
  /** The new column, for a column. */
  column?: GradeColumn;
}

export interface GradeEntry {
  target: EntryTarget | null;
  values: Record<number, string>;
  /** The server's (or our) complaint about a student's entry, by student id. */
  errors: Record<number, string>;
  /** Complaints about the column's own fields: category_id, date, description. */
  fieldErrors: Record<string, string>;
  error: string | null;
  busy: boolean;
  start: (target: EntryTarget) => void;
  retarget: (patch: Partial<Extract<EntryTarget, { kind: 'column' }>>) => void;
  set: (studentId: number, value: string) => void;
  cancel: () => void;
  save: () => Promise<void>;
  onKeyDown: (studentId: number) => (e: KeyboardEvent) => void;
}

/** The input of a student's entry, so keys and errors can move focus to it. */
export const entryInputId = (studentId: number) => `entry-${studentId}`;
export const ENTRY_SAVE_ID = 'entry-save';

const GRADE_FIELD = /^(?:columns\[0\]\.)?grades\[(\d+)\]$/;

function focusEntry(studentId: number | undefined) {
  const input = studentId === undefined ? null : (document.getElementById(entryInputId(studentId)) as HTMLInputElement);
  input?.focus();
  input?.select();
}

/** Entry state for one grade book; `onSaved` runs after a successful save (the entry is then closed). */
export function useGradeEntry(book: Gradebook, onSaved: (saved: Saved) => void): GradeEntry {
  const { t } = useApp();
  const errorText = useErrorText();
  const [target, setTarget] = useState<EntryTarget | null>(null);
  const [values, setValues] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const order = book.students.map((s) => s.id);

  // After a refused save, focus the first wrong entry in register order.
  useEffect(() => {
    if (attempt === 0) return;
    const first = order.find((id) => errors[id]);
    if (first !== undefined) focusEntry(first);
  }, [attempt]);

  const clear = () => {
    setErrors({});
    setFieldErrors({});
    setError(null);
  };

  const start = (next: EntryTarget) => {
    clear();
    setTarget(next);
    if (next.kind === 'summary') {
      const current = book.students.map((s) => [s.id, String(s.summary[next.summary]?.value ?? '')]);
      setValues(Object.fromEntries(current));
    } else {
      setValues({});
    }
  };

  /** Puts the server's 422 fields on the rows (by their place in `sent`) and on the column's fields. */
  const showRefusal = (e: ApiError, sent: number[]) => {
    const rows: Record<number, string> = {};
    const fields: Record<string, string> = {};
    const rest: string[] = [];
    for (const [key, message] of Object.entries(e.fields)) {
      const place = GRADE_FIELD.exec(key);
      const field = key.replace(/^columns\[0\]\./, '');
      if (place && sent[Number(place[1])] !== undefined) rows[sent[Number(place[1])]] = message;
      else if (['category_id', 'date', 'description'].includes(field)) fields[field] = message;
      else rest.push(message);
    }
    setErrors(rows);
    setFieldErrors(fields);
    const count = Object.keys(rows).length;
    setError([count ? t('gradebook.refused', { n: count }) : e.message, ...rest].join(' '));
    setAttempt((n) => n + 1);
  };

  const saveColumn = async (column: Extract<EntryTarget, { kind: 'column' }>) => {
    const sent = order.filter((id) => values[id]?.trim());
    const local: Record<string, string> = {};
    if (!column.category_id) local.category_id = t('gradebook.chooseCategory');
    if (!isIsoDate(column.date)) local.date = t('gradebook.chooseDate');
    if (Object.keys(local).length || sent.length === 0) {
      setFieldErrors(local);
      setError(Object.keys(local).length ? t('common.fieldErrors') : t('gradebook.typeSome'));
      const field = local.category_id ? 'entry_category' : local.date ? 'entry_date' : null;
      if (field) document.getElementById(field)?.focus();
      else focusEntry(order[0]);
      return;
    }
    const description = column.description.trim();
    try {
      const saved = await post<{ columns: GradeColumn[]; grades: GradebookGrade[] }>('/grades', {
        assignment_id: book.assignment.id,
        columns: [
          {
            category_id: Number(column.category_id),
            date: column.date,
            ...(description ? { description } : {}),
            grades: sent.map((id) => ({ student_id: id, value: values[id].trim() })),
          },
        ],
      });
      setTarget(null);
      onSaved({ target: column, count: saved.grades.length, column: saved.columns[0] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) showRefusal(e, sent);
      else setError(errorText(e));
    }
  };

  const saveSummary = async (summary: SummaryKind) => {
    const before = (id: number) => String(book.students.find((s) => s.id === id)?.summary[summary]?.value ?? '');
    const sent = order.filter((id) => (values[id] ?? '').trim() !== before(id));
    if (sent.length === 0) {
      setTarget(null);
      onSaved({ target: { kind: 'summary', summary }, count: 0 });
      return;
    }
    try {
      await put(`/assignments/${book.assignment.id}/summary-grades`, {
        kind: summary,
        grades: sent.map((id) => ({ student_id: id, value: values[id].trim() || null })),
      });
      setTarget(null);
      onSaved({ target: { kind: 'summary', summary }, count: sent.length });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) showRefusal(e, sent);
      else setError(errorText(e));
    }
  };

  const save = async () => {
    if (!target || busy) return;
    setBusy(true);
    clear();
    try {
      await (target.kind === 'column' ? saveColumn(target) : saveSummary(target.summary));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (studentId: number) => (e: KeyboardEvent) => {
    const i = order.indexOf(studentId);
    const down = (e.key === 'Enter' && !e.shiftKey) || e.key === 'ArrowDown';
    const up = (e.key === 'Enter' && e.shiftKey) || e.key === 'ArrowUp';
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (down) {
      e.preventDefault();
      if (i + 1 < order.length) focusEntry(order[i + 1]);
      else if (e.key === 'Enter') document.getElementById(ENTRY_SAVE_ID)?.focus();
    } else if (up) {
      e.preventDefault();
      if (i > 0) focusEntry(order[i - 1]);
    }
  };

  return {
    target,
    values,
    errors,
    fieldErrors,
    error,
    busy,
    start,
    retarget: (patch) => setTarget((current) => (current?.kind === 'column' ? { ...current, ...patch } : current)),
    set: (id, value) => {
      setValues((v) => ({ ...v, [id]: value }));
      // A corrected entry loses its complaint at once; the others stay until the next save.
      if (errors[id]) setErrors(({ [id]: _gone, ...others }) => others);
    },
    cancel: () => {
      setTarget(null);
      clear();
    },
    save,
    onKeyDown,
  };
}
