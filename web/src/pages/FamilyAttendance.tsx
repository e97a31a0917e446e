// The family attendance page: the statistics (in total and per subject, with the subjects near the half of absences
// that may leave a student unclassified), the marks by day, and for a parent the excuse form: choose absences and
// lateness, single lessons or whole days, give a reason and a note. Below, the child's excuses with their decisions.
import { useState } from 'preact/hooks';
import { get, studentAttendance, type Excuse, type VisibleStudent } from '../api';
import { ExcuseList } from '../attendance/ExcuseList';
import { MarksAndExcuse } from '../attendance/MarksAndExcuse';
import { Statistics } from '../attendance/Statistics';
import { Notice } from '../components/fields';
import { LoadState, PageHeading, useLoad } from '../components/page';
import { useApp } from '../context';
import { useLiveRefresh } from '../feed/live';
import { ChildPicker, useChosenStudent } from './family';

const PATH = '/attendance';

function StudentAttendancePage({ student }: { student: VisibleStudent }) {
  const { t, me } = useApp();
  const attendance = useLoad(() => studentAttendance(student.id), [student.id]);
  const excuses = useLoad(() => get<{ items: Excuse[] }>(`/students/${student.id}/excuses`), [student.id]);
  useLiveRefresh(['attendance.marked', 'excuse.decided'], attendance.reload, student.id);
  useLiveRefresh(['excuse.decided'], excuses.reload, student.id);
  const [sent, setSent] = useState<string | null>(null);
  const canExcuse = me?.user.role === 'parent';
  return (
    <>
      {sent && <Notice kind="success">{sent}</Notice>}
      <LoadState state={attendance}>{(data) => <Statistics data={data} />}</LoadState>
      <LoadState state={excuses}>
        {(list) => {
          const covered = new Set(
            list.items.filter((e) => e.status !== 'rejected').flatMap((e) => e.lessons.map((l) => l.lesson_id)),
          );
          return (
            <>
              <LoadState state={attendance}>
                {(data) => (
                  <MarksAndExcuse
                    student={student}
                    data={data}
                    covered={covered}
                    canExcuse={canExcuse}
                    onSubmitted={(e) => {
                      setSent(t('excuse.submitted', { n: e.lessons.length }));
                      excuses.reload();
                      window.scrollTo(0, 0);
                    }}
                  />
                )}
              </LoadState>
              <ExcuseList excuses={list.items} />
            </>
          );
        }}
      </LoadState>
    </>
  );
}

export function FamilyAttendancePage() {
  const { t } = useApp();
  const { student } = useChosenStudent();
  return (
    <>
      <PageHeading title={t('nav.attendance')} />
      {!student ? (
        <p>{t('home.noStudents')}</p>
      ) : (
        <>
          <ChildPicker id="attendance_student" path={PATH} />
          <StudentAttendancePage key={student.id} student={student} />
        </>
      )}
    </>
  );
}
