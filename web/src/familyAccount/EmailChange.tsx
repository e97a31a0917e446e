// The family account's e-mail address on the family page: the current one, and moving to a new one with the account's
// password. Nothing changes until the link mailed to the new address is opened (/confirm-email); the server answers
// the same when the new address is taken, so the page says only that a link went out.
import { useEffect, useRef, useState } from 'preact/hooks';
import { post } from '../api';
import { Notice, Submit, TextField } from '../components/fields';
import { useForm } from '../components/form';
import { Panel } from '../components/page';
import { useApp } from '../context';

/** Fields named as in POST /family/email; their inputs carry other ids (the page has another password field). */
const SHOWN = ['email', 'password'];

export function EmailChange({ email }: { email: string }) {
  const { t } = useApp();
  const form = useForm({ email: '', password: '' });
  const { values, set, errors } = form;
  // The address the last link went to; focus moves to the message, as the page's other news does.
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sentTo) sentRef.current?.focus();
  }, [sentTo]);

  const change = form.submit(async () => {
    setSentTo(null);
    const address = values.email.trim();
    await post('/family/email', { email: address, password: values.password });
    // The address stays, so a typo seen in the message can be put right and sent again.
    form.reset({ email: address, password: '' });
    setSentTo(address);
  });

  const hidden = Object.keys(errors).filter((k) => !SHOWN.includes(k));
  return (
    <Panel id="family-email-heading" title={t('familyAccount.emailTitle')}>
      <form class="form" ref={form.formRef} onSubmit={change} noValidate>
        <p>{t('familyAccount.emailCurrent', { email })}</p>
        <p>{t('familyAccount.emailIntro')}</p>
        {sentTo && (
          <div ref={sentRef} tabIndex={-1} data-testid="family-email-sent">
            <Notice kind="success">{t('familyAccount.emailSent', { email: sentTo })}</Notice>
          </div>
        )}
        {form.error && (Object.keys(errors).length === 0 || hidden.length > 0) && (
          <Notice kind="error">
            {form.error} {hidden.map((k) => errors[k]).join(' ')}
          </Notice>
        )}
        <TextField
          id="new_email"
          type="email"
          label={t('familyAccount.emailNew')}
          value={values.email}
          onValue={(v) => set('email', v)}
          autocomplete="email"
          spellcheck={false}
          maxLength={254}
          required
          error={errors.email}
        />
        <TextField
          id="email_password"
          type="password"
          label={t('familyAccount.emailPassword')}
          hint={t('familyAccount.emailPasswordHint')}
          value={values.password}
          onValue={(v) => set('password', v)}
          autocomplete="current-password"
          required
          error={errors.password}
        />
        <Submit busy={form.busy} label={t('familyAccount.emailSubmit')} busyLabel={t('familyAccount.emailSending')} />
      </form>
    </Panel>
  );
}
