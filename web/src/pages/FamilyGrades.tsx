// The family's grades: per subject the grades in order (each opens its details: category, weight, date, teacher,
// description, comment), marks that do not count set apart, new ones highlighted; the averages with the class's,
// the predicted and final grades; a term switch; the average calculators; behaviour; and the history of changes.
// Once shown, the grades are marked seen, so they are no longer new at the next visit.
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, post, type StaffRef, type VisibleStudent } from '../api';
import { SelectField } from '../components/fields';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import { useLiveRefresh } from '../feed/live';
import { formatDate, formatDateTime, fullName } from '../format';
import { countedGrades, countingCategories, gradeFact, type GradeFact } from '../grades/average';
import {
  behaviourName,
  categoriesById,
  formatAverage,
  gradeChangeText,
  isUnread,
  SUMMARY_KINDS,
  summaryName,
  wholeGradeName,
} from '../grades/show';
import type {
  FamilyGrade,
  FinalGrade,
  GradeAverages,
  GradeCategory,
  GradeChange,
  StudentGrades,
  SubjectGrades,
} from '../grades/types';
import type { Translate } from '../i18n';
import { navigate, useLocation } from '../router';
import { ChildPicker, useChosenStudent } from './family';
import { GradeCalculators } from './GradeCalculators';

const PATH = '/grades';

/** The term shown: 1, 2 or the whole year. */
type Period = '1' | '2' | 'year';

const periodAverage = (a: GradeAverages | null | undefined, period: Period) =>
  !a ? null : period === '1' ? a.term1 : period === '2' ? a.term2 : a.year;

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

function SubjectSection({
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

/** "Język angielski: ocena zmieniona z 3 na 4". */
function changeText(c: GradeChange, data: StudentGrades, t: Translate): string {
  const subject = data.subjects.find((s) => s.subject.id === c.subject_id)?.subject.name ?? t('grades.behaviour');
  return `${subject}: ${gradeChangeText(c.what, c.before, c.after, t)}`;
}

function History({ data, teachers }: { data: StudentGrades; teachers: Map<number, StaffRef> }) {
  const { t, lang } = useApp();
  const changes = [...data.changes].reverse();
  return (
    <Panel id="history-heading" title={t('grades.history')}>
      {changes.length === 0 ? (
        <p>{t('grades.noHistory')}</p>
      ) : (
        <ul class="history" data-testid="grade-history">
          {changes.map((c, i) => {
            const who = teachers.get(c.changed_by);
            return (
              <li key={i}>
                {changeText(c, data, t)}, {formatDateTime(c.changed_at, lang)}
                {who && `, ${fullName(who)}`}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

function Behaviour({ data, teachers }: { data: StudentGrades; teachers: Map<number, StaffRef> }) {
  const { t, lang } = useApp();
  const set = SUMMARY_KINDS.filter((k) => data.behaviour[k]);
  const points = data.behaviour.points;
  return (
    <Panel id="behaviour-heading" title={t('grades.behaviour')}>
      {set.length === 0 && !points && <p>{t('grades.noBehaviour')}</p>}
      {set.length > 0 && (
        <dl class="subject-summary" data-testid="behaviour">
          {set.map((k) => (
            <Fragment key={k}>
              <dt>{summaryName(k, t)}</dt>
              <dd>{behaviourName(data.behaviour[k]!, t)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {points && (
        <>
          <p>{t('grades.points', { total: points.total, start: points.start })}</p>
          {points.entries.length > 0 && (
            <ul>
              {points.entries.map((e) => {
                const who = teachers.get(e.teacher_id);
                return (
                  <li key={e.id}>
                    {formatDate(e.date, lang)}: {e.points > 0 ? `+${e.points}` : e.points} — {e.reason}
                    {who && ` (${fullName(who)})`}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </Panel>
  );
}

function Calculators({ data, period }: { data: StudentGrades; period: Period }) {
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

function PeriodSwitch({ period, onPeriod }: { period: Period; onPeriod: (p: Period) => void }) {
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

function GradesBody({ data, family }: { data: StudentGrades; family: boolean }) {
  const { t, lang } = useApp();
  const { search } = useLocation();
  const asked = search.get('term');
  const period: Period =
    asked === '1' || asked === '2' || asked === 'year' ? asked : (String(data.current_term) as Period);
  const teachers = new Map(data.teachers.map((x) => [x.id, x]));
  const onPeriod = (p: Period) => {
    const params = new URLSearchParams(search);
    params.set('term', p);
    navigate(`${PATH}?${params.toString()}`, true);
  };
  const unread = data.subjects.flatMap((s) => s.grades).filter((g) => isUnread(g, data.seen_at, family)).length;
  const finals = data.final_averages;
  return (
    <>
      <PeriodSwitch period={period} onPeriod={onPeriod} />
      <Panel id="grades-heading" title={t(period === 'year' ? 'grades.titleYear' : 'grades.titleTerm', { n: period })}>
        {family && (
          <p data-testid="unread-count">{unread > 0 ? t('grades.newCount', { n: unread }) : t('grades.nothingNew')}</p>
        )}
        <p class="hint grade-key">
          <span class="grade-value unread key">
            4<span class="new-mark">{t('grades.newShort')}</span>
          </span>{' '}
          {t('grades.keyNew')} <span class="grade-value not-counting key">np</span> {t('grades.keyNotCounting')}{' '}
          {t('grades.keyOpen')}
        </p>
        {data.visibility.averages && (finals.term !== null || finals.annual !== null) && (
          <p>
            {finals.term !== null && t('grades.finalTermAverage', { average: formatAverage(finals.term, lang) })}{' '}
            {finals.annual !== null && t('grades.finalAnnualAverage', { average: formatAverage(finals.annual, lang) })}
          </p>
        )}
        {data.subjects.length === 0 ? (
          <p>{t('grades.noSubjects')}</p>
        ) : (
          <div class="subjects">
            {data.subjects.map((s) => (
              <SubjectSection
                key={s.subject.id}
                subject={s}
                data={data}
                period={period}
                family={family}
                teachers={teachers}
              />
            ))}
          </div>
        )}
      </Panel>
      {data.visibility.averages && <Calculators data={data} period={period} />}
      <Behaviour data={data} teachers={teachers} />
      <History data={data} teachers={teachers} />
    </>
  );
}

function StudentGradesView({ student }: { student: VisibleStudent }) {
  const { me } = useApp();
  const family = me?.user.role === 'parent' || me?.user.role === 'student';
  const grades = useLoad(() => get<StudentGrades>(`/students/${student.id}/grades`), [student.id]);
  useLiveRefresh(['grade.added', 'grade.changed'], grades.reload, student.id);
  // Once the grades are on screen they are seen: the next visit shows only what is newer. Failing to mark them is
  // not worth bothering the family about; they stay new until the next visit.
  const marked = useRef(false);
  useEffect(() => {
    if (!family || !grades.data || marked.current) return;
    marked.current = true;
    post(`/students/${student.id}/grades/seen`).catch(() => undefined);
  }, [grades.data]);
  return <LoadState state={grades}>{(data) => <GradesBody data={data} family={family} />}</LoadState>;
}

export function FamilyGradesPage() {
  const { t } = useApp();
  const { student } = useChosenStudent();
  return (
    <>
      <PageHeading title={t('nav.grades')} />
      {!student ? (
        <p>{t('home.noStudents')}</p>
      ) : (
        <>
          <ChildPicker id="grades_student" path={PATH} />
          <StudentGradesView key={student.id} student={student} />
        </>
      )}
    </>
  );
}
