// The family's grades: per subject the grades in order (each opens its details: category, weight, date, teacher,
// description, comment), marks that do not count set apart, new ones highlighted; the averages with the class's,
// the predicted and final grades; a term switch; the average calculators; behaviour; and the history of changes.
// Once shown, the grades are marked seen, so they are no longer new at the next visit.
import { useEffect, useRef } from 'preact/hooks';
import { get, post, type VisibleStudent } from '../api';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import { useLiveRefresh } from '../feed/live';
import { Behaviour } from '../grades/Behaviour';
import { Calculators } from '../grades/Calculators';
import { History } from '../grades/GradeHistory';
import { PeriodSwitch, type Period } from '../grades/PeriodSwitch';
import { formatAverage, isUnread } from '../grades/show';
import { SubjectSection } from '../grades/SubjectGrades';
import type { StudentGrades } from '../grades/types';
import { navigate, useLocation } from '../router';
import { ChildPicker, useChosenStudent } from './family';

const PATH = '/grades';

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
