// Messages (wiadomości): the mailbox with its folders, a search, the list of a folder, an opened message and the
// form for a new one. Where the user is lives in the address (`folder`, `q`, `id`, `compose`), so the browser's Back
// goes from a message to its list. Wide screens show the list beside the message; a phone shows one at a time.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, query } from '../api';
import { recipientLabel } from '../communication/recipients';
import { FOLDERS, type MessageFolder, type MessagePage, type MessageSummary } from '../communication/types';
import { useUnreadCount } from '../communication/unread';
import { Notice } from '../components/fields';
import { useErrorText } from '../components/form';
import { LoadState, PageHeading, useLoad } from '../components/page';
import { useApp } from '../context';
import { useLiveRefresh } from '../feed/live';
import { formatDateTime, fullName } from '../format';
import type { MessageKey } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { MessageCompose } from './MessageCompose';
import { MessageView } from './MessageView';

const PATH = '/messages';
const PAGE_SIZE = 30;

/** The address of a folder (with its search) or of a message in it. */
function mailboxHref(folder: MessageFolder, params: { q?: string; id?: number } = {}): string {
  return `${PATH}${query({ folder: folder === 'inbox' ? undefined : folder, q: params.q, id: params.id })}`;
}

/** Where focus goes when the list shows again: the entry of the message just closed, or the folder's heading. */
let pendingFocus: number | 'heading' | null = null;

function FolderNav({ folder }: { folder: MessageFolder }) {
  const { t } = useApp();
  const unread = useUnreadCount();
  return (
    <nav class="folder-nav" aria-label={t('messages.folders')}>
      <ul>
        {FOLDERS.map((f) => (
          <li key={f}>
            <Link
              href={mailboxHref(f)}
              current={f === folder}
              describedBy={f === 'inbox' && unread ? 'folder-unread' : undefined}
            >
              {t(`messages.folder.${f}` as MessageKey)}
              {f === 'inbox' && !!unread && (
                <span class="nav-badge" aria-hidden="true">
                  {unread}
                </span>
              )}
            </Link>
            {f === 'inbox' && !!unread && (
              <span id="folder-unread" hidden>
                {t('messages.unreadCount', { n: unread })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SearchForm({ folder, q }: { folder: MessageFolder; q: string }) {
  const { t } = useApp();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const submit = (e: Event) => {
    e.preventDefault();
    navigate(mailboxHref(folder, { q: text.trim() || undefined }), true);
  };
  return (
    <form role="search" class="message-search" onSubmit={submit}>
      <label for="message_search" class="visually-hidden">
        {t('messages.searchLabel', { folder: t(`messages.folder.${folder}` as MessageKey) })}
      </label>
      <input
        id="message_search"
        type="search"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        placeholder={t('messages.searchPlaceholder')}
        maxLength={100}
        autocomplete="off"
      />
      <button type="submit" class="button">
        {t('messages.search')}
      </button>
    </form>
  );
}

/** Who a list entry is from (received) or to (one's own). */
function Party({ m }: { m: MessageSummary }) {
  const { t } = useApp();
  if (!m.mine) return <>{fullName(m.sender)}</>;
  return <>{t('messages.toList', { names: m.to.map((g) => recipientLabel(g, t)).join(', ') })}</>;
}

function MessageItem({
  m,
  href,
  selected,
  read,
}: {
  m: MessageSummary;
  href: string;
  selected: boolean;
  read: boolean;
}) {
  const { t, lang } = useApp();
  const unread = !read;
  return (
    <li class={`message-item${unread ? ' unread' : ''}${selected ? ' selected' : ''}`} data-message={m.id}>
      <p class="message-party">
        {unread && (
          <span class="unread-dot" aria-hidden="true">
            ●{' '}
          </span>
        )}
        <Party m={m} />
      </p>
      <p class="message-subject">
        <Link href={href} current={selected}>
          {unread && <span class="visually-hidden">{t('messages.unread')}: </span>}
          {m.subject}
        </Link>
      </p>
      <p class="message-preview">{m.preview.replace(/\s+/g, ' ')}</p>
      <p class="message-date">
        <time dateTime={m.sent_at}>{formatDateTime(m.sent_at, lang)}</time>
      </p>
    </li>
  );
}

/** One folder's messages, newest first, with "older" pages appended on demand. */
function MessageList({
  folder,
  q,
  selected,
  opened,
  version,
}: {
  folder: MessageFolder;
  q: string;
  selected: number | null;
  opened: Set<number>;
  version: number;
}) {
  const { t } = useApp();
  const errorText = useErrorText();
  const first = useLoad(
    () => get<MessagePage>(`/messages${query({ folder, q, limit: PAGE_SIZE })}`),
    [folder, q, version],
  );
  // A message received shows at the top of the inbox (a search keeps its results).
  useLiveRefresh(folder === 'inbox' && !q ? ['message.received'] : [], first.reload);
  const [more, setMore] = useState<MessageSummary[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  useEffect(() => {
    setMore([]);
    setCursor(first.data?.next_cursor ?? null);
  }, [first.data]);
  useEffect(() => {
    if (selected !== null || pendingFocus === null) return;
    const link = document.querySelector<HTMLElement>(`[data-message="${pendingFocus}"] a`);
    (link ?? document.getElementById('folder-heading'))?.focus();
    pendingFocus = null;
  }, [selected, first.data]);

  const loadMore = async () => {
    if (cursor === null || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await get<MessagePage>(`/messages${query({ folder, q, limit: PAGE_SIZE, cursor })}`);
      setMore((m) => [...m, ...page.items]);
      setCursor(page.next_cursor);
    } catch (e) {
      setMoreError(errorText(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const heading = q
    ? t('messages.results', { q, folder: t(`messages.folder.${folder}` as MessageKey) })
    : t(`messages.folder.${folder}` as MessageKey);
  return (
    <section class="message-list-section" aria-labelledby="folder-heading">
      <h2 id="folder-heading" tabIndex={-1}>
        {heading}
      </h2>
      {q && (
        <p>
          <Link href={mailboxHref(folder)}>{t('messages.clearSearch')}</Link>
        </p>
      )}
      <LoadState state={first}>
        {(page) => {
          const items = [...page.items, ...more];
          if (items.length === 0)
            return <p>{q ? t('messages.noResults') : t(`messages.empty.${folder}` as MessageKey)}</p>;
          return (
            <>
              <ul class="plain message-list" data-testid="message-list">
                {items.map((m) => (
                  <MessageItem
                    key={m.id}
                    m={m}
                    href={mailboxHref(folder, { q: q || undefined, id: m.id })}
                    selected={m.id === selected}
                    read={m.read || opened.has(m.id)}
                  />
                ))}
              </ul>
              {moreError && <Notice kind="error">{moreError}</Notice>}
              {cursor !== null && (
                <p>
                  <button
                    type="button"
                    class="button"
                    aria-disabled={loadingMore ? 'true' : undefined}
                    onClick={() => void loadMore()}
                  >
                    {loadingMore ? t('app.loading') : t('messages.more')}
                  </button>
                </p>
              )}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

export function MessagesPage() {
  const { t } = useApp();
  const { search } = useLocation();
  const folderParam = search.get('folder') as MessageFolder | null;
  const folder: MessageFolder = folderParam && FOLDERS.includes(folderParam) ? folderParam : 'inbox';
  const q = search.get('q') ?? '';
  const id = Number(search.get('id')) || null;
  const compose = search.has('compose');
  const listHref = mailboxHref(folder, { q: q || undefined });
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState<Set<number>>(new Set());

  // What was just done (sent, moved, deleted) is said until the user moves elsewhere in the mailbox.
  const place = search.toString();
  const [flash, setFlash] = useState<{ text: string; place: string } | null>(null);
  const say = (text: string, href: string) =>
    setFlash({ text, place: new URLSearchParams(href.split('?')[1]).toString() });

  // Back from the form: the folder may have a new message.
  const wasComposing = useRef(compose);
  useEffect(() => {
    if (wasComposing.current && !compose) setVersion((v) => v + 1);
    wasComposing.current = compose;
  }, [compose]);

  return (
    <>
      <PageHeading title={t('nav.messages')} />
      {flash && flash.place === place && <Notice kind="success">{flash.text}</Notice>}
      {compose ? (
        <MessageCompose
          initialTo={search
            .getAll('to')
            .flatMap((v) => v.split(','))
            .filter(Boolean)}
          onSent={(sent) => {
            const href = mailboxHref('sent', { id: sent.id });
            say(t('messages.sent', { n: sent.recipients }), href);
            navigate(href, true);
          }}
          onCancel={() => navigate(listHref, true)}
        />
      ) : (
        <>
          <div class="mailbox-tools">
            <Link href={`${PATH}?compose=1`} class="button primary">
              <span aria-hidden="true">✎ </span>
              {t('messages.compose')}
            </Link>
            <FolderNav folder={folder} />
          </div>
          <div class={`mailbox${id ? ' has-message' : ''}`}>
            <div class="mailbox-list">
              <SearchForm folder={folder} q={q} />
              <MessageList folder={folder} q={q} selected={id} opened={opened} version={version} />
            </div>
            {id && (
              <MessageView
                key={`${id}-${version}`}
                id={id}
                backHref={listHref}
                onBack={() => {
                  pendingFocus = id;
                }}
                onOpened={() => setOpened((s) => new Set(s).add(id))}
                onMoved={(text) => {
                  pendingFocus = 'heading';
                  say(text, listHref);
                  setVersion((v) => v + 1);
                  navigate(listHref, true);
                }}
                onReplied={(text) => {
                  say(text, `${PATH}?${place}`);
                  setVersion((v) => v + 1);
                }}
              />
            )}
          </div>
        </>
      )}
    </>
  );
}
