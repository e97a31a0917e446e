// Sign-in: login + password (or the slip's one-time code; a family account's e-mail and password), then a TOTP step
// when the API asks for it. Links to a forgotten password and to signing up for a family account; says first what a
// page that signed out on its way here left for it (a family account just deleted).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, fetchMe, post, setCsrfToken, type LoginResult } from '../api';
import { useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { PageHeading } from '../components/page';
import { useApp } from '../context';
import type { MessageKey } from '../i18n';
import { navigate } from '../router';

interface Credentials {
  login: string;
  password: string;
  totp: string;
}

/** What the next sign-in page says first, once (that the account was just deleted …). */
let toTell: MessageKey | null = null;

/** Leaves a message for the sign-in page shown next, as a page that signs out on its way there does. */
export function tellAtSignIn(key: MessageKey): void {
  toTell = key;
}

export function LoginPage() {
  const { t, lang, signedIn } = useApp();
  const [told] = useState(() => {
    const key = toTell;
    toTell = null;
    return key;
  });
  const form = useForm<Credentials>({ login: '', password: '', totp: '' });
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const totpInput = useRef<HTMLDivElement>(null);
  const { values, set, errors } = form;

  // A message shown in one language should not linger after switching to the other. Only on a switch: at the first
  // render this would wipe what was typed before the effect ran (a fast typist, a test, a password manager).
  const shownLang = useRef(lang);
  useEffect(() => {
    if (shownLang.current === lang) return;
    shownLang.current = lang;
    form.reset({ ...values, totp: '' });
  }, [lang]);

  useEffect(() => {
    if (step === 'totp') totpInput.current?.querySelector('input')?.focus();
  }, [step]);

  const signIn = form.submit(async () => {
    const body: Record<string, string> = { login: values.login.trim(), password: values.password, client: 'browser' };
    if (step === 'totp') body.totp = values.totp.replace(/\s+/g, '');
    try {
      const result = await post<LoginResult>('/auth/login', body);
      setCsrfToken(result.csrf_token);
      const me = await fetchMe();
      if (!me) throw new ApiError(401, 'session_lost', t('common.networkError'));
      signedIn(
        {
          ...me,
          must_change_password: me.must_change_password ?? result.must_change_password,
          must_enrol_totp: me.must_enrol_totp ?? result.must_enrol_totp,
        },
        values.password,
      );
    } catch (e) {
      if (e instanceof ApiError && e.code === 'totp_required' && step === 'password') {
        setStep('totp');
        return;
      }
      if (e instanceof ApiError && e.code === 'totp_invalid') {
        throw new ApiError(e.status, e.code, e.message, { totp: e.message, ...e.fields });
      }
      throw e;
    }
  });

  const back = () => {
    form.reset({ login: values.login, password: '', totp: '' });
    setStep('password');
  };

  return (
    <div class="narrow">
      <PageHeading title={step === 'password' ? t('login.title') : t('login.totpTitle')} />
      {step === 'password' ? (
        <form class="card form" ref={form.formRef} onSubmit={signIn} noValidate>
          {told && (
            <div data-testid="login-told">
              <Notice kind="success">{t(told)}</Notice>
            </div>
          )}
          <p>{t('login.intro')}</p>
          {form.error && !Object.keys(errors).length && <Notice kind="error">{form.error}</Notice>}
          <TextField
            id="login"
            label={t('login.login')}
            value={values.login}
            onValue={(v) => set('login', v)}
            autocomplete="username"
            spellcheck={false}
            hint={t('login.loginHint')}
            required
            error={errors.login}
          />
          <TextField
            id="password"
            type="password"
            label={t('login.password')}
            value={values.password}
            onValue={(v) => set('password', v)}
            autocomplete="current-password"
            hint={t('login.passwordHint')}
            required
            error={errors.password}
          />
          <Submit busy={form.busy} label={t('login.submit')} busyLabel={t('login.busy')} />
          <p>
            <a
              href="/forgot-password"
              onClick={(e) => {
                e.preventDefault();
                navigate('/forgot-password');
              }}
            >
              {t('login.forgot')}
            </a>
          </p>
          <p>
            {t('login.noAccount')}{' '}
            <a
              href="/register"
              onClick={(e) => {
                e.preventDefault();
                navigate('/register');
              }}
            >
              {t('login.signUp')}
            </a>
          </p>
        </form>
      ) : (
        <form class="card form" ref={form.formRef} onSubmit={signIn} noValidate>
          <p>{t('login.totpIntro')}</p>
          {form.error && !errors.totp && <Notice kind="error">{form.error}</Notice>}
          <div ref={totpInput}>
            <TextField
              id="totp"
              label={t('login.totp')}
              value={values.totp}
              onValue={(v) => set('totp', v)}
              autocomplete="one-time-code"
              spellcheck={false}
              required
              error={errors.totp}
            />
          </div>
          <div class="actions">
            <Submit busy={form.busy} label={t('login.totpSubmit')} busyLabel={t('login.busy')} />
            <button type="button" class="button" onClick={back}>
              {t('login.back')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
