// The term a family views its grades for (1, 2 or the whole year): its averages, and the switch between the terms.
import { useApp } from '../context';
import type { GradeAverages } from './types';

/** The term shown: 1, 2 or the whole year. */
export type Period = '1' | '2' | 'year';

export const periodAverage = (a: GradeAverages | null | undefined, period: Period) =>
  !a ? null : period === '1' ? a.term1 : period === '2' ? a.term2 : a.year;

export function PeriodSwitch({ period, onPeriod }: { period: Period; onPeriod: (p: Period) => void }) {
  const { t } = useApp();
  const options: { value: Period; label: string }[] = [
    { value: '1', label: t('grade.term', { n: 1 }) },
    { value: '2', label: t('grade.term', { n: 2 }) },
    { value: 'year', label: t('grades.wholeYear') },
  ];
  return (
    <fieldset class="period-switch">
      <legend>{t('grades.period')}</legend>
      <div class="segmented">
        {options.map((o) => (
          <span class="segment" key={o.value}>
            <input
              type="radio"
              id={`period-${o.value}`}
              name="grades-period"
              value={o.value}
              checked={period === o.value}
              onChange={() => onPeriod(o.value)}
            />
            <label for={`period-${o.value}`}>{o.label}</label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}
