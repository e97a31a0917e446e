// Showing excuses: the status badge and covered lessons (shared with the excuse inbox), and a child's list of them.
import type { Excuse } from '../api';
import { Panel } from '../components/page';
import { useApp } from '../context';
import { formatDate, formatDateTime } from '../format';
import type { MessageKey } from '../i18n';

export function ExcuseStatusBadge({ status }: { status: Excuse['status'] }) {
  const { t } = useApp();
  return <span class={`badge excuse-${status}`}>{t(`excuse.status.${status}` as MessageKey)}</span>;
}

/** The lessons an excuse covers, by day. */
export function ExcuseLessons({ excuse }: { excuse: Excuse }) {
  const { t, lang } = useApp();
  return (
    <ul class="excuse-lessons">
      {excuse.lessons.map((l) => (
        <li key={l.lesson_id}>
          {formatDate(l.date, lang)}, {t('lessons.number', { n: l.lesson_number }).toLowerCase()}: {l.subject} ({l.code}
          )
        </li>
      ))}
    </ul>
  );
}

export function ExcuseList({ excuses }: { excuses: Excuse[] }) {
  const { t, lang } = useApp();
  return (
    <Panel id="excuses-heading" title={t('excuse.list')}>
      {excuses.length === 0 ? (
        <p>{t('excuse.none')}</p>
      ) : (
        <ul class="plain excuse-list" data-testid="excuse-list">
          {excuses.map((e) => (
            <li key={e.id} class="card excuse-card">
              <p>
                <ExcuseStatusBadge status={e.status} />{' '}
                <span class="muted">{t('excuse.sent', { at: formatDateTime(e.created_at, lang) })}</span>
              </p>
              <p>
                {t('excuse.reasonIs', { reason: t(`excuse.reason.${e.reason}` as MessageKey) })}
                {e.note && ` — ${e.note}`}
              </p>
              <ExcuseLessons excuse={e} />
              {e.comment && <p>{t('excuse.comment', { comment: e.comment })}</p>}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
