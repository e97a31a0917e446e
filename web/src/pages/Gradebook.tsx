// The grade book (dziennik ocen) of one teaching assignment and term, both kept in the address. The teacher picks one
// of their assignments, adds a column (category, date, description) and types its grades down the class like a
// spreadsheet, changes or removes a grade from its cell, and sets the predicted and final grades. A homeroom teacher
// reads their class's other subjects; the office picks a class and reads any subject's grade book.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, query, type Assignment, type Role, type SchoolClass, type SchoolYear } from '../api';
import { Notice, SelectField, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import { fullName, todayIso } from '../format';
import { summaryName } from '../grades/show';
import type { Gradebook, SummaryKind } from '../grades/types';
import { navigate, useLocation } from '../router';
import { useClasses } from './Classes';
import { GradebookDialog, type DialogState, type Done } from './GradebookDialogs';
import { ENTRY_SAVE_ID, entryInputId, useGradeEntry, type Saved } from './GradebookEntry';
import { GradebookGrid, summaryButtonId, useColumnName } from './GradebookGrid';
import { classLabel } from './TeacherLessons';

const PATH = '/gradebook';

/** The roles that read every grade book of the school, choosing a class first. */
const OFFICE: Role[] = ['admin', 'director', 'secretary', 'pedagogue'];

interface Choice {
  assignment: Assignment;
  /** Not the user's own: a homeroom teacher's view of their class's other subjects. */
  readOnly: boolean;
}

/** A teacher's assignments, then those of the classes they are the homeroom teacher of. */
function useTeacherChoices(schoolId: number, userId: number) {
  return useLoad(async () => {
    const [mine, classes] = await Promise.all([
      get<{ items: Assignment[] }>(`/schools/${schoolId}/assignments${query({ teacher_id: userId })}`),
      get<{ items: SchoolClass[] }>(`/schools/${schoolId}/classes`),
    ]);
    const homerooms = classes.items.filter((c) => c.homeroom_teacher?.id === userId);
    const theirs = await Promise.all(
      homerooms.map((c) =>
        get<{ items: Assignment[] }>(`/schools/${schoolId}/assignments${query({ class_id: c.id })}`),
      ),
    );
    const own = new Set(mine.items.map((a) => a.id));
    const others = theirs.flatMap((r) => r.items).filter((a) => !own.has(a.id));
    return [
      ...mine.items.map((assignment) => ({ assignment, readOnly: false })),
      ...others.map((assignment) => ({ assignment, readOnly: true })),
    ];
  }, [schoolId, userId]);
}

/** One class's assignments, for the office. */
function useClassChoices(schoolId: number, classId: number) {
  return useLoad(async () => {
    const data = await get<{ items: Assignment[] }>(`/schools/${schoolId}/assignments${query({ class_id: classId })}`);
    return data.items.map((assignment) => ({ assignment, readOnly: true }));
  }, [schoolId, classId]);
}

/** The school year's terms, to date a new column inside the term shown. */
function useYears(schoolId: number) {
  return useLoad(() => get<{ items: SchoolYear[] }>(`/schools/${schoolId}/terms`), [schoolId]);
}

/** Today, or the nearest day of the term when today is outside it. */
function dayInTerm(years: SchoolYear[] | undefined, term: 1 | 2): string {
  const today = todayIso();
  const year = years?.find((y) => y.starts_on <= today && today <= y.ends_on) ?? years?.[0];
  const range = year?.terms.find((x) => x.number === term);
  if (!range) return today;
  if (today < range.starts_on) return range.starts_on;
  if (today > range.ends_on) return range.ends_on;
  return today;
}

function NewColumnForm({
  book,
  entry,
  onCancel,
}: {
  book: Gradebook;
  entry: ReturnType<typeof useGradeEntry>;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const target = entry.target;
  if (target?.kind !== 'column') return null;
  const first = book.students[0];
  return (
    <section class="editor entry-form" aria-labelledby="entry-heading">
      <h3 id="entry-heading">{t('gradebook.newColumnTitle')}</h3>
      <form
        class="grid-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (first) document.getElementById(entryInputId(first.id))?.focus();
        }}
      >
        <SelectField
          id="entry_category"
          label={t('gradebook.category')}
          value={target.category_id}
          onValue={(v) => entry.retarget({ category_id: v })}
          placeholder={t('gradebook.chooseCategoryOption')}
          options={book.categories.map((c) => ({
            value: String(c.id),
            label: c.kind === 'scale' ? t('gradebook.categoryOption', { name: c.name, n: c.weight }) : c.name,
          }))}
          required
          error={entry.fieldErrors.category_id}
        />
        <TextField
          id="entry_date"
          type="date"
          label={t('gradebook.date')}
          value={target.date}
          onValue={(v) => entry.retarget({ date: v })}
          required
          error={entry.fieldErrors.date}
        />
        <TextField
          id="entry_description"
          label={t('gradebook.description')}
          optional
          value={target.description}
          onValue={(v) => entry.retarget({ description: v })}
          maxLength={200}
          error={entry.fieldErrors.description}
        />
        <p class="hint wide">{t('gradebook.keysHint')}</p>
        <div class="actions wide">
          <button type="submit" class="button">
            {t('gradebook.typeGrades')}
          </button>
          <button type="button" class="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EntryActions({ entry, label }: { entry: ReturnType<typeof useGradeEntry>; label: string }) {
  const { t } = useApp();
  return (
    <div class="sticky-save entry-actions">
      {entry.error && <Notice kind="error">{entry.error}</Notice>}
      <div class="actions">
        <button
          type="button"
          class="button primary"
          id={ENTRY_SAVE_ID}
          aria-disabled={entry.busy ? 'true' : undefined}
          onClick={() => void entry.save()}
        >
          {entry.busy ? t('common.saving') : label}
        </button>
        <button type="button" class="button" onClick={entry.cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function GradebookBody({
  book,
  years,
  reload,
  onTerm,
}: {
  book: Gradebook;
  years: SchoolYear[] | undefined;
  reload: () => void;
  onTerm: (term: string) => void;
}) {
  const { t } = useApp();
  const columnName = useColumnName();
  const [message, setMessage] = useState('');
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const focusAfterLoad = useRef<string | null>(null);
  const onSaved = (saved: Saved) => {
    const target = saved.target;
    if (target.kind === 'column' && saved.column) {
      const name = columnName(
        book.categories.find((c) => c.id === saved.column!.category_id),
        saved.column.date,
      );
      setMessage(
        saved.column.term === book.term
          ? t('gradebook.columnSaved', { n: saved.count, column: name })
          : t('gradebook.columnSavedOther', { n: saved.count, column: name, term: saved.column.term }),
      );
      focusAfterLoad.current = 'new-column';
    } else if (target.kind === 'summary') {
      setMessage(t('gradebook.summarySaved', { n: saved.count, kind: summaryName(target.summary, t) }));
      focusAfterLoad.current = summaryButtonId(target.summary);
    }
    reload();
  };
  const entry = useGradeEntry(book, onSaved);

  // Focus lands where the user was once the grade book has been read again (the element is re-rendered).
  useEffect(() => {
    const id = focusAfterLoad.current;
    if (!id) return;
    focusAfterLoad.current = null;
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  }, [book]);

  const done = (d: Done) => {
    setDialog(null);
    setMessage(d.message);
    focusAfterLoad.current = d.focus;
    reload();
  };
  // Escape or Cancel: focus goes back to the cell or header that opened the dialog.
  const opener = useRef<HTMLElement | null>(null);
  const openDialog = (state: DialogState) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setMessage('');
    setDialog(state);
  };
  const closeDialog = () => {
    setDialog(null);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const startColumn = () => {
    setMessage('');
    entry.start({ kind: 'column', category_id: '', date: dayInTerm(years, book.term), description: '' });
    requestAnimationFrame(() => document.getElementById('entry_category')?.focus());
  };
  const startSummary = (kind: SummaryKind) => {
    setMessage('');
    entry.start({ kind: 'summary', summary: kind });
    const first = book.students[0];
    if (first) requestAnimationFrame(() => document.getElementById(entryInputId(first.id))?.focus());
  };

  const a = book.assignment;
  const caption = t('gradebook.caption', { subject: a.subject.name, class: classLabel(a), n: book.term });
  return (
    <Panel id="gradebook-heading" title={t('gradebook.title', { subject: a.subject.name, class: classLabel(a) })}>
      <div class="filter-bar day-picker">
        <SelectField
          id="gradebook_term"
          label={t('gradebook.term')}
          value={String(book.term)}
          onValue={onTerm}
          options={[1, 2].map((n) => ({ value: String(n), label: t('grade.term', { n }) }))}
          disabled={!!entry.target}
        />
        {book.can_edit && !entry.target && (
          <div class="actions">
            <button type="button" class="button primary" id="new-column" onClick={startColumn}>
              {t('gradebook.addColumn')}
            </button>
          </div>
        )}
      </div>
      <p class="muted">{t('gradebook.teacher', { name: fullName(a.teacher), year: book.year.name })}</p>
      {!book.can_edit && <Notice kind="info">{t('gradebook.readOnly')}</Notice>}
      <p role="status" class="inbox-message" data-testid="gradebook-message">
        {message}
      </p>
      <NewColumnForm book={book} entry={entry} onCancel={entry.cancel} />
      {entry.target?.kind === 'summary' && (
        <p class="hint">{t('gradebook.summaryHint', { kind: summaryName(entry.target.summary, t) })}</p>
      )}
      {book.students.length === 0 ? (
        <p>{t('gradebook.noStudents')}</p>
      ) : (
        <GradebookGrid
          book={book}
          caption={caption}
          entry={entry}
          actions={{
            editGrade: (grade, student, column) => openDialog({ kind: 'grade', grade, student, column }),
            addGrade: (student, column) => openDialog({ kind: 'add', student, column }),
            editColumn: (column) => openDialog({ kind: 'column', column }),
            editSummary: startSummary,
          }}
        />
      )}
      {entry.target && (
        <EntryActions
          entry={entry}
          label={
            entry.target.kind === 'column'
              ? t('gradebook.saveColumnGrades')
              : t('gradebook.saveSummary', { kind: summaryName(entry.target.summary, t) })
          }
        />
      )}
      {book.columns.length === 0 && <p class="muted">{t('gradebook.noColumns')}</p>}
      {dialog && <GradebookDialog book={book} state={dialog} onDone={done} onClose={closeDialog} />}
    </Panel>
  );
}

function GradebookView({
  assignmentId,
  term,
  years,
}: {
  assignmentId: number;
  term: string;
  years: SchoolYear[] | undefined;
}) {
  const { search } = useLocation();
  const book = useLoad(
    () => get<Gradebook>(`/assignments/${assignmentId}/gradebook${query({ term })}`),
    [assignmentId, term],
  );
  const onTerm = (next: string) => {
    const params = new URLSearchParams(search);
    params.set('term', next);
    navigate(`${PATH}?${params.toString()}`, true);
  };
  return (
    <LoadState state={book}>
      {(data) => <GradebookBody book={data} years={years} reload={book.reload} onTerm={onTerm} />}
    </LoadState>
  );
}

function Chooser({ choices, office }: { choices: Choice[]; office: boolean }) {
  const { t, me } = useApp();
  const { search } = useLocation();
  const years = useYears(me?.school?.id ?? 0);
  if (choices.length === 0) return <p>{t(office ? 'gradebook.noClassAssignments' : 'gradebook.noAssignments')}</p>;
  const chosen = choices.find((c) => String(c.assignment.id) === search.get('assignment')) ?? choices[0];
  const term = search.get('term') === '1' || search.get('term') === '2' ? (search.get('term') as string) : '';
  const label = (c: Choice) => {
    const what = `${c.assignment.subject.name} — ${classLabel(c.assignment)}`;
    if (office) return `${what} (${fullName(c.assignment.teacher)})`;
    return c.readOnly ? t('gradebook.readOnlyOption', { what }) : what;
  };
  return (
    <>
      <div class="filter-bar">
        <SelectField
          id="gradebook_assignment"
          label={t('gradebook.assignment')}
          value={String(chosen.assignment.id)}
          onValue={(v) => {
            const params = new URLSearchParams(search);
            params.set('assignment', v);
            navigate(`${PATH}?${params.toString()}`, true);
          }}
          options={choices.map((c) => ({ value: String(c.assignment.id), label: label(c) }))}
        />
      </div>
      <GradebookView
        key={chosen.assignment.id}
        assignmentId={chosen.assignment.id}
        term={term}
        years={years.data?.items}
      />
    </>
  );
}

function TeacherGradebook({ schoolId, userId }: { schoolId: number; userId: number }) {
  const choices = useTeacherChoices(schoolId, userId);
  return <LoadState state={choices}>{(list) => <Chooser choices={list} office={false} />}</LoadState>;
}

function ClassGradebooks({ schoolId, classId }: { schoolId: number; classId: number }) {
  const choices = useClassChoices(schoolId, classId);
  return <LoadState state={choices}>{(found) => <Chooser choices={found} office />}</LoadState>;
}

function OfficeGradebook({ schoolId }: { schoolId: number }) {
  const { t } = useApp();
  const { search } = useLocation();
  const classes = useClasses(schoolId);
  return (
    <LoadState state={classes}>
      {(list) => {
        if (list.length === 0) return <p>{t('students.needClass')}</p>;
        const cls = list.find((c) => String(c.id) === search.get('class_id')) ?? list[0];
        return (
          <>
            <div class="filter-bar">
              <SelectField
                id="gradebook_class"
                label={t('assignments.filterClass')}
                value={String(cls.id)}
                onValue={(v) => navigate(`${PATH}${query({ class_id: v, term: search.get('term') })}`, true)}
                options={list.map((c) => ({ value: String(c.id), label: c.name }))}
              />
            </div>
            <ClassGradebooks key={cls.id} schoolId={schoolId} classId={cls.id} />
          </>
        );
      }}
    </LoadState>
  );
}

export function GradebookPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const role = me?.user.role;
  return (
    <>
      <PageHeading title={t('nav.gradebook')} />
      {role && OFFICE.includes(role) ? (
        <OfficeGradebook schoolId={schoolId} />
      ) : (
        <TeacherGradebook schoolId={schoolId} userId={me?.user.id ?? 0} />
      )}
    </>
  );
}
