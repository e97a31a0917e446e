// Showing grades: averages and short dates in the chosen language, the names of whole and behaviour grades, and the
// categories by id, a change of grades in words, what is new. Shared by the grade book, the family's grades, the
// statistics, the desk and the timeline.
import { LOCALES, type Lang, type MessageKey, type Translate } from '../i18n';
import type { BehaviourGrade, FamilyGrade, GradeCategory, SummaryKind } from './types';

/** "4,38" / "4.38" (always two decimals); a dash when there is no average. */
export function formatAverage(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "12.11" / "12/11": a column's day in a grid header. */
export function shortDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALES[lang], { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Reads an average typed the Polish or the English way ("4,5" or "4.5"); null when it is not a number. */
export function parseAverage(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(n) ? n : null;
}

/** "dobry" for 4: a whole grade in words. */
export const wholeGradeName = (value: number, t: Translate) => t(`grade.whole.${value}` as MessageKey);

/** "bardzo dobre" for bdb. */
export const behaviourName = (value: BehaviourGrade, t: Translate) => t(`grade.behaviour.${value}` as MessageKey);

/** "Przewidywana ocena śródroczna" for predicted_term. */
export const summaryName = (kind: SummaryKind, t: Translate) => t(`grade.summary.${kind}` as MessageKey);

/** The summary kinds of a term: predicted and final term grades in term 1, annual ones in term 2. */
export const termSummaries = (term: 1 | 2): SummaryKind[] =>
  term === 1 ? ['predicted_term', 'term'] : ['predicted_annual', 'annual'];

export const categoriesById = (categories: GradeCategory[]) => new Map(categories.map((c) => [c.id, c]));

/** The summary kinds in the order a report card lists them. */
export const SUMMARY_KINDS: SummaryKind[] = ['predicted_term', 'term', 'predicted_annual', 'annual'];

const BEHAVIOUR_GRADES = ['wz', 'bdb', 'db', 'popr', 'ndp', 'ng'];

/**
 * One change of a student's grades in words ("ocena zmieniona z 3 na 4", "Ocena śródroczna: 4"); `what` is as the API
 * says it: grade, grade_comment, grade_column, a summary kind, or behaviour_ and a summary kind.
 */
export function gradeChangeText(what: string, before: string | null, after: string | null, t: Translate): string {
  const behaviour = what.startsWith('behaviour_');
  const kind = (behaviour ? what.slice('behaviour_'.length) : what) as SummaryKind;
  const show = (v: string | null) =>
    v && behaviour && BEHAVIOUR_GRADES.includes(v) ? behaviourName(v as BehaviourGrade, t) : v;
  const values = { before: show(before) ?? '', after: show(after) ?? '' };
  if (what === 'grade') {
    if (!after) return t('grades.change.removed', values);
    return before ? t('grades.change.grade', values) : t('grades.change.added', values);
  }
  if (what === 'grade_comment') return after ? t('grades.change.comment', values) : t('grades.change.commentRemoved');
  if (what === 'grade_column') return t('grades.change.column', values);
  if (SUMMARY_KINDS.includes(kind)) {
    const name = summaryName(kind, t);
    if (!after) return t('grades.change.summaryRemoved', { what: name, ...values });
    return before
      ? t('grades.change.summary', { what: name, ...values })
      : t('grades.change.summarySet', { what: name, ...values });
  }
  return `${what}: ${values.before} → ${values.after}`;
}

/** New to the caller: entered or changed since they last saw the grades (families only; staff see nothing new). */
export function isUnread(g: FamilyGrade, seenAt: string | null, family: boolean): boolean {
  if (g.unread !== undefined) return g.unread;
  if (!family) return false;
  return seenAt === null || Date.parse(g.modified_at) > Date.parse(seenAt);
}
