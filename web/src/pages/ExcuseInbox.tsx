// The excuse inbox: the excuses of the homeroom teacher's classes (the whole school for admin and secretary) in one
// status (kept in the address, pending by default), with Accept and Reject (a rejection needs a comment saying why).
import { useState } from 'preact/hooks';
import { get, post, query, type Excuse, type ExcuseStatus } from '../api';
import { ExcuseLessons, ExcuseStatusBadge } from '../attendance/ExcuseList';
import { useErrorText, useForm } from '../components/form';
import { Notice, SelectField, Submit, TextAreaField } from '../components/fields';
import { LoadState, PageHeading, useLoad } from '../components/page';
import { useApp } from '../context';
import { formatDateTime, fullName } from '../format';
import type { MessageKey } from '../i18n';
import { navigate, useLocation } from '../router';

const PATH = '/excuses';
const STATUSES: ExcuseStatus[] = ['pending', 'accepted', 'rejected'];

const who = (e: Excuse) => `${fullName(e.student)} (${e.student.class_name})`;

/** The reject form under a pending excuse: a required comment, refused by the API when blank. */
function RejectForm({
  excuse,
  onDecided,
  onCancel,
}: {
  excuse: Excuse;
  onDecided: (e: Excuse) => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const form = useForm({ comment: '' });
  const id = `reject_comment_${excuse.id}`;
  const save = form.submit(async () => {
    const decided = await post<Excuse>(`/excuses/${excuse.id}/decision`, {
      decision: 'rejected',
      comment: form.values.comment.trim(),
    });
    onDecided(decided);
  });
  return (
    <form class="form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && !form.errors.comment && <Notice kind="error">{form.error}</Notice>}
      <TextAreaField
        id={id}
        label={t('inbox.rejectComment')}
        hint={t('inbox.rejectHint')}
        value={form.values.comment}
        onValue={(v) => form.set('comment', v)}
        maxLength={500}
        required
        error={form.errors.comment}
      />
      <div class="actions">
        <Submit busy={form.busy} label={t('inbox.rejectConfirm')} busyLabel={t('common.saving')} />
        <button type="button" class="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ExcuseCard({ excuse, onDecided }: { excuse: Excuse; onDecided: (e: Excuse) => void }) {
  const { t, lang } = useApp();
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  const headingId = `excuse-${excuse.id}-heading`;

  const accept = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onDecided(await post<Excuse>(`/excuses/${excuse.id}/decision`, { decision: 'accepted' }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="card excuse-card" data-testid="inbox-excuse">
      <h3 id={headingId}>{who(excuse)}</h3>
      <p>
        <ExcuseStatusBadge status={excuse.status} />{' '}
        <span class="muted">{t('excuse.sent', { at: formatDateTime(excuse.created_at, lang) })}</span>
      </p>
      <p>
        {t('excuse.reasonIs', { reason: t(`excuse.reason.${excuse.reason}` as MessageKey) })}
        {excuse.note && ` — ${excuse.note}`}
      </p>
      <ExcuseLessons excuse={excuse} />
      {excuse.comment && <p>{t('excuse.comment', { comment: excuse.comment })}</p>}
      {excuse.decided_at && (
        <p class="muted">{t('inbox.decidedAt', { at: formatDateTime(excuse.decided_at, lang) })}</p>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {excuse.status === 'pending' &&
        (rejecting ? (
          <RejectForm excuse={excuse} onDecided={onDecided} onCancel={() => setRejecting(false)} />
        ) : (
          <div class="actions">
            <button
              type="button"
              class="button primary"
              aria-disabled={busy ? 'true' : undefined}
              aria-label={t('inbox.acceptLabel', { who: who(excuse) })}
              onClick={() => void accept()}
            >
              {busy ? t('common.saving') : t('inbox.accept')}
            </button>
            <button
              type="button"
              class="button"
              aria-label={t('inbox.rejectLabel', { who: who(excuse) })}
              onClick={() => {
                setRejecting(true);
                setTimeout(() => document.getElementById(`reject_comment_${excuse.id}`)?.focus(), 0);
              }}
            >
              {t('inbox.reject')}
            </button>
          </div>
        ))}
    </li>
  );
}

export function ExcuseInboxPage() {
  const { t } = useApp();
  const { search } = useLocation();
  const raw = search.get('status') as ExcuseStatus | null;
  const status: ExcuseStatus = raw && STATUSES.includes(raw) ? raw : 'pending';
  const excuses = useLoad(() => get<{ items: Excuse[] }>(`/teacher/excuses${query({ status })}`), [status]);
  const [decided, setDecided] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState('');

  const onDecided = (e: Excuse) => {
    setDecided((d) => new Set(d).add(e.id));
    setMessage(
      t(e.status === 'accepted' ? 'inbox.accepted' : 'inbox.rejected', {
        who: who(e),
      }),
    );
    document.getElementById('inbox-list-heading')?.focus();
  };

  return (
    <>
      <PageHeading title={t('nav.excuses')} />
      <div class="filter-bar">
        <SelectField
          id="inbox_status"
          label={t('inbox.status')}
          value={status}
          onValue={(v) => {
            setMessage('');
            setDecided(new Set());
            navigate(`${PATH}${query({ status: v === 'pending' ? '' : v })}`, true);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`inbox.status.${s}` as MessageKey) }))}
        />
      </div>
      <p role="status" class="inbox-message" data-testid="inbox-message">
        {message}
      </p>
      <section class="panel" aria-labelledby="inbox-list-heading">
        <h2 id="inbox-list-heading" tabIndex={-1}>
          {t(`inbox.heading.${status}` as MessageKey)}
        </h2>
        <LoadState state={excuses}>
          {(data) => {
            const items = data.items.filter((e) => !decided.has(e.id));
            return items.length === 0 ? (
              <p data-testid="inbox-empty">{t(`inbox.empty.${status}` as MessageKey)}</p>
            ) : (
              <ul class="plain excuse-list" data-testid="inbox-list" aria-labelledby="inbox-list-heading">
                {items.map((e) => (
                  <ExcuseCard key={e.id} excuse={e} onDecided={onDecided} />
                ))}
              </ul>
            );
          }}
        </LoadState>
      </section>
    </>
  );
}
