// Linking another school account on the family page (POST /family/links): its login, password and the consent.
import { useEffect } from 'preact/hooks';
import { get, post } from '../api';
import { CheckboxField, Notice, Submit, TextField } from '../components/fields';
import { useForm } from '../components/form';
import { LoadState, Panel, useLoad } from '../components/page';
import { useApp } from '../context';

interface Consent {
  version: string;
  text: string;
}

/** Linking another school account: its login, its own password, and the consent, read in full before agreeing. */
export function LinkForm({ onLinked }: { onLinked: (id: number) => Promise<void> }) {
  const { t, lang } = useApp();
  const consent = useLoad(() => get<Consent>('/family/consent'), [lang]);
  const form = useForm({ login: '', password: '', consent: false });
  const { values, set, errors } = form;
  const link = form.submit(
    async () => {
      const created = await post<{ id: number }>('/family/links', {
        login: values.login.trim(),
        password: values.password,
        consent: values.consent,
        consent_version: consent.data?.version,
      });
      form.reset();
      await onLinked(created.id);
    },
    { already_linked: 'login', too_many_links: 'login' },
  );
  // The consent text changed since it was shown: read it again, and ask again.
  useEffect(() => {
    if (errors.consent_version) consent.reload();
  }, [errors.consent_version]);

  const shown = ['login', 'password', 'consent'];
  const hidden = Object.keys(errors).filter((k) => !shown.includes(k));
  return (
    <Panel id="family-link-heading" title={t('familyAccount.linkTitle')}>
      <LoadState state={consent}>
        {(c) => (
          <form class="form" ref={form.formRef} onSubmit={link} noValidate>
            <p>{t('familyAccount.linkIntro')}</p>
            {form.error && (Object.keys(errors).length === 0 || hidden.length > 0) && (
              <Notice kind="error">
                {form.error} {hidden.map((k) => errors[k]).join(' ')}
              </Notice>
            )}
            <TextField
              id="login"
              label={t('familyAccount.schoolLogin')}
              value={values.login}
              onValue={(v) => set('login', v)}
              autocomplete="off"
              spellcheck={false}
              required
              error={errors.login}
            />
            <TextField
              id="password"
              type="password"
              label={t('familyAccount.schoolPassword')}
              hint={t('familyAccount.schoolPasswordHint')}
              value={values.password}
              onValue={(v) => set('password', v)}
              autocomplete="off"
              required
              error={errors.password}
            />
            <section class="consent" aria-labelledby="consent-title">
              <h3 id="consent-title">{t('familyAccount.consentTitle')}</h3>
              <p class="consent-text" data-testid="consent-text">
                {c.text}
              </p>
            </section>
            <CheckboxField
              id="consent"
              label={t('familyAccount.consent')}
              checked={values.consent}
              onChecked={(v) => set('consent', v)}
              error={errors.consent}
            />
            <Submit busy={form.busy} label={t('familyAccount.linkSubmit')} busyLabel={t('common.saving')} />
          </form>
        )}
      </LoadState>
    </Panel>
  );
}
