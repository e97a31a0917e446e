// Shown instead of the app while the school requires TOTP for staff and this user has none yet.
import { PageHeading } from '../components/page';
import { useApp } from '../context';
import { TotpEnrol } from './TotpEnrol';

export function TotpRequiredPage() {
  const { t, refreshMe } = useApp();
  return (
    <div class="narrow">
      <PageHeading title={t('totp.title')} />
      <div class="card">
        <p>{t('totp.required')}</p>
        <TotpEnrol onDone={refreshMe} />
      </div>
    </div>
  );
}
