// A student's behaviour for the family: the predicted and final behaviour grades and the behaviour points.
import { Fragment } from 'preact';
import type { StaffRef } from '../api';
import { Panel } from '../components/page';
import { useApp } from '../context';
import { formatDate, fullName } from '../format';
import { behaviourName, SUMMARY_KINDS, summaryName } from './show';
import type { StudentGrades } from './types';

export function Behaviour({ data, teachers }: { data: StudentGrades; teachers: Map<number, StaffRef> }) {
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
