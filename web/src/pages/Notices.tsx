// Announcements (ogłoszenia): the school's notice board. Everyone sees those addressed to them, unread ones set apart;
// opening one marks it read. The office posts to anyone and teachers to their classes; the author and the office see
// who has read it, and may delete it.
import { useState } from 'preact/hooks';
import { del, get, query, type Role, type SchoolClass } from '../api';
import type { Notice as SchoolNotice, OpenedNotice } from '../communication/types';
import { refreshUnreadNotices } from '../communication/unread';
import { CheckboxField, Notice } from '../components/fields';
import { useErrorText } from '../components/form';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import { useLiveRefresh } from '../feed/live';
import { byPolish, formatDate, formatDateRange, formatDateTime, fullName, listName } from '../format';
import type { MessageKey } from '../i18n';
import { navigate, useLocation } from '../router';
import { NoticeForm } from './NoticeForm';
import { useClassesOf } from './organisation';

const PATH = '/notices';
const OFFICE: Role[] = ['admin', 'director', 'secretary'];
const POSTERS: Role[] = [...OFFICE, 'teacher', 'pedagogue'];

function Audience({ n, classes }: { n: SchoolNotice; classes: Map<number, string> }) {
  const { t } = useApp();
  if (n.audience !== 'classes') return <>{t(`notices.audience.${n.audience}` as MessageKey)}</>;
  const names = n.class_ids.map((id) => classes.get(id) ?? `#${id}`).sort(byPolish);
  return <>{t('notices.audience.classesNamed', { names: names.join(', ') })}</>;
}

function Readers({ readers, of }: { readers: NonNullable<OpenedNotice['readers']>; of?: number }) {
  const { t, lang } = useApp();
  return (
    <div class="readers">
      <h3>
        {of === undefined
          ? t('notices.readers', { n: readers.length })
          : t('notices.readOf', { n: readers.length, total: of })}
      </h3>
      {readers.length === 0 ? (
        <p class="muted">{t('notices.noReaders')}</p>
      ) : (
        <ul class="plain receipt-list" data-testid="notice-readers">
          {readers.map((r) => (
            <li key={r.user.id}>
              <span aria-hidden="true">✓ </span>
              {listName(r.user)} <span class="muted">({t(`role.${r.user.role}` as MessageKey)})</span>
              {' — '}
              <time dateTime={r.read_at}>{formatDateTime(r.read_at, lang)}</time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NoticeCard({
  n,
  classes,
  canDelete,
  onRead,
  onDeleted,
}: {
  n: SchoolNotice;
  classes: Map<number, string>;
  canDelete: boolean;
  onRead: () => void;
  onDeleted: (title: string) => void;
}) {
  const { t, lang, me } = useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState<OpenedNotice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unread = !n.read && n.for_me;
  const staff = me?.user.role !== 'parent' && me?.user.role !== 'student';

  const toggle = async () => {
    if (open) return setOpen(false);
    setOpen(true);
    setError(null);
    try {
      setOpened(await get<OpenedNotice>(`/notices/${n.id}`));
      onRead();
      if (unread) void refreshUnreadNotices();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const remove = async () => {
    if (!window.confirm(t('notices.deleteConfirm', { title: n.title }))) return;
    try {
      await del(`/notices/${n.id}`);
      onDeleted(n.title);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <li class={`card notice-card${unread ? ' unread' : ''}`} data-notice={n.id}>
      <h2 class="notice-title">
        <button
          type="button"
          class="notice-toggle"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={open ? `notice-${n.id}` : undefined}
          onClick={() => void toggle()}
        >
          {unread && (
            <span class="badge new-badge">
              <span aria-hidden="true">● </span>
              {t('notices.new')}
            </span>
          )}{' '}
          <span class="notice-title-text">{n.title}</span>
        </button>
      </h2>
      <p class="notice-meta muted">
        {fullName(n.author)} · {formatDate(n.created_at.slice(0, 10), lang)}
        {staff && (
          <>
            {' · '}
            <Audience n={n} classes={classes} />
            {' · '}
            {t('notices.valid', { range: formatDateRange(n.valid_from, n.valid_to, lang) })}
          </>
        )}
      </p>
      {open && (
        <div id={`notice-${n.id}`} class="notice-content">
          {error && <Notice kind="error">{error}</Notice>}
          {opened ? (
            <>
              <div class="message-body">{opened.body}</div>
              {opened.readers && <Readers readers={opened.readers} of={opened.audience_size} />}
            </>
          ) : (
            !error && (
              <p class="muted" role="status" data-loading>
                {t('app.loading')}
              </p>
            )
          )}
        </div>
      )}
      {canDelete && (
        <p class="notice-actions">
          <button
            type="button"
            class="button small danger"
            aria-label={t('notices.deleteLabel', { title: n.title })}
            onClick={() => void remove()}
          >
            {t('notices.delete')}
          </button>
        </p>
      )}
    </li>
  );
}

export function NoticesPage() {
  const { t, me } = useApp();
  const { search } = useLocation();
  const all = search.get('all') === '1';
  const role = me?.user.role;
  const office = !!role && OFFICE.includes(role);
  const poster = !!role && POSTERS.includes(role);
  const notices = useLoad(
    () => get<{ items: SchoolNotice[] }>(`/notices${query({ all: all ? 1 : undefined })}`),
    [all],
  );
  useLiveRefresh(['notice.published'], notices.reload);
  const classes = useClassesOf(poster ? me!.school!.id : null, me?.user.id ?? 0, office);
  const [flash, setFlash] = useState<string | null>(null);
  const [readIds, setReadIds] = useState<Set<number>>(new Set());
  const classNames = new Map<number, string>((classes.data?.all ?? []).map((c: SchoolClass) => [c.id, c.name]));

  return (
    <>
      <PageHeading title={t('nav.notices')} />
      {flash && <Notice kind="success">{flash}</Notice>}
      {poster && (
        <NoticeForm
          office={office}
          classes={classes.data?.mine ?? []}
          onPosted={(n) => {
            setFlash(t('notices.posted', { title: n.title }));
            notices.reload();
          }}
        />
      )}
      <div class="filter-bar">
        <CheckboxField
          id="notices_all"
          label={t('notices.showAll')}
          checked={all}
          onChecked={(on) => navigate(`${PATH}${query({ all: on ? 1 : undefined })}`, true)}
        />
      </div>
      <LoadState state={notices}>
        {(data) =>
          data.items.length === 0 ? (
            <Panel id="notices-empty" title={all ? t('notices.allTitle') : t('notices.currentTitle')}>
              <p>{t('notices.none')}</p>
            </Panel>
          ) : (
            <ul class="plain notice-list" data-testid="notice-list" aria-label={t('notices.listLabel')}>
              {data.items.map((n) => (
                <NoticeCard
                  key={n.id}
                  n={readIds.has(n.id) ? { ...n, read: true } : n}
                  classes={classNames}
                  canDelete={office || n.author.id === me?.user.id}
                  onRead={() => setReadIds((s) => new Set(s).add(n.id))}
                  onDeleted={(title) => {
                    setFlash(t('notices.deleted', { title }));
                    notices.reload();
                  }}
                />
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}
