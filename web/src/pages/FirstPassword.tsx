// After signing in with a slip's one-time code: the user must set an own password before anything else.
import { PageHeading } from '../components/page';
import { useApp } from '../context';
import { PasswordForm } from './PasswordForm';

export function FirstPasswordPage() {
  const { t, activationCode, refreshMe } = useApp();
  return (
    <div class="narrow">
      <PageHeading title={t('first.title')} />
      <div class="card">
        <p>{t('first.intro')}</p>
        <PasswordForm
          knownCurrent={activationCode()}
          currentLabel={t('pw.code')}
          submitLabel={t('first.submit')}
          onChanged={refreshMe}
        />
      </div>
    </div>
  );
}
