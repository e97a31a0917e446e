// Showing grades: averages and short dates in the chosen language, the names of whole and behaviour grades, and the
// categories by id. Shared by the grade book, the family's grades and the statistics.
import { LOCALES, type Lang, type MessageKey, type Translate } from '../i18n';
import type { BehaviourGrade, GradeCategory, SummaryKind } from './types';

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
