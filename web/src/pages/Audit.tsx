// The audit log of the school: newest first, paged with next_cursor ("show older entries").
import { useState } from 'preact/hooks';
import { get, query, type AuditEntry, type Page } from '../api';
import { useErrorText } from '../components/form';
import { Notice } from '../components/fields';
import { PageHeading, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { LOCALES } from '../i18n';

const PAGE_SIZE = 50;

/** An RFC 3339 instant in Warsaw time; an unparseable value is shown as sent. */
function formatInstant(format: Intl.DateTimeFormat, at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : format.format(date);
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useApp();
  if (entry.before == null && entry.after == null) return null;
  const show = (v: unknown) => (v == null ? '—' : JSON.stringify(v, null, 1));
  return (
    <details>
      <summary>{t('audit.details')}</summary>
      {entry.before != null && (
        <>
          <p class="audit-label">{t('audit.before')}</p>
          <pre>{show(entry.before)}</pre>
        </>
      )}
      {entry.after != null && (
        <>
          <p class="audit-label">{t('audit.after')}</p>
          <pre>{show(entry.after)}</pre>
        </>
      )}
    </details>
  );
}

export function AuditPage() {
  const { t, lang, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const first = useLoad(
    () => get<Page<AuditEntry>>(`/schools/${schoolId}/audit${query({ limit: PAGE_SIZE })}`),
    [schoolId],
  );
  const [more, setMore] = useState<{ items: AuditEntry[]; cursor: string | number | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();

  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (first.data?.next_cursor ?? null);
  const when = new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Warsaw',
  });

  const loadMore = async () => {
    if (!cursor || busy) return;
    setBusy(true);
    setError(null);
    try {
      const page = await get<Page<AuditEntry>>(`/schools/${schoolId}/audit${query({ limit: PAGE_SIZE, cursor })}`);
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.next_cursor ?? null });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t('audit.title')} />
      {first.error && <Notice kind="error">{first.error}</Notice>}
      {!first.data && !first.error && (
        <p class="muted" role="status" data-loading>
          {t('app.loading')}
        </p>
      )}
      {first.data && items.length === 0 && <p>{t('audit.empty')}</p>}
      {items.length > 0 && (
        <TableRegion caption={t('audit.title')}>
          <table class="audit">
            <caption class="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.object')}</th>
                <th scope="col">{t('audit.address')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{formatInstant(when, e.at)}</time>
                  </td>
                  <td>{e.actor_login ?? '—'}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.object_type}
                    {e.object_id != null ? ` #${e.object_id}` : ''}
                  </td>
                  <td>{e.address ?? '—'}</td>
                  <td>
                    <Changes entry={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {first.data &&
        items.length > 0 &&
        (cursor ? (
          <p>
            <button type="button" class="button" onClick={loadMore} aria-disabled={busy ? 'true' : undefined}>
              {busy ? t('app.loading') : t('audit.more')}
            </button>
          </p>
        ) : (
          <p class="muted">{t('audit.end')}</p>
        ))}
    </>
  );
}
