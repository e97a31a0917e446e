// A class's grade statistics for a term (class and term kept in the address): per subject the class average and how
// many grades of each whole grade 1–6 there are (a table whose cells carry small bars), then the students at risk
// with the reasons. The office sees every class; a teacher the classes they teach or are the homeroom teacher of.
import { get, query, type Role, type SchoolClass } from '../api';
import { SelectField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { formatDate, fullName, listName } from '../format';
import { formatAverage, wholeGradeName } from '../grades/show';
import type { GradeStatistics, SubjectStatistics } from '../grades/types';
import type { MessageKey } from '../i18n';
import { navigate, useLocation } from '../router';
import { useClassesOf } from './organisation';

const PATH = '/grade-statistics';
const GRADES = ['1', '2', '3', '4', '5', '6'] as const;

/** The roles that see every class's statistics. */
const OFFICE: Role[] = ['admin', 'director', 'secretary', 'pedagogue'];

function Distribution({ stats }: { stats: GradeStatistics }) {
  const { t, lang } = useApp();
  const caption = t('stats.caption', { name: stats.class.name, n: stats.term });
  const most = Math.max(1, ...stats.subjects.flatMap((s) => GRADES.map((g) => s.distribution[g])));
  return (
    <TableRegion caption={caption}>
      <table class="grade-stats" data-testid="grade-statistics">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.subject')}</th>
            <th scope="col" class="num">
              {t('stats.average')}
            </th>
            <th scope="col" class="num">
              {t('stats.count')}
            </th>
            {GRADES.map((g) => (
              <th scope="col" class="num" key={g}>
                <span aria-hidden="true">{g}</span>
                <span class="visually-hidden">
                  {t('stats.gradeColumn', { n: g, name: wholeGradeName(Number(g), t) })}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stats.subjects.map((s) => (
            <tr key={s.subject.id}>
              <th scope="row">
                {s.subject.name}
                <span class="stats-teachers">{s.teachers.map(fullName).join(', ')}</span>
              </th>
              <td class="num">{formatAverage(s.class_average, lang)}</td>
              <td class="num">{s.grade_count}</td>
              {GRADES.map((g) => (
                <td class="num bar-cell" key={g}>
                  <span
                    class="bar"
                    aria-hidden="true"
                    style={{ width: `calc((100% - 0.8rem) * ${s.distribution[g] / most})` }}
                  />
                  <span class="bar-value">{s.distribution[g]}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function AtRisk({ subjects }: { subjects: SubjectStatistics[] }) {
  const { t, lang } = useApp();
  const risky = subjects.filter((s) => s.students_at_risk.length > 0);
  return (
    <Panel id="risk-heading" title={t('stats.atRisk')}>
      <p class="hint">{t('stats.atRiskIntro')}</p>
      {risky.length === 0 ? (
        <p data-testid="no-risk">{t('stats.noRisk')}</p>
      ) : (
        <div data-testid="students-at-risk">
          {risky.map((s) => (
            <section key={s.subject.id} aria-labelledby={`risk-${s.subject.id}`} class="risk-subject">
              <h3 id={`risk-${s.subject.id}`}>{s.subject.name}</h3>
              <ul>
                {s.students_at_risk.map((r) => (
                  <li key={r.student.id}>
                    <strong>{listName(r.student)}</strong>
                    {' — '}
                    {t('stats.riskLine', {
                      average: formatAverage(r.average, lang),
                      n: r.counted_grades,
                      reasons: r.reasons.map((x) => t(`stats.reason.${x}` as MessageKey)).join('; '),
                    })}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Panel>
  );
}

function ClassStatistics({
  schoolId,
  classes,
  cls,
  term,
}: {
  schoolId: number;
  classes: SchoolClass[];
  cls: SchoolClass;
  term: string;
}) {
  const { t, lang } = useApp();
  const { search } = useLocation();
  const stats = useLoad(
    () => get<GradeStatistics>(`/schools/${schoolId}/grade-statistics${query({ class_id: cls.id, term })}`),
    [schoolId, cls.id, term],
  );
  const go = (next: { class_id?: string; term?: string }) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(next)) params.set(key, value);
    navigate(`${PATH}?${params.toString()}`, true);
  };
  return (
    <>
      <div class="filter-bar day-picker">
        <SelectField
          id="stats_class"
          label={t('assignments.filterClass')}
          value={String(cls.id)}
          onValue={(v) => go({ class_id: v })}
          options={classes.map((c) => ({ value: String(c.id), label: c.name }))}
        />
        <SelectField
          id="stats_term"
          label={t('gradebook.term')}
          value={term || String(stats.data?.term ?? '')}
          onValue={(v) => go({ term: v })}
          options={[1, 2].map((n) => ({ value: String(n), label: t('grade.term', { n }) }))}
        />
      </div>
      <LoadState state={stats}>
        {(data) => (
          <>
            <Panel id="stats-heading" title={t('stats.title', { name: data.class.name, n: data.term })}>
              <p class="muted">
                {t('stats.termEnds', { year: data.year.name, date: formatDate(data.term_ends_on, lang) })}
              </p>
              {data.subjects.length === 0 ? <p>{t('stats.noSubjects')}</p> : <Distribution stats={data} />}
            </Panel>
            <AtRisk subjects={data.subjects} />
          </>
        )}
      </LoadState>
    </>
  );
}

export function GradeStatisticsPage() {
  const { t, me } = useApp();
  const { search } = useLocation();
  const schoolId = me?.school?.id ?? 0;
  const office = !!me && OFFICE.includes(me.user.role);
  const classes = useClassesOf(schoolId, me?.user.id ?? 0, office);
  const term = search.get('term') === '1' || search.get('term') === '2' ? (search.get('term') as string) : '';
  return (
    <>
      <PageHeading title={t('nav.gradeStatistics')} />
      <LoadState state={classes}>
        {({ mine: list }) => {
          if (list.length === 0) return <p>{t('stats.noClasses')}</p>;
          const cls = list.find((c) => String(c.id) === search.get('class_id')) ?? list[0];
          return <ClassStatistics schoolId={schoolId} classes={list} cls={cls} term={term} />;
        }}
      </LoadState>
    </>
  );
}
