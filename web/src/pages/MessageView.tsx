// An opened message: its thread oldest first, for one's own who has read it and when ("Przeczytane 12 z 25"), and
// what can be done with it: reply, archive, move to the trash, restore, delete for good (from the trash).
import { useEffect, useRef, useState } from 'preact/hooks';
import { del, get, patch, post } from '../api';
import { recipientLabel } from '../communication/recipients';
import type { MessageFolder, OpenedMessage, Receipts, ThreadMessage } from '../communication/types';
import { refreshUnread } from '../communication/unread';
import { Notice, Submit, TextAreaField } from '../components/fields';
import { useErrorText, useForm } from '../components/form';
import { LoadState, useLoad } from '../components/page';
import { useApp } from '../context';
import { formatDateTime, fullName, listName } from '../format';
import type { MessageKey } from '../i18n';
import { Link } from '../router';

function Sender({ m }: { m: ThreadMessage }) {
  const { t } = useApp();
  return (
    <>
      {fullName(m.sender)} <span class="muted">({t(`role.${m.sender.role}` as MessageKey)})</span>
    </>
  );
}

function ThreadEntry({ m, current }: { m: ThreadMessage; current: boolean }) {
  const { t, lang } = useApp();
  return (
    <article class={`thread-message${current ? ' current' : ''}`} aria-labelledby={`thread-${m.id}`}>
      <h3 id={`thread-${m.id}`} class="thread-from">
        {m.mine ? t('messages.you') : <Sender m={m} />}
        {current && <span class="visually-hidden"> {t('messages.thisOne')}</span>}
      </h3>
      <dl class="message-meta">
        <dt>{t('messages.to')}</dt>
        <dd>{m.to.map((g) => recipientLabel(g, t)).join(', ')}</dd>
        <dt>{t('messages.date')}</dt>
        <dd>
          <time dateTime={m.sent_at}>{formatDateTime(m.sent_at, lang)}</time>
        </dd>
      </dl>
      <div class="message-body">{m.body}</div>
    </article>
  );
}

function ReceiptList({ receipts }: { receipts: Receipts }) {
  const { t, lang } = useApp();
  return (
    <section class="receipts" aria-labelledby="receipts-heading">
      <h3 id="receipts-heading">{t('messages.receipts')}</h3>
      <p class="receipts-summary" data-testid="receipts-summary">
        {t('messages.readOf', { read: receipts.read, total: receipts.total })}
      </p>
      <details open={receipts.total <= 10}>
        <summary>{t('messages.whoRead')}</summary>
        <ul class="plain receipt-list">
          {receipts.items.map((r) => (
            <li key={r.user.id}>
              <span aria-hidden="true">{r.read_at ? '✓ ' : '○ '}</span>
              {listName(r.user)} <span class="muted">({t(`role.${r.user.role}` as MessageKey)})</span>
              {' — '}
              {r.read_at ? (
                <time dateTime={r.read_at}>{t('messages.readAt', { at: formatDateTime(r.read_at, lang) })}</time>
              ) : (
                <span>{t('messages.notRead')}</span>
              )}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function ReplyForm({
  message,
  onSent,
  onCancel,
}: {
  message: OpenedMessage;
  onSent: () => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const form = useForm({ body: '' });
  useEffect(() => document.getElementById('reply_body')?.focus(), []);
  const save = form.submit(async () => {
    await post('/messages', { reply_to: message.id, body: form.values.body });
    onSent();
  });
  return (
    <form id="reply-form" class="form reply-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <TextAreaField
        id="reply_body"
        label={message.mine ? t('messages.followUpBody') : t('messages.replyBody')}
        hint={message.mine ? t('messages.followUpHint') : t('messages.replyHint', { name: fullName(message.sender) })}
        value={form.values.body}
        onValue={(v) => form.set('body', v)}
        rows={6}
        maxLength={20000}
        required
        error={form.errors.body}
      />
      <div class="actions">
        <Submit busy={form.busy} label={t('messages.sendReply')} busyLabel={t('messages.sending')} />
        <button type="button" class="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Actions({
  message,
  replying,
  onReply,
  onMoved,
}: {
  message: OpenedMessage;
  replying: boolean;
  onReply: () => void;
  onMoved: (text: string) => void;
}) {
  const { t } = useApp();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
      void refreshUnread();
      onMoved(done);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const move = (folder: MessageFolder | 'inbox', done: MessageKey) =>
    run(() => patch(`/messages/${message.id}`, { folder }), t(done, { subject: message.subject }));
  const remove = () => {
    if (!window.confirm(t('messages.deleteConfirm', { subject: message.subject }))) return;
    void run(() => del(`/messages/${message.id}`), t('messages.deleted', { subject: message.subject }));
  };
  const folder = message.folder;
  return (
    <>
      {error && <Notice kind="error">{error}</Notice>}
      <div class="actions message-actions">
        {folder !== 'trash' && (
          <button
            type="button"
            class="button primary"
            aria-expanded={replying ? 'true' : 'false'}
            aria-controls={replying ? 'reply-form' : undefined}
            id="reply-button"
            onClick={onReply}
          >
            <span aria-hidden="true">↩ </span>
            {message.mine ? t('messages.followUp') : t('messages.reply')}
          </button>
        )}
        {(folder === 'inbox' || folder === 'sent') && (
          <button type="button" class="button" onClick={() => void move('archive', 'messages.archived')}>
            {t('messages.archive')}
          </button>
        )}
        {folder !== 'trash' && (
          <button type="button" class="button" onClick={() => void move('trash', 'messages.trashed')}>
            {t('messages.toTrash')}
          </button>
        )}
        {(folder === 'archive' || folder === 'trash') && (
          <button type="button" class="button" onClick={() => void move('inbox', 'messages.restored')}>
            {message.mine ? t('messages.restoreSent') : t('messages.restoreInbox')}
          </button>
        )}
        {folder === 'trash' && (
          <button type="button" class="button danger" onClick={remove}>
            {t('messages.delete')}
          </button>
        )}
      </div>
    </>
  );
}

function Opened({
  message,
  onMoved,
  onReplied,
}: {
  message: OpenedMessage;
  onMoved: (text: string) => void;
  onReplied: (text: string) => void;
}) {
  const { t } = useApp();
  const [replying, setReplying] = useState(false);
  // A message opened from the trash is not in its own thread (the API leaves the trash out): put it in its place.
  const thread = message.thread.some((m) => m.id === message.id)
    ? message.thread
    : [...message.thread, message].sort((a, b) => a.id - b.id);
  return (
    <>
      <Actions message={message} replying={replying} onReply={() => setReplying((r) => !r)} onMoved={onMoved} />
      {message.receipts && <ReceiptList receipts={message.receipts} />}
      {thread.length > 1 ? (
        <ol class="plain thread" aria-label={t('messages.thread', { n: thread.length })}>
          {thread.map((m) => (
            <li key={m.id}>
              <ThreadEntry m={m} current={m.id === message.id} />
            </li>
          ))}
        </ol>
      ) : (
        <ThreadEntry m={message} current />
      )}
      {replying && (
        <ReplyForm
          message={message}
          onSent={() => onReplied(t('messages.replied'))}
          onCancel={() => {
            setReplying(false);
            document.getElementById('reply-button')?.focus();
          }}
        />
      )}
    </>
  );
}

/** The message `id` of the user's mailbox; opening it marks it read. */
export function MessageView({
  id,
  backHref,
  onBack,
  onOpened,
  onMoved,
  onReplied,
}: {
  id: number;
  backHref: string;
  onBack: () => void;
  onOpened: () => void;
  onMoved: (text: string) => void;
  onReplied: (text: string) => void;
}) {
  const { t } = useApp();
  const message = useLoad(() => get<OpenedMessage>(`/messages/${id}`), [id]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!message.data) return;
    onOpened();
    void refreshUnread();
    heading.current?.focus();
  }, [message.data]);
  return (
    <section class="message-view" aria-labelledby="message-title" data-testid="message-view">
      <p class="back-link">
        <Link href={backHref} onNavigate={onBack}>
          <span aria-hidden="true">← </span>
          {t('messages.back')}
        </Link>
      </p>
      <LoadState state={message}>
        {(m) => (
          <>
            <h2 id="message-title" tabIndex={-1} ref={heading}>
              {m.subject}
            </h2>
            <Opened message={m} onMoved={onMoved} onReplied={onReplied} />
          </>
        )}
      </LoadState>
      {!message.data && (
        <h2 class="visually-hidden" id="message-title">
          {t('messages.message')}
        </h2>
      )}
    </section>
  );
}
