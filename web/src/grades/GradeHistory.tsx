// The history of changes to a student's grades, newest first, with who changed them and when.
import type { StaffRef } from '../api';
import { Panel } from '../components/page';
import { useApp } from '../context';
import { formatDateTime, fullName } from '../format';
import type { Translate } from '../i18n';
import { gradeChangeText } from './show';
import type { GradeChange, StudentGrades } from './types';

/** "Język angielski: ocena zmieniona z 3 na 4". */
function changeText(c: GradeChange, data: StudentGrades, t: Translate): string {
  const subject = data.subjects.find((s) => s.subject.id === c.subject_id)?.subject.name ?? t('grades.behaviour');
  return `${subject}: ${gradeChangeText(c.what, c.before, c.after, t)}`;
}

export function History({ data, teachers }: { data: StudentGrades; teachers: Map<number, StaffRef> }) {
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
