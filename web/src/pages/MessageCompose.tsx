// A new message: recipients chosen from the groups the user may write to (searchable, grouped by kind, each with a
// name that says who it is), a subject and a body. The API's errors land on the fields, and on the recipients it
// refuses (`to.<key>`).
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../api';
import { groupsByKind, recipientLabel } from '../communication/recipients';
import type { RecipientGroup } from '../communication/types';
import { Notice, Submit, TextAreaField, TextField } from '../components/fields';
import { useForm } from '../components/form';
import { LoadState, useLoad } from '../components/page';
import { useApp } from '../context';
import type { MessageKey } from '../i18n';

/** A section longer than this starts folded until the user searches. */
const FOLDED_FROM = 12;

const checkboxId = (key: string) => `recipient-${key.replace(/[^a-z0-9_-]/gi, '-')}`;

function RecipientPicker({
  groups,
  chosen,
  errors,
  onToggle,
}: {
  groups: RecipientGroup[];
  chosen: string[];
  errors: Record<string, string>;
  onToggle: (key: string, on: boolean) => void;
}) {
  const { t } = useApp();
  const [filter, setFilter] = useState('');
  const sections = groupsByKind(groups, filter, t);
  const found = sections.reduce((n, s) => n + s.items.length, 0);
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const refused = Object.entries(errors).filter(([field]) => field.startsWith('to.'));
  const error = errors.to ?? (refused.length ? t('messages.refusedRecipients', { n: refused.length }) : undefined);
  const label = (key: string) => {
    const g = byKey.get(key);
    return g ? recipientLabel(g, t) : t('messages.unknownRecipient', { key });
  };
  return (
    <fieldset class={`recipients${error ? ' has-error' : ''}`}>
      <legend>{t('messages.recipients')}</legend>
      <h3 id="chosen-heading" class="chosen-heading">
        {t('messages.chosen', { n: chosen.length })}
      </h3>
      {chosen.length === 0 ? (
        <p class="muted">{t('messages.noneChosen')}</p>
      ) : (
        <ul class="plain chosen" aria-labelledby="chosen-heading" data-testid="chosen-recipients">
          {chosen.map((key) => {
            const problem = errors[`to.${key}`];
            return (
              <li key={key} class={`chosen-item${problem ? ' has-error' : ''}`}>
                <span>{label(key)}</span>
                <button
                  type="button"
                  class="button small"
                  aria-label={t('messages.removeRecipient', { name: label(key) })}
                  onClick={() => onToggle(key, false)}
                >
                  <span aria-hidden="true">✕</span>
                </button>
                {problem && (
                  <p class="field-error" id={`${checkboxId(key)}-error`}>
                    <span aria-hidden="true">⚠ </span>
                    {problem}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p class="field-error" id="compose-to-error" role="alert">
          {error}
        </p>
      )}
      <div class="field">
        <label for="recipient_search">{t('messages.findRecipient')}</label>
        <input
          id="recipient_search"
          type="search"
          value={filter}
          onInput={(e) => setFilter(e.currentTarget.value)}
          autocomplete="off"
          aria-controls="recipient-groups"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={['recipient-search-hint', error ? 'compose-to-error' : ''].filter(Boolean).join(' ')}
        />
        <p class="hint" id="recipient-search-hint">
          {t('messages.findHint')}
        </p>
      </div>
      <p class="visually-hidden" aria-live="polite">
        {filter ? t('messages.found', { n: found }) : ''}
      </p>
      <div id="recipient-groups" class="recipient-groups">
        {sections.length === 0 && <p>{t('messages.noRecipients')}</p>}
        {sections.map((s) => (
          <details key={s.kind} class="recipient-kind" open={filter !== '' || s.items.length < FOLDED_FROM}>
            <summary>
              {t(`recipients.kind.${s.kind}` as MessageKey)} ({s.items.length})
            </summary>
            <ul class="plain recipient-options">
              {s.items.map(({ group, label }) => {
                const problem = errors[`to.${group.key}`];
                return (
                  <li key={group.key} class="field checkbox">
                    <input
                      type="checkbox"
                      id={checkboxId(group.key)}
                      checked={chosen.includes(group.key)}
                      onChange={(e) => onToggle(group.key, e.currentTarget.checked)}
                      aria-invalid={problem ? 'true' : undefined}
                      aria-describedby={problem ? `${checkboxId(group.key)}-error` : undefined}
                    />
                    <label for={checkboxId(group.key)}>{label}</label>
                  </li>
                );
              })}
            </ul>
          </details>
        ))}
      </div>
    </fieldset>
  );
}

/** The form of a new message; `initialTo` are recipient keys given in the address (`to=homeroom:12`). */
export function MessageCompose({
  initialTo,
  onSent,
  onCancel,
}: {
  initialTo: string[];
  onSent: (sent: { id: number; recipients: number }) => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const recipients = useLoad(() => get<{ items: RecipientGroup[] }>('/messages/recipients'), []);
  const form = useForm({ to: [...new Set(initialTo)], subject: '', body: '' });
  const { values, set, errors } = form;
  useEffect(() => document.getElementById('compose-title')?.focus(), []);

  const toggle = (key: string, on: boolean) =>
    set('to', on ? [...values.to.filter((k) => k !== key), key] : values.to.filter((k) => k !== key));
  const send = form.submit(async () => {
    const sent = await post<{ id: number; recipients: number }>('/messages', values);
    onSent(sent);
  });

  return (
    <section class="compose" aria-labelledby="compose-title">
      <h2 id="compose-title" tabIndex={-1}>
        {t('messages.newMessage')}
      </h2>
      <LoadState state={recipients}>
        {(data) => (
          <form class="form" ref={form.formRef} onSubmit={send} noValidate>
            {form.error && <Notice kind="error">{form.error}</Notice>}
            <RecipientPicker groups={data.items} chosen={values.to} errors={errors} onToggle={toggle} />
            <TextField
              id="subject"
              label={t('messages.subject')}
              value={values.subject}
              onValue={(v) => set('subject', v)}
              maxLength={200}
              autocomplete="off"
              required
              error={errors.subject}
            />
            <TextAreaField
              id="body"
              label={t('messages.body')}
              value={values.body}
              onValue={(v) => set('body', v)}
              maxLength={20000}
              rows={10}
              required
              error={errors.body}
            />
            <div class="actions">
              <Submit busy={form.busy} label={t('messages.send')} busyLabel={t('messages.sending')} />
              <button type="button" class="button" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        )}
      </LoadState>
    </section>
  );
}
