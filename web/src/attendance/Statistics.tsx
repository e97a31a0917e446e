// A student's attendance statistics for the family: in total and per subject, with the subjects at risk marked.
import type { StudentAttendance, Tally } from '../api';
import { Notice } from '../components/fields';
import { Panel, TableRegion } from '../components/page';
import { useApp } from '../context';
import { formatDate } from '../format';

function percent(tally: Tally, lang: string): string {
  if (tally.percentage === null) return '—';
  return `${tally.percentage.toLocaleString(lang === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 1 })}%`;
}

export function Statistics({ data }: { data: StudentAttendance }) {
  const { t, lang } = useApp();
  const stats = data.statistics;
  return (
    <Panel id="stats-heading" title={t('attendance.stats')}>
      <p class="lead" data-testid="attendance-total">
        {t('attendance.total', { p: percent(stats.total, lang) })}
      </p>
      <p class="muted">{t('attendance.range', { from: formatDate(data.from, lang), to: formatDate(data.to, lang) })}</p>
      {stats.subjects_at_risk.length > 0 && (
        <Notice kind="error">
          <p>
            <span aria-hidden="true">⚠ </span>
            {t('attendance.risk')} {stats.subjects_at_risk.map((s) => s.name).join(', ')}
          </p>
        </Notice>
      )}
      {stats.by_subject.length > 0 && (
        <TableRegion caption={t('attendance.bySubject')}>
          <table data-testid="attendance-subjects">
            <caption class="visually-hidden">{t('attendance.bySubject')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attendance.subject')}</th>
                <th scope="col" class="num">
                  {t('attendance.present')}
                </th>
                <th scope="col" class="num">
                  {t('attendance.absent')}
                </th>
                <th scope="col" class="num">
                  {t('attendance.excused')}
                </th>
                <th scope="col" class="num">
                  {t('attendance.released')}
                </th>
                <th scope="col" class="num">
                  {t('attendance.percentage')}
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.by_subject.map((s) => {
                const risk = stats.subjects_at_risk.some((r) => r.id === s.subject.id);
                return (
                  <tr key={s.subject.id} class={risk ? 'at-risk' : undefined}>
                    <th scope="row">
                      {s.subject.name}
                      {risk && <span class="badge risk"> {t('attendance.riskBadge')}</span>}
                    </th>
                    <td class="num">{s.present}</td>
                    <td class="num">{s.absent}</td>
                    <td class="num">{s.excused}</td>
                    <td class="num">{s.released}</td>
                    <td class="num">{percent(s, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Panel>
  );
}
