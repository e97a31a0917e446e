// The password-change form, shared by the first-password page and the Security page.
import { post } from '../api';
import { useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { useState } from 'preact/hooks';
import { useApp } from '../context';

interface Props {
  /** The current password or one-time code if already known (first sign-in); otherwise a field asks for it. */
  knownCurrent: string | null;
  currentLabel: string;
  submitLabel: string;
  onChanged: () => Promise<void> | void;
}

export function PasswordForm({ knownCurrent, currentLabel, submitLabel, onChanged }: Props) {
  const { t, me } = useApp();
  const form = useForm({ current_password: '', new_password: '', repeat: '' });
  const [done, setDone] = useState(false);
  const { values, set, errors } = form;

  const save = form.submit(async () => {
    setDone(false);
    if (values.new_password !== values.repeat) {
      form.setErrors({ repeat: t('pw.mismatch') });
      return;
    }
    await post('/auth/password', {
      current_password: knownCurrent ?? values.current_password,
      new_password: values.new_password,
    });
    form.reset();
    setDone(true);
    await onChanged();
  });

  // The form-level message shows unless every error it carries sits beside a visible field.
  const shown = ['new_password', 'repeat', ...(knownCurrent === null ? ['current_password'] : [])];
  const fieldKeys = Object.keys(errors);
  const showNotice = form.error && (fieldKeys.length === 0 || fieldKeys.some((k) => !shown.includes(k)));
  return (
    <form class="form" ref={form.formRef} onSubmit={save} noValidate>
      {done && <Notice kind="success">{t('pw.changed')}</Notice>}
      {showNotice && (
        <Notice kind="error">
          {form.error}{' '}
          {fieldKeys
            .filter((k) => !shown.includes(k))
            .map((k) => errors[k])
            .join(' ')}
        </Notice>
      )}
      {/* For password managers: the account whose password changes (a family account's session changes its own). */}
      <input
        type="text"
        name="username"
        autocomplete="username"
        value={me?.family?.email ?? me?.user.login ?? ''}
        hidden
        readOnly
      />
      {knownCurrent === null && (
        <TextField
          id="current_password"
          type="password"
          label={currentLabel}
          value={values.current_password}
          onValue={(v) => set('current_password', v)}
          autocomplete="current-password"
          required
          error={errors.current_password}
        />
      )}
      <NewPasswordFields
        password={values.new_password}
        repeat={values.repeat}
        onPassword={(v) => set('new_password', v)}
        onRepeat={(v) => set('repeat', v)}
        passwordError={errors.new_password}
        repeatError={errors.repeat}
      />
      <Submit busy={form.busy} label={submitLabel} busyLabel={t('common.saving')} />
    </form>
  );
}

interface NewPasswordProps {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  passwordError?: string;
  repeatError?: string;
  /** Other words than "new password" (signing up, where there is no old one), and other rules as the hint. */
  passwordLabel?: string;
  repeatLabel?: string;
  hint?: string;
}

/**
 * A new password typed twice, with the rules as a hint: changing it, setting one through a reset link, and signing up
 * for a family account.
 */
export function NewPasswordFields(p: NewPasswordProps) {
  const { t } = useApp();
  return (
    <>
      <TextField
        id="new_password"
        type="password"
        label={p.passwordLabel ?? t('pw.new')}
        value={p.password}
        onValue={p.onPassword}
        autocomplete="new-password"
        hint={p.hint ?? t('pw.hint')}
        required
        error={p.passwordError}
      />
      <TextField
        id="repeat"
        type="password"
        label={p.repeatLabel ?? t('pw.repeat')}
        value={p.repeat}
        onValue={p.onRepeat}
        autocomplete="new-password"
        required
        error={p.repeatError}
      />
    </>
  );
}
