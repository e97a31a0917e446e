// Security for every user: change password; staff also turn TOTP on or off. School users find their notification
// settings from here too.
import { useState } from 'preact/hooks';
import { post, STAFF_ROLES } from '../api';
import { useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { PageHeading, Panel } from '../components/page';
import { useApp } from '../context';
import { allowed, findRoute, Link } from '../router';
import { PasswordForm } from './PasswordForm';
import { TotpEnrol } from './TotpEnrol';

function TotpDisable({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useApp();
  const form = useForm({ current_password: '' });
  const off = form.submit(async () => {
    await post('/auth/totp/disable', { current_password: form.values.current_password });
    form.reset();
    await onDone();
  });
  return (
    <form class="form" ref={form.formRef} onSubmit={off} noValidate>
      <p>{t('security.disableIntro')}</p>
      {form.error && !form.errors.current_password && <Notice kind="error">{form.error}</Notice>}
      <TextField
        id="totp_current_password"
        type="password"
        label={t('pw.current')}
        value={form.values.current_password}
        onValue={(v) => form.set('current_password', v)}
        autocomplete="current-password"
        required
        error={form.errors.current_password}
      />
      <Submit busy={form.busy} label={t('security.disable')} />
    </form>
  );
}

function TotpPanel() {
  const { t, me, refreshMe } = useApp();
  const [message, setMessage] = useState<string | null>(null);
  const enabled = Boolean(me?.user.totp_enabled);
  return (
    <Panel id="totp-heading" title={t('security.totp')}>
      {message && <Notice kind="success">{message}</Notice>}
      <p>{enabled ? t('security.totpOn') : t('security.totpOff')}</p>
      {enabled ? (
        <TotpDisable
          onDone={async () => {
            await refreshMe();
            setMessage(t('security.disabled'));
          }}
        />
      ) : (
        <TotpEnrol
          onDone={async () => {
            await refreshMe();
            setMessage(t('security.totpOn'));
          }}
        />
      )}
    </Panel>
  );
}

/** Where to choose how notifications arrive: linked from here, where users look for their account's settings. */
function NotificationsPanel() {
  const { t } = useApp();
  return (
    <Panel id="notifications-heading" title={t('notifications.title')}>
      <p>{t('notifications.link')}</p>
      <Link href="/settings/notifications">{t('nav.notifications')}</Link>
    </Panel>
  );
}

export function SecurityPage() {
  const { t, me } = useApp();
  const staff = me ? STAFF_ROLES.includes(me.user.role) : false;
  const notifications = findRoute('/settings/notifications');
  const hasNotifications = Boolean(me && notifications && allowed(notifications, me));
  return (
    <>
      <PageHeading title={t('security.title')} />
      <div class="panels">
        <Panel id="password-heading" title={t('security.password')}>
          <PasswordForm
            knownCurrent={null}
            currentLabel={t('pw.current')}
            submitLabel={t('pw.submit')}
            onChanged={() => {}}
          />
        </Panel>
        {staff && <TotpPanel />}
        {hasNotifications && <NotificationsPanel />}
      </div>
    </>
  );
}
