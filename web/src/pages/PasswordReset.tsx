// Forgotten passwords, signed out: ask for a link by e-mail (/forgot-password), then set a new password through
// it (/reset-password#<token>: the token sits after '#', so it never reaches a server's logs).
import { useState } from 'preact/hooks';
import { ApiError, post } from '../api';
import { useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { PageHeading } from '../components/page';
import { useApp } from '../context';
import { navigate } from '../router';
import { NewPasswordFields } from './PasswordForm';

function BackToSignIn() {
  const { t } = useApp();
  return (
    <p>
      <a
        href="/login"
        onClick={(e) => {
          e.preventDefault();
          navigate('/login');
        }}
      >
        {t('reset.backToLogin')}
      </a>
    </p>
  );
}

export function ForgotPasswordPage() {
  const { t } = useApp();
  const form = useForm({ login: '' });
  const [sent, setSent] = useState(false);
  const ask = form.submit(async () => {
    await post('/auth/password-reset', { login: form.values.login.trim() });
    setSent(true);
  });
  return (
    <div class="narrow">
      <PageHeading title={t('reset.askTitle')} />
      <div class="card">
        {sent ? (
          <Notice kind="success">{t('reset.sent')}</Notice>
        ) : (
          <form class="form" ref={form.formRef} onSubmit={ask} noValidate>
            <p>{t('reset.askIntro')}</p>
            {form.error && !form.errors.login && <Notice kind="error">{form.error}</Notice>}
            <TextField
              id="login"
              label={t('reset.loginOrEmail')}
              value={form.values.login}
              onValue={(v) => form.set('login', v)}
              autocomplete="username"
              spellcheck={false}
              required
              error={form.errors.login}
            />
            <Submit busy={form.busy} label={t('reset.askSubmit')} busyLabel={t('common.saving')} />
          </form>
        )}
        <BackToSignIn />
      </div>
    </div>
  );
}

export function ResetPasswordPage() {
  const { t } = useApp();
  const token = location.hash.replace(/^#/, '');
  const form = useForm({ password: '', repeat: '' });
  const [done, setDone] = useState(false);
  const { values, set, errors } = form;
  const save = form.submit(async () => {
    if (values.password !== values.repeat) {
      form.setErrors({ repeat: t('pw.mismatch') });
      return;
    }
    try {
      await post('/auth/password-reset/confirm', { token, password: values.password });
      history.replaceState(null, '', location.pathname); // the used link leaves the address bar
      setDone(true);
    } catch (e) {
      if (e instanceof ApiError && e.fields?.token) throw new ApiError(e.status, e.code, e.fields.token, {});
      throw e;
    }
  });
  return (
    <div class="narrow">
      <PageHeading title={t('reset.setTitle')} />
      <div class="card">
        {done ? (
          <Notice kind="success">{t('reset.done')}</Notice>
        ) : !token ? (
          <Notice kind="error">{t('reset.noToken')}</Notice>
        ) : (
          <form class="form" ref={form.formRef} onSubmit={save} noValidate>
            {form.error && !errors.password && !errors.repeat && <Notice kind="error">{form.error}</Notice>}
            <NewPasswordFields
              password={values.password}
              repeat={values.repeat}
              onPassword={(v) => set('password', v)}
              onRepeat={(v) => set('repeat', v)}
              passwordError={errors.password}
              repeatError={errors.repeat}
            />
            <Submit busy={form.busy} label={t('reset.setSubmit')} busyLabel={t('common.saving')} />
          </form>
        )}
        <BackToSignIn />
      </div>
    </div>
  );
}
