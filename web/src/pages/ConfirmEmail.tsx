// Confirming a family account's new e-mail address through the link mailed to it (/confirm-email#<token>; the token
// sits after '#', so it never reaches a server's logs). The page confirms at once, signed in or out: opened where the
// family is signed in, it reads GET /me again, so the open session shows the new address.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, post } from '../api';
import { useErrorText } from '../components/form';
import { Notice } from '../components/fields';
import { PageHeading } from '../components/page';
import { useApp } from '../context';
import { Link } from '../router';

type State = { step: 'working' } | { step: 'done'; email: string } | { step: 'failed'; code: string; message: string };

export function ConfirmEmailPage() {
  const { t, me, refreshMe } = useApp();
  const token = useRef(location.hash.replace(/^#/, '')).current;
  const [state, setState] = useState<State>(
    token ? { step: 'working' } : { step: 'failed', code: 'no_token', message: '' },
  );
  const errorText = useErrorText();

  useEffect(() => {
    if (!token) return;
    post<{ email: string }>('/family/email/confirm', { token })
      .then(async (answer) => {
        history.replaceState(null, '', location.pathname); // the used link leaves the address bar
        if (me) await refreshMe();
        setState({ step: 'done', email: answer.email });
      })
      .catch((e: unknown) =>
        setState({ step: 'failed', code: e instanceof ApiError ? e.code : 'network', message: errorText(e) }),
      );
  }, []);

  return (
    <div class="narrow">
      <PageHeading title={t('confirmEmail.title')} />
      <div class="card">
        {state.step === 'working' && (
          <p class="muted" role="status" data-loading>
            {t('confirmEmail.working')}
          </p>
        )}
        {state.step === 'done' && <Done email={state.email} />}
        {state.step === 'failed' && <Failed code={state.code} message={state.message} />}
      </div>
    </div>
  );
}

/** Where to go next: the family page when this browser is signed in to a family account, else the sign-in page. */
function Onward({ label }: { label: 'confirmEmail.signIn' | 'confirmEmail.toSignIn' }) {
  const { t, me } = useApp();
  return (
    <p>
      {me?.family ? <Link href="/family">{t('confirmEmail.toFamily')}</Link> : <Link href="/login">{t(label)}</Link>}
    </p>
  );
}

function Done({ email }: { email: string }) {
  const { t, me } = useApp();
  return (
    <>
      <Notice kind="success">{t('confirmEmail.done', { email })}</Notice>
      {!me?.family && <p>{t('confirmEmail.passwordStays')}</p>}
      <Onward label="confirmEmail.signIn" />
    </>
  );
}

/** A link that stopped working (used, expired) is asked for again on the family page, signed in with the old address. */
function Failed({ code, message }: { code: string; message: string }) {
  const { t } = useApp();
  const askAgain = code === 'link_invalid' || code === 'link_expired';
  return (
    <>
      <Notice kind="error">{code === 'no_token' ? t('confirmEmail.noToken') : message}</Notice>
      {code === 'link_invalid' && <p>{t('confirmEmail.maybeDone')}</p>}
      {askAgain ? (
        <p>
          {t('confirmEmail.askAgain')} <Link href="/family">{t('confirmEmail.toFamilyAgain')}</Link>
        </p>
      ) : (
        <Onward label="confirmEmail.toSignIn" />
      )}
    </>
  );
}
