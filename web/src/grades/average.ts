// The Polish scale and the weighted average exactly as the server applies them (src/modules/grades/scale.cpp and
// average.cpp), as pure functions: the family's "what if" and "what do I need" calculators and the grade book's
// preview must never disagree with the averages the server shows. Tested in e2e/grades-average.spec.ts with the
// server's own unit-test cases.

export type ImprovementRule = 'better' | 'later' | 'both';

/** The school's values for the modifiers (in grade points, as the API gives them) and its own marks. */
export interface ScaleRules {
  plus: number;
  minus: number;
  double_minus: number;
  custom_marks: string[];
}

/** The marks that never count to an average, whatever the school adds to them. */
export const STANDARD_MARKS = ['np', 'bz', 'nb', 'zw', 'nk', '+', '-'];

/** Why a typed scale grade was refused (the server says the same in its own words). */
export type MarkProblem = 'empty' | 'notAGrade' | 'modifier' | 'sixPlus' | 'oneDoubleMinus' | 'tooLow';

export type Mark =
  | { kind: 'scale'; symbol: string; base: number; hundredths: number }
  | { kind: 'special'; symbol: string }
  | { kind: 'invalid'; problem: MarkProblem };

const hundredthsOf = (points: number) => Math.round(points * 100);

/** Reads what was typed in a scale column: `4+` is worth 4 + plus, `4-` 4 − minus, `4=` / `4--` 4 − double minus. */
export function parseMark(typed: string, rules: ScaleRules): Mark {
  const s = typed.trim();
  if (!s) return { kind: 'invalid', problem: 'empty' };
  const symbol = s.toLowerCase();
  if (STANDARD_MARKS.includes(symbol) || rules.custom_marks.includes(symbol)) return { kind: 'special', symbol };
  if (s[0] < '1' || s[0] > '6') return { kind: 'invalid', problem: 'notAGrade' };
  const base = Number(s[0]);
  const modifier = s.slice(1);
  let hundredths = base * 100;
  if (modifier === '+') hundredths += hundredthsOf(rules.plus);
  else if (modifier === '-') hundredths -= hundredthsOf(rules.minus);
  else if (modifier === '=' || modifier === '--') hundredths -= hundredthsOf(rules.double_minus);
  else if (modifier) return { kind: 'invalid', problem: 'modifier' };
  if (base === 6 && modifier === '+') return { kind: 'invalid', problem: 'sixPlus' };
  if (base === 1 && (modifier === '=' || modifier === '--')) return { kind: 'invalid', problem: 'oneDoubleMinus' };
  if (hundredths < 50) return { kind: 'invalid', problem: 'tooLow' };
  return { kind: 'scale', symbol: s, base, hundredths };
}

/** One grade as the average sees it. */
export interface GradeFact {
  id: number;
  /** Null for special, point and descriptive marks. */
  hundredths: number | null;
  weight: number;
  /** Whether the grade's category counts to the average. */
  counts: boolean;
  improves_id: number | null;
  /** Later grades have larger orders: by date, then id (see gradeOrder). */
  order: number;
}

const DAY_MS = 86_400_000;

/** The order of a grade dated `date` (YYYY-MM-DD) with this id, as the server counts it. */
export function gradeOrder(date: string, id: number): number {
  const [y, m, d] = date.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) / DAY_MS) * 1_000_000_000 + id;
}

/** A grade of the API (family view or grade book) with its category, as the average sees it. */
export function gradeFact(
  grade: { id: number; value: string; kind: string; improves_id: number | null; date: string },
  category: { weight: number; counts: boolean } | undefined,
  rules: ScaleRules,
): GradeFact {
  const mark = grade.kind === 'scale' ? parseMark(grade.value, rules) : null;
  return {
    id: grade.id,
    hundredths: mark?.kind === 'scale' ? mark.hundredths : null,
    weight: category?.weight ?? 0,
    counts: category?.counts ?? false,
    improves_id: grade.improves_id,
    order: gradeOrder(grade.date, grade.id),
  };
}

/** The categories of a subject (its own and the school-wide ones) whose grades count to its average. */
export function countingCategories<
  C extends { kind: string; counts: boolean; weight: number; subject_id: number | null },
>(categories: C[], subjectId: number): C[] {
  return categories.filter(
    (c) => c.kind === 'scale' && c.counts && c.weight > 0 && (c.subject_id === null || c.subject_id === subjectId),
  );
}

const counting = (g: GradeFact) => g.hundredths !== null && g.counts && g.weight > 0;

/**
 * The grades that enter the average after the improvement rule: an original and its improvements compete as one
 * chain, of which `better` keeps the highest (the later on a tie), `later` the latest and `both` all. A special mark
 * in a chain (nb at the retake) never replaces a numeric grade.
 */
export function countedGrades(grades: GradeFact[], rule: ImprovementRule): GradeFact[] {
  const byId = new Map(grades.map((g) => [g.id, g]));
  const rootOf = (g: GradeFact) => {
    let at = g;
    for (let guard = 0; at.improves_id !== null && guard < 64; guard++) {
      const parent = byId.get(at.improves_id);
      if (!parent) break;
      at = parent;
    }
    return at.id;
  };
  const chains = new Map<number, GradeFact[]>();
  for (const g of grades.filter(counting)) {
    const root = rootOf(g);
    chains.set(root, [...(chains.get(root) ?? []), g]);
  }
  const out: GradeFact[] = [];
  for (const chain of chains.values()) {
    if (rule === 'both' || chain.length === 1) {
      out.push(...chain);
      continue;
    }
    const later = (a: GradeFact, b: GradeFact) => (b.order > a.order ? b : a);
    const better = (a: GradeFact, b: GradeFact) =>
      b.hundredths! > a.hundredths! || (b.hundredths === a.hundredths && b.order > a.order) ? b : a;
    out.push(chain.reduce(rule === 'better' ? better : later));
  }
  return out;
}

/** Σ(value × weight) / Σ(weight) over the counted grades, rounded half up to two decimals; null when none counts. */
export function weightedAverage(grades: GradeFact[], rule: ImprovementRule): number | null {
  let sum = 0;
  let weights = 0;
  for (const g of countedGrades(grades, rule)) {
    sum += g.hundredths! * g.weight;
    weights += g.weight;
  }
  if (weights <= 0) return null;
  // Exact in whole hundredths until this one division, as on the server.
  return Math.floor(sum / weights + 0.5 + 1e-9) / 100;
}

/** A grade not given (yet): worth `hundredths`, in a category of this weight that counts. */
export interface Hypothetical {
  hundredths: number;
  weight: number;
}

/** The grades with hypothetical ones added after them (newest, in no improvement chain). */
export function withHypothetical(grades: GradeFact[], added: Hypothetical[]): GradeFact[] {
  let nextId = Math.max(0, ...grades.map((g) => g.id)) + 1;
  let nextOrder = Math.max(0, ...grades.map((g) => g.order)) + 1;
  return [
    ...grades,
    ...added.map((a) => ({
      id: nextId++,
      hundredths: a.hundredths,
      weight: a.weight,
      counts: true,
      improves_id: null,
      order: nextOrder++,
    })),
  ];
}

/**
 * The lowest whole grade 1–6 that, added in a category of this weight, lifts the average to at least `target`;
 * null when even a 6 is not enough.
 */
export function gradeNeeded(grades: GradeFact[], rule: ImprovementRule, weight: number, target: number): number | null {
  for (let grade = 1; grade <= 6; grade++) {
    const average = weightedAverage(withHypothetical(grades, [{ hundredths: grade * 100, weight }]), rule);
    if (average !== null && average + 1e-9 >= target) return grade;
  }
  return null;
}
