// The browser's grade rules (src/grades/average.ts) on the server's own unit-test cases
// (src/modules/grades/scale_test.cpp and average_test.cpp): the calculators must never disagree with the server.
// Pure functions: no server, no browser.
import { expect, test } from '@playwright/test';
import {
  gradeNeeded,
  parseMark,
  weightedAverage,
  withHypothetical,
  type GradeFact,
  type ScaleRules,
} from '../src/grades/average';

const LIBRUS: ScaleRules = { plus: 0.5, minus: 0.25, double_minus: 0.5, custom_marks: [] };

/** A grade as the server's tests write it: its order is its id. */
const grade = (id: number, hundredths: number | null, weight = 1, counts = true, improves: number | null = null) =>
  ({ id, hundredths, weight, counts, improves_id: improves, order: id }) satisfies GradeFact;

const worth = (typed: string, rules = LIBRUS) => {
  const mark = parseMark(typed, rules);
  expect(mark.kind, typed).toBe('scale');
  return mark.kind === 'scale' ? mark.hundredths : -1;
};

test('whole grades and modifiers have Librus default values', () => {
  expect(worth('1')).toBe(100);
  expect(worth('6')).toBe(600);
  expect(worth('4+')).toBe(450);
  expect(worth('5-')).toBe(475);
  expect(worth('1-')).toBe(75);
  expect(worth('3=')).toBe(250);
  expect(worth('3--')).toBe(250);
  expect(worth('6-')).toBe(575);
  expect(worth('1+')).toBe(150);
  expect(worth(' 2+ ')).toBe(250);
});

test('the school configures the modifier values', () => {
  const rules = { ...LIBRUS, plus: 0.33, minus: 0.33 };
  expect(worth('4+', rules)).toBe(433);
  expect(worth('4-', rules)).toBe(367);
});

test('invalid forms are refused', () => {
  for (const bad of [
    '7',
    '0',
    '5++',
    'ab',
    '',
    '  ',
    '6+',
    '1=',
    '1--',
    '+5',
    '4.5',
    '4,5',
    '44',
    '-1',
    '5+-',
    'x',
    'np2',
    '10',
  ])
    expect(parseMark(bad, LIBRUS).kind, bad).toBe('invalid');
});

test("special marks and the school's own marks never count and ignore case", () => {
  for (const special of ['np', 'bz', 'nb', 'zw', 'nk', '+', '-', 'NP', ' Nb '])
    expect(parseMark(special, LIBRUS).kind).toBe('special');
  expect(parseMark('bk', { ...LIBRUS, custom_marks: ['bk'] }).kind).toBe('special');
  expect(parseMark('bk', LIBRUS).kind).toBe('invalid');
});

test('the weighted average: equal weights, weights, modifiers, rounding half up', () => {
  expect(weightedAverage([grade(1, 500), grade(2, 400), grade(3, 300)], 'better')).toBe(4.0);
  expect(weightedAverage([grade(1, 500, 3), grade(2, 300, 1)], 'better')).toBe(4.5);
  expect(weightedAverage([grade(1, 450, 2), grade(2, 475, 2)], 'better')).toBe(4.63);
  expect(weightedAverage([grade(1, 75)], 'better')).toBe(0.75);
  expect(weightedAverage([grade(1, 400), grade(2, 400), grade(3, 500)], 'better')).toBe(4.33);
  expect(weightedAverage([grade(1, 500), grade(2, 500), grade(3, 400)], 'better')).toBe(4.67);
  expect(weightedAverage([grade(1, 400, 7), grade(2, 500, 1)], 'better')).toBe(4.13);
});

test('special marks, non-counting categories and weight 0 are left out; nothing counting is no average', () => {
  const grades = [grade(1, 500, 2), grade(2, null, 2), grade(3, 100, 5, false), grade(4, 300, 0)];
  expect(weightedAverage(grades, 'both')).toBe(5.0);
  expect(weightedAverage([], 'better')).toBeNull();
  expect(weightedAverage([grade(1, null), grade(2, null)], 'better')).toBeNull();
  expect(weightedAverage([grade(1, 400, 1, false)], 'better')).toBeNull();
});

test('improvements: better, later, both, whole chains, a special mark at the retake', () => {
  const improved = [grade(1, 200, 4), grade(2, 400, 4, true, 1), grade(3, 500, 1)];
  expect(weightedAverage(improved, 'better')).toBe(4.2);
  const worse = [grade(1, 300, 4), grade(2, 200, 4, true, 1)];
  expect(weightedAverage(worse, 'better')).toBe(3.0);
  expect(weightedAverage(worse, 'later')).toBe(2.0);
  expect(weightedAverage([grade(1, 200, 4), grade(2, 400, 4, true, 1)], 'both')).toBe(3.0);
  const chain = [grade(1, 100, 3), grade(2, 200, 3, true, 1), grade(3, 400, 3, true, 2), grade(4, 500, 1)];
  expect(weightedAverage(chain, 'better')).toBe(4.25);
  expect(weightedAverage(chain, 'later')).toBe(4.25);
  expect(weightedAverage([grade(1, 200, 3), grade(2, null, 3, true, 1)], 'later')).toBe(2.0);
});

test('the grade needed for a target, or none when even a 6 is not enough', () => {
  const grades = [grade(1, 300), grade(2, 400)];
  expect(gradeNeeded(grades, 'better', 2, 4.0)).toBe(5);
  expect(gradeNeeded(grades, 'better', 2, 3.0)).toBe(3);
  expect(gradeNeeded(grades, 'better', 1, 5.5)).toBeNull();
  expect(gradeNeeded([], 'better', 1, 4.75)).toBe(5);
});

test('hypothetical grades come after the real ones and in no improvement chain', () => {
  const grades = [grade(1, 200, 4), grade(2, 400, 4, true, 1)];
  // later: the improvement (4) counts, then a hypothetical 6 of weight 4 → (16 + 24) / 8 = 5
  expect(weightedAverage(withHypothetical(grades, [{ hundredths: 600, weight: 4 }]), 'later')).toBe(5.0);
});
