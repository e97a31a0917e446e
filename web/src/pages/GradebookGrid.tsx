// The grade book as a table: a row per student in register order, a column per test, quiz, answer… of the term
// (improvements after the grade they improve: "2 → 4"), then the average and the term grades. While a column is
// typed in, its inputs stand after the term's columns and the average shows what it will become. Arrow keys move
// between the cells' buttons; while a column is typed in, Tab walks its inputs, then moves on to Save.
import type { ComponentChildren } from 'preact';
import { TableRegion } from '../components/page';
import { useApp } from '../context';
import { fullName } from '../format';
import type { MessageKey } from '../i18n';
import { gradeFact, parseMark, weightedAverage, withHypothetical } from '../grades/average';
import { categoriesById, formatAverage, shortDate, summaryName, termSummaries, wholeGradeName } from '../grades/show';
import type {
  Gradebook,
  GradebookGrade,
  GradebookStudent,
  GradeCategory,
  GradeColumn,
  SummaryKind,
} from '../grades/types';
import { entryInputId, type GradeEntry } from './GradebookEntry';

export interface GridActions {
  editGrade: (grade: GradebookGrade, student: GradebookStudent, column: GradeColumn) => void;
  addGrade: (student: GradebookStudent, column: GradeColumn) => void;
  editColumn: (column: GradeColumn) => void;
  editSummary: (kind: SummaryKind) => void;
}

export const gradeButtonId = (grade: { id: number }) => `grade-${grade.id}`;
export const cellButtonId = (studentId: number, columnId: number) => `cell-${studentId}-${columnId}`;
export const columnButtonId = (column: { id: number }) => `column-${column.id}`;
export const summaryButtonId = (kind: SummaryKind) => `summary-${kind}`;

/** "Sprawdzian 12.11": how inputs, buttons and messages name a column. */
export function useColumnName() {
  const { lang } = useApp();
  return (category: GradeCategory | undefined, date: string) => `${category?.name ?? '—'} ${shortDate(date, lang)}`;
}

/** A grade book cell's grades: each original followed by the improvements that lead to it, by date. */
function inChains(grades: GradebookGrade[]): GradebookGrade[][] {
  const byId = new Map(grades.map((g) => [g.id, g]));
  const rootOf = (g: GradebookGrade): number => {
    const parent = g.improves_id === null ? undefined : byId.get(g.improves_id);
    return parent ? rootOf(parent) : g.id;
  };
  const chains = new Map<number, GradebookGrade[]>();
  for (const g of grades) chains.set(rootOf(g), [...(chains.get(rootOf(g)) ?? []), g]);
  return [...chains.values()].map((chain) => chain.sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id));
}

/** Moves focus between the grid's cells with the arrow keys (the entry inputs handle their own keys). */
function onGridKeyDown(e: KeyboardEvent) {
  const keys: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const move = keys[e.key];
  const from = e.target as HTMLElement;
  if (!move || from.tagName !== 'BUTTON') return;
  const cell = from.closest<HTMLElement>('[data-row]');
  if (!cell) return;
  const row = Number(cell.dataset.row) + move[0];
  const col = Number(cell.dataset.col) + move[1];
  const next = cell
    .closest('table')
    ?.querySelector<HTMLElement>(
      `[data-row="${row}"][data-col="${col}"] button, [data-row="${row}"][data-col="${col}"] input`,
    );
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

function GradeButtons({
  grades,
  label,
  canEdit,
  tabIndex,
  onEdit,
}: {
  grades: GradebookGrade[];
  label: (g: GradebookGrade) => string;
  canEdit: boolean;
  tabIndex: number | undefined;
  onEdit: (g: GradebookGrade) => void;
}) {
  return (
    <>
      {inChains(grades).map((chain) => (
        <span class="grade-chain" key={chain[0].id}>
          {chain.map((g, i) => (
            <span key={g.id}>
              {i > 0 && (
                <span class="improves-arrow" aria-hidden="true">
                  {' → '}
                </span>
              )}
              {canEdit ? (
                <button
                  type="button"
                  class={`grade-value${g.kind === 'scale' ? '' : ' not-counting'}${g.comment ? ' has-comment' : ''}`}
                  id={gradeButtonId(g)}
                  tabIndex={tabIndex}
                  aria-label={label(g)}
                  title={g.comment || undefined}
                  onClick={() => onEdit(g)}
                >
                  {g.value}
                </button>
              ) : (
                <span
                  class={`grade-value${g.kind === 'scale' ? '' : ' not-counting'}${g.comment ? ' has-comment' : ''}`}
                  title={g.comment || undefined}
                >
                  <span aria-hidden="true">{g.value}</span>
                  <span class="visually-hidden">{label(g)}</span>
                </span>
              )}
            </span>
          ))}
        </span>
      ))}
    </>
  );
}

function Cell({
  row,
  col,
  column,
  class: cls,
  children,
}: {
  row: number;
  col: number;
  /** The grade book column's id, for the cells of one. */
  column?: number;
  class?: string;
  children?: ComponentChildren;
}) {
  return (
    <td data-row={row} data-col={col} data-column={column} class={cls}>
      {children}
    </td>
  );
}

export function GradebookGrid({
  book,
  caption,
  entry,
  actions,
}: {
  book: Gradebook;
  caption: string;
  entry: GradeEntry;
  actions: GridActions;
}) {
  const { t, lang } = useApp();
  const columnName = useColumnName();
  const categories = categoriesById(book.categories);
  const canEdit = book.can_edit;
  const target = entry.target;
  const newColumn = target?.kind === 'column' ? target : null;
  const newCategory = newColumn ? categories.get(Number(newColumn.category_id)) : undefined;
  const summaries = termSummaries(book.term);
  // While a column is typed in, Tab walks its inputs (the cells' buttons stay clickable) and then moves on to Save.
  const skip = target ? -1 : undefined;
  const average = (s: GradebookStudent) => (book.term === 1 ? s.averages.term1 : s.averages.term2);

  const gradesOf = new Map<string, GradebookGrade[]>();
  for (const g of book.grades) {
    const key = `${g.student_id}-${g.column_id}`;
    gradesOf.set(key, [...(gradesOf.get(key) ?? []), g]);
  }

  /** What the student's term average becomes with the typed grade, when it is a grade that counts. */
  const preview = (s: GradebookStudent): number | null => {
    const typed = entry.values[s.id]?.trim();
    if (!newColumn || !typed || !newCategory || newCategory.kind !== 'scale') return null;
    const mark = parseMark(typed, book.rules);
    if (mark.kind !== 'scale' || !newCategory.counts || newCategory.weight <= 0) return null;
    const facts = book.grades
      .filter((g) => g.student_id === s.id)
      .map((g) => gradeFact(g, categories.get(g.category_id), book.rules));
    return weightedAverage(
      withHypothetical(facts, [{ hundredths: mark.hundredths, weight: newCategory.weight }]),
      book.rules.improvement_rule,
    );
  };

  const gradeLabel = (g: GradebookGrade, s: GradebookStudent, c: GradeColumn) => {
    const name = { value: g.value, student: fullName(s), column: columnName(categories.get(c.category_id), c.date) };
    const parts = [canEdit ? t('gradebook.editGradeLabel', name) : t('gradebook.gradeLabel', name)];
    if (g.improves_id !== null) parts.push(t('gradebook.improvement'));
    if (g.kind !== 'scale') parts.push(t('grade.notCounting'));
    if (g.comment) parts.push(t('gradebook.commentIs', { comment: g.comment }));
    return parts.join(', ');
  };

  const entryInput = (s: GradebookStudent, label: string) => {
    const error = entry.errors[s.id];
    const id = entryInputId(s.id);
    return (
      <>
        <input
          id={id}
          class="entry-input"
          value={entry.values[s.id] ?? ''}
          onInput={(e) => entry.set(s.id, e.currentTarget.value)}
          onKeyDown={entry.onKeyDown(s.id)}
          onFocus={(e) => e.currentTarget.select()}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          maxLength={newCategory?.kind === 'descriptive' ? 2000 : 20}
          aria-label={label}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p class="cell-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </>
    );
  };

  const lastCol = book.columns.length + (newColumn ? 1 : 0);
  return (
    <TableRegion caption={caption}>
      <table class="gradebook" data-testid="gradebook" onKeyDown={onGridKeyDown}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="student-col">
              {t('gradebook.student')}
            </th>
            {book.columns.map((c) => {
              const category = categories.get(c.category_id);
              const head = (
                <>
                  <span class="column-category">{category?.name ?? '—'}</span>
                  <span class="column-date">{shortDate(c.date, lang)}</span>
                  {category && category.kind === 'scale' && (
                    <span class="column-weight">{t('gradebook.weight', { n: category.weight })}</span>
                  )}
                  {category && category.kind !== 'scale' && (
                    <span class="column-weight">{t(`gradebook.kind.${category.kind}` as MessageKey)}</span>
                  )}
                  {c.description && <span class="column-description">{c.description}</span>}
                </>
              );
              return (
                <th
                  scope="col"
                  key={c.id}
                  class="grade-col"
                  style={{ '--category-colour': category?.colour ?? 'var(--border)' }}
                  data-column={c.id}
                >
                  {canEdit ? (
                    <button
                      type="button"
                      class="column-button"
                      id={columnButtonId(c)}
                      tabIndex={skip}
                      title={t('gradebook.editColumn')}
                      onClick={() => actions.editColumn(c)}
                    >
                      {head}
                      <span class="visually-hidden">{`, ${t('gradebook.editColumn')}`}</span>
                    </button>
                  ) : (
                    head
                  )}
                </th>
              );
            })}
            {newColumn && (
              <th
                scope="col"
                class="grade-col entry-col"
                style={{ '--category-colour': newCategory?.colour ?? 'var(--border)' }}
              >
                <span class="column-new">{t('gradebook.newColumn')}</span>
                <span class="column-category">{newCategory?.name ?? '—'}</span>
                <span class="column-date">{newColumn.date ? shortDate(newColumn.date, lang) : '—'}</span>
              </th>
            )}
            <th scope="col" class="num">
              {t('gradebook.average', { n: book.term })}
            </th>
            {book.term === 2 && (
              <th scope="col" class="num">
                {t('gradebook.yearAverage')}
              </th>
            )}
            {summaries.map((kind) => (
              <th scope="col" key={kind} class={`summary-col${target?.kind === 'summary' ? ' entry-col' : ''}`}>
                {summaryName(kind, t)}
                {canEdit && !target && (
                  <button
                    type="button"
                    class="button small"
                    id={summaryButtonId(kind)}
                    aria-label={t('gradebook.editSummaryLabel', { kind: summaryName(kind, t) })}
                    onClick={() => actions.editSummary(kind)}
                  >
                    {t('common.edit')}
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {book.students.map((s, row) => {
            const next = preview(s);
            return (
              <tr key={s.id}>
                <th scope="row" class="student-col">
                  <span class="register-number">{s.register_number ?? '–'}.</span> {s.last_name} {s.first_name}
                </th>
                {book.columns.map((c, col) => {
                  const here = gradesOf.get(`${s.id}-${c.id}`) ?? [];
                  const name = { student: fullName(s), column: columnName(categories.get(c.category_id), c.date) };
                  return (
                    <Cell key={c.id} row={row} col={col} column={c.id} class="grade-cell">
                      <GradeButtons
                        grades={here}
                        canEdit={canEdit}
                        tabIndex={skip}
                        label={(g) => gradeLabel(g, s, c)}
                        onEdit={(g) => actions.editGrade(g, s, c)}
                      />
                      {canEdit && here.length === 0 && (
                        <button
                          type="button"
                          class="add-grade"
                          id={cellButtonId(s.id, c.id)}
                          tabIndex={skip}
                          aria-label={t('gradebook.addGradeLabel', name)}
                          onClick={() => actions.addGrade(s, c)}
                        >
                          <span aria-hidden="true">+</span>
                        </button>
                      )}
                    </Cell>
                  );
                })}
                {newColumn && (
                  <Cell
                    row={row}
                    col={book.columns.length}
                    class={`grade-cell entry-col${entry.errors[s.id] ? ' has-error' : ''}`}
                  >
                    {entryInput(
                      s,
                      t('gradebook.entryLabel', {
                        student: fullName(s),
                        column: newColumn.date ? columnName(newCategory, newColumn.date) : (newCategory?.name ?? ''),
                      }),
                    )}
                  </Cell>
                )}
                <td class="num average">
                  {formatAverage(average(s), lang)}
                  {next !== null && (
                    <span class="average-preview" data-testid="average-preview">
                      <span aria-hidden="true"> → </span>
                      <span class="visually-hidden"> {t('gradebook.afterSaving')} </span>
                      {formatAverage(next, lang)}
                    </span>
                  )}
                </td>
                {book.term === 2 && <td class="num">{formatAverage(s.averages.year, lang)}</td>}
                {summaries.map((kind, i) => {
                  const value = s.summary[kind];
                  const editing = target?.kind === 'summary' && target.summary === kind;
                  return (
                    <Cell
                      key={kind}
                      row={row}
                      col={lastCol + 1 + i}
                      class={`summary-cell${editing ? ' entry-col' : ''}`}
                    >
                      {editing
                        ? entryInput(
                            s,
                            t('gradebook.summaryLabel', { kind: summaryName(kind, t), student: fullName(s) }),
                          )
                        : value && (
                            <span title={value.value ? wholeGradeName(value.value, t) : undefined}>
                              {value.value ?? value.description}
                            </span>
                          )}
                    </Cell>
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
