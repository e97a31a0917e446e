// One subject on the family's grades page: its grades in chains of improvements, the open one's details, the summary.
import { useState } from 'preact/hooks';
import type { StaffRef } from '../api';
import { useApp } from '../context';
import { formatDate, fullName } from '../format';
import { countedGrades, gradeFact } from './average';
import { periodAverage, type Period } from './PeriodSwitch';
import { categoriesById, formatAverage, isUnread, summaryName, wholeGradeName } from './show';
import type { FamilyGrade, FinalGrade, GradeCategory, StudentGrades, SubjectGrades } from './types';

/** A subject's grades in order, each improvement right after the grade it improves. */
function inChains(grades: FamilyGrade[]): FamilyGrade[][] {
  const byId = new Map(grades.map((g) => [g.id, g]));
  const rootOf = (g: FamilyGrade): number => {
    const parent = g.improves_id === null ? undefined : byId.get(g.improves_id);
    return parent ? rootOf(parent) : g.id;
  };
  const chains = new Map<number, FamilyGrade[]>();
  for (const g of grades) chains.set(rootOf(g), [...(chains.get(rootOf(g)) ?? []), g]);
  return [...chains.values()];
}

function GradeDetail({
  grade,
  category,
  teacher,
  improves,
  counted,
}: {
  grade: FamilyGrade;
  category: GradeCategory | undefined;
  teacher: StaffRef | undefined;
  improves: FamilyGrade | undefined;
  counted: boolean;
}) {
  const { t, lang } = useApp();
  return (
    <dl class="grade-detail" id={`grade-detail-${grade.id}`} data-testid="grade-detail">
      <dt>{t('grades.value')}</dt>
      <dd>
        {grade.value}
        {grade.numeric !== null && ` (${formatAverage(grade.numeric, lang)})`}
      </dd>
      <dt>{t('gradebook.category')}</dt>
      <dd>
        {category
          ? category.kind === 'scale'
            ? t('gradebook.categoryOption', { name: category.name, n: category.weight })
            : category.name
          : '—'}
      </dd>
      <dt>{t('gradebook.date')}</dt>
      <dd>{formatDate(grade.date, lang)}</dd>
      <dt>{t('grades.teacher')}</dt>
      <dd>{teacher ? fullName(teacher) : '—'}</dd>
      {grade.description && (
        <>
          <dt>{t('gradebook.description')}</dt>
          <dd>{grade.description}</dd>
        </>
      )}
      {grade.comment && (
        <>
          <dt>{t('gradebook.comment')}</dt>
          <dd>{grade.comment}</dd>
        </>
      )}
      {improves && (
        <>
          <dt>{t('grades.improvementOf')}</dt>
          <dd>{improves.value}</dd>
        </>
      )}
      <dt>{t('grades.toAverage')}</dt>
      <dd>{counted ? t('grades.counts') : t(grade.counts ? 'grades.leftOutByRule' : 'grade.notCounting')}</dd>
    </dl>
  );
}

function FinalLine({ label, grade }: { label: string; grade: FinalGrade | null }) {
  const { t } = useApp();
  if (!grade) return null;
  const text = grade.value ? `${grade.value} (${wholeGradeName(grade.value, t)})` : grade.description;
  return (
    <>
      <dt>{label}</dt>
      <dd>{text}</dd>
    </>
  );
}

export function SubjectSection({
  subject,
  data,
  period,
  family,
  teachers,
}: {
  subject: SubjectGrades;
  data: StudentGrades;
  period: Period;
  family: boolean;
  teachers: Map<number, StaffRef>;
}) {
  const { t, lang } = useApp();
  const [open, setOpen] = useState<number | null>(null);
  const categories = categoriesById(data.categories);
  const grades = subject.grades.filter((g) => period === 'year' || String(g.term) === period);
  const facts = grades.map((g) => gradeFact(g, categories.get(g.category_id), data.rules));
  const counted = new Set(countedGrades(facts, data.rules.improvement_rule).map((f) => f.id));
  const byId = new Map(grades.map((g) => [g.id, g]));
  const headingId = `subject-${subject.subject.id}`;
  const average = periodAverage(subject.averages, period);
  const classAverage = periodAverage(subject.class_averages, period);
  const openGrade = open === null ? undefined : byId.get(open);

  const label = (g: FamilyGrade) => {
    const category = categories.get(g.category_id);
    const parts = [g.value, category?.name ?? '', formatDate(g.date, lang)];
    if (g.improves_id !== null) parts.push(t('grades.improvement'));
    if (!counted.has(g.id)) parts.push(t('grade.notCounting'));
    if (isUnread(g, data.seen_at, family)) parts.push(t('grades.new'));
    return parts.filter(Boolean).join(', ');
  };

  return (
    <section class="subject-grades" aria-labelledby={headingId} data-testid="subject-grades">
      <h3 id={headingId}>{subject.subject.name}</h3>
      {grades.length === 0 ? (
        <p class="muted">{t('grades.none')}</p>
      ) : (
        <ul class="plain grade-list" aria-labelledby={headingId}>
          {inChains(grades).map((chain) => (
            <li key={chain[0].id} class="grade-chain">
              {chain.map((g, i) => {
                const category = categories.get(g.category_id);
                const unread = isUnread(g, data.seen_at, family);
                return (
                  <span key={g.id}>
                    {i > 0 && (
                      <span class="improves-arrow" aria-hidden="true">
                        {' → '}
                      </span>
                    )}
                    <button
                      type="button"
                      class={`grade-value${counted.has(g.id) ? '' : ' not-counting'}${unread ? ' unread' : ''}`}
                      style={{ '--category-colour': category?.colour ?? 'var(--border)' }}
                      aria-expanded={open === g.id ? 'true' : 'false'}
                      aria-controls={open === g.id ? `grade-detail-${g.id}` : undefined}
                      aria-label={label(g)}
                      data-grade={g.id}
                      onClick={() => setOpen(open === g.id ? null : g.id)}
                    >
                      {g.value}
                      {unread && (
                        <span class="new-mark" aria-hidden="true">
                          {t('grades.newShort')}
                        </span>
                      )}
                    </button>
                  </span>
                );
              })}
            </li>
          ))}
        </ul>
      )}
      {openGrade && (
        <GradeDetail
          grade={openGrade}
          category={categories.get(openGrade.category_id)}
          teacher={teachers.get(openGrade.teacher_id)}
          improves={openGrade.improves_id === null ? undefined : byId.get(openGrade.improves_id)}
          counted={counted.has(openGrade.id)}
        />
      )}
      <dl class="subject-summary">
        {data.visibility.averages && (
          <>
            <dt>{t(period === 'year' ? 'grades.yearAverage' : 'grades.average')}</dt>
            <dd data-testid="subject-average">{formatAverage(average, lang)}</dd>
          </>
        )}
        {data.visibility.class_averages && subject.class_averages !== undefined && (
          <>
            <dt>{t('grades.classAverage')}</dt>
            <dd>{formatAverage(classAverage, lang)}</dd>
          </>
        )}
        <FinalLine label={summaryName('predicted_term', t)} grade={subject.predicted_term} />
        <FinalLine label={summaryName('term', t)} grade={subject.term_grade} />
        <FinalLine label={summaryName('predicted_annual', t)} grade={subject.predicted_annual} />
        <FinalLine label={summaryName('annual', t)} grade={subject.annual_grade} />
      </dl>
    </section>
  );
}
