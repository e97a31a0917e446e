// Signing up for a family account (/register, signed out): an e-mail address that becomes the login, a password, the
// age bracket (under 13 the activation link goes to a parent, who consents), the terms. The answer is the same
// whether or not the address was free — the mail says which — so the page only says where to look.
import { useState } from 'preact/hooks';
import { post } from '../api';
import { useForm } from '../components/form';
import { CheckboxField, Notice, RadioGroupField, Submit, TextField } from '../components/fields';
import { PageHeading } from '../components/page';
import { useApp } from '../context';
import { Link } from '../router';
import { NewPasswordFields } from './PasswordForm';

type AgeBracket = '' | 'under_13' | '13_17' | '18_plus';

interface SignUp {
  email: string;
  password: string;
  repeat: string;
  age_bracket: AgeBracket;
  parent_email: string;
  accept_terms: boolean;
}

/** The fields this form shows, by the names the API gives its errors. */
const SHOWN = ['email', 'password', 'repeat', 'age_bracket', 'parent_email', 'accept_terms'];

export function SignUpPage() {
  const { t } = useApp();
  const form = useForm<SignUp>({
    email: '',
    password: '',
    repeat: '',
    age_bracket: '',
    parent_email: '',
    accept_terms: false,
  });
  const [sent, setSent] = useState<{ email: string; parent: string | null } | null>(null);
  const { values, set, errors } = form;
  const child = values.age_bracket === 'under_13';

  const submit = form.submit(async () => {
    if (values.password !== values.repeat) {
      form.setErrors({ repeat: t('pw.mismatch') });
      return;
    }
    const email = values.email.trim();
    const parent = child ? values.parent_email.trim() : null;
    await post('/family/register', {
      email,
      password: values.password,
      age_bracket: values.age_bracket || undefined,
      ...(parent !== null ? { parent_email: parent } : {}),
      accept_terms: values.accept_terms,
    });
    setSent({ email, parent });
  });

  const hidden = Object.keys(errors).filter((k) => !SHOWN.includes(k));
  return (
    <div class="narrow">
      <PageHeading title={t('signUp.title')} />
      <div class="card">
        {sent ? (
          <Notice kind="success">
            <p>
              <strong>{t('signUp.sentTitle')}</strong>
            </p>
            <p>
              {sent.parent
                ? t('signUp.sentParent', { parent: sent.parent, email: sent.email })
                : t('signUp.sent', { email: sent.email })}
            </p>
            <p>{t('signUp.sentSpam')}</p>
          </Notice>
        ) : (
          <form class="form" ref={form.formRef} onSubmit={submit} noValidate>
            <p>{t('signUp.intro')}</p>
            {form.error && (Object.keys(errors).length === 0 || hidden.length > 0) && (
              <Notice kind="error">
                {form.error} {hidden.map((k) => errors[k]).join(' ')}
              </Notice>
            )}
            <TextField
              id="email"
              type="email"
              label={t('signUp.email')}
              hint={t('signUp.emailHint')}
              value={values.email}
              onValue={(v) => set('email', v)}
              autocomplete="email"
              spellcheck={false}
              required
              error={errors.email}
            />
            <NewPasswordFields
              password={values.password}
              repeat={values.repeat}
              onPassword={(v) => set('password', v)}
              onRepeat={(v) => set('repeat', v)}
              passwordError={errors.password}
              repeatError={errors.repeat}
              passwordLabel={t('signUp.password')}
              repeatLabel={t('signUp.repeat')}
              hint={t('signUp.passwordHint')}
            />
            <RadioGroupField<AgeBracket>
              id="age_bracket"
              legend={t('signUp.age')}
              value={values.age_bracket}
              onValue={(v) => set('age_bracket', v)}
              options={[
                { value: 'under_13', label: t('signUp.age.under_13') },
                { value: '13_17', label: t('signUp.age.13_17') },
                { value: '18_plus', label: t('signUp.age.18_plus') },
              ]}
              error={errors.age_bracket}
            />
            {child && (
              <TextField
                id="parent_email"
                type="email"
                label={t('signUp.parentEmail')}
                hint={t('signUp.parentEmailHint')}
                value={values.parent_email}
                onValue={(v) => set('parent_email', v)}
                spellcheck={false}
                required
                error={errors.parent_email}
              />
            )}
            <section class="terms" aria-labelledby="terms-title">
              <h2 id="terms-title">{t('signUp.termsTitle')}</h2>
              <ul>
                <li>{t('signUp.terms.what')}</li>
                <li>{t('signUp.terms.link')}</li>
                <li>{t('signUp.terms.school')}</li>
                <li>{t('signUp.terms.child')}</li>
                <li>{t('signUp.terms.activation')}</li>
              </ul>
            </section>
            <CheckboxField
              id="accept_terms"
              label={t('signUp.accept')}
              checked={values.accept_terms}
              onChecked={(v) => set('accept_terms', v)}
              error={errors.accept_terms}
            />
            <Submit busy={form.busy} label={t('signUp.submit')} busyLabel={t('common.saving')} />
          </form>
        )}
        <p>
          <Link href="/login">{t('signUp.haveAccount')}</Link>
        </p>
      </div>
    </div>
  );
}
