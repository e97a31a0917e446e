// The family's average calculators in a panel, for a chosen subject's grades in the term shown.
import { useState } from 'preact/hooks';
import { SelectField } from '../components/fields';
import { Panel } from '../components/page';
import { useApp } from '../context';
import { GradeCalculators } from '../pages/GradeCalculators';
import { countingCategories, gradeFact, type GradeFact } from './average';
import { periodAverage, type Period } from './PeriodSwitch';
import { categoriesById } from './show';
import type { StudentGrades } from './types';

export function Calculators({ data, period }: { data: StudentGrades; period: Period }) {
  const { t } = useApp();
  const [subjectId, setSubjectId] = useState(String(data.subjects[0]?.subject.id ?? ''));
  const subject = data.subjects.find((s) => String(s.subject.id) === subjectId);
  if (!subject) return null;
  const categories = categoriesById(data.categories);
  const facts: GradeFact[] = subject.grades
    .filter((g) => period === 'year' || String(g.term) === period)
    .map((g) => gradeFact(g, categories.get(g.category_id), data.rules));
  return (
    <Panel id="calc-heading" title={t('calc.title')}>
      <p class="hint">{t(period === 'year' ? 'calc.introYear' : 'calc.introTerm', { n: period })}</p>
      <div class="filter-bar">
        <SelectField
          id="calc_subject"
          label={t('calc.subject')}
          value={subjectId}
          onValue={setSubjectId}
          options={data.subjects.map((s) => ({ value: String(s.subject.id), label: s.subject.name }))}
        />
      </div>
      <GradeCalculators
        key={`${subjectId}-${period}`}
        facts={facts}
        rules={data.rules}
        categories={countingCategories(data.categories, subject.subject.id)}
        average={periodAverage(subject.averages, period)}
      />
    </Panel>
  );
}
