// Activating a family account through the mailed link (/activate#<token>, signed out; the token sits after '#', so it
// never reaches a server's logs). The page activates at once; an account signed up as under 13 waits for the parent,
// who opened the link, to consent first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, post } from '../api';
import { useErrorText, useForm } from '../components/form';
import { CheckboxField, Notice, Submit } from '../components/fields';
import { PageHeading } from '../components/page';
import { useApp } from '../context';
import { Link } from '../router';

interface Activated {
  email: string;
  parent_confirmed: boolean;
}

type State =
  | { step: 'working' }
  | { step: 'done'; activated: Activated }
  | { step: 'parent'; question: string }
  | { step: 'failed'; code: string; message: string };

export function ActivatePage() {
  const { t } = useApp();
  const token = useRef(location.hash.replace(/^#/, '')).current;
  const [state, setState] = useState<State>(
    token ? { step: 'working' } : { step: 'failed', code: 'no_token', message: '' },
  );
  const errorText = useErrorText();

  const activated = (answer: Activated) => {
    history.replaceState(null, '', location.pathname); // the used link leaves the address bar
    setState({ step: 'done', activated: answer });
  };

  useEffect(() => {
    if (!token) return;
    post<Activated>('/family/activate', { token })
      .then(activated)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'parent_confirmation_required')
          setState({ step: 'parent', question: e.message });
        else setState({ step: 'failed', code: e instanceof ApiError ? e.code : 'network', message: errorText(e) });
      });
  }, []);

  return (
    <div class="narrow">
      <PageHeading title={t('activate.title')} />
      <div class="card">
        {state.step === 'working' && (
          <p class="muted" role="status" data-loading>
            {t('activate.working')}
          </p>
        )}
        {state.step === 'done' && <Done activated={state.activated} />}
        {state.step === 'parent' && (
          <ParentConsent
            token={token}
            question={state.question}
            onActivated={activated}
            onFailed={(code, message) => setState({ step: 'failed', code, message })}
          />
        )}
        {state.step === 'failed' && <Failed code={state.code} message={state.message} />}
      </div>
    </div>
  );
}

function Done({ activated }: { activated: Activated }) {
  const { t } = useApp();
  return (
    <>
      <Notice kind="success">
        {activated.parent_confirmed
          ? t('activate.doneParent', { email: activated.email })
          : t('activate.done', { email: activated.email })}
      </Notice>
      <p>
        <Link href="/login">{t('activate.signIn')}</Link>
      </p>
    </>
  );
}

/** The parent confirms: the server's question names the account, the checkbox says who consents. */
function ParentConsent({
  token,
  question,
  onActivated,
  onFailed,
}: {
  token: string;
  question: string;
  onActivated: (a: Activated) => void;
  onFailed: (code: string, message: string) => void;
}) {
  const { t } = useApp();
  const form = useForm({ parent_confirms: false });
  const confirm = form.submit(async () => {
    if (!form.values.parent_confirms) {
      form.setErrors({ parent_confirms: t('activate.parentRequired') });
      return;
    }
    try {
      onActivated(await post<Activated>('/family/activate', { token, parent_confirms: true }));
    } catch (e) {
      // A link that stopped working meanwhile (used, expired) is the page's end, not the checkbox's error.
      if (e instanceof ApiError && (e.code === 'link_invalid' || e.code === 'activation_expired')) {
        onFailed(e.code, e.message);
        return;
      }
      throw e;
    }
  });
  return (
    <form class="form" ref={form.formRef} onSubmit={confirm} noValidate>
      <p id="parent-question">{question}</p>
      <p>{t('activate.parentIntro')}</p>
      {form.error && !form.errors.parent_confirms && <Notice kind="error">{form.error}</Notice>}
      <CheckboxField
        id="parent_confirms"
        label={t('activate.parentConsent')}
        checked={form.values.parent_confirms}
        onChecked={(v) => form.set('parent_confirms', v)}
        error={form.errors.parent_confirms}
      />
      <Submit busy={form.busy} label={t('activate.parentSubmit')} busyLabel={t('common.saving')} />
    </form>
  );
}

function Failed({ code, message }: { code: string; message: string }) {
  const { t } = useApp();
  return (
    <>
      <Notice kind="error">{code === 'no_token' ? t('activate.noToken') : message}</Notice>
      {code === 'activation_expired' ? (
        <p>
          <Link href="/register">{t('activate.signUpAgain')}</Link>
        </p>
      ) : (
        <>
          {code === 'link_invalid' && <p>{t('activate.maybeDone')}</p>}
          <p>
            <Link href="/login">{t('activate.signIn')}</Link>
          </p>
        </>
      )}
    </>
  );
}
