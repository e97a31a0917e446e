// Notification settings for every school user: a channel per group of changes, quiet hours, the digest's hour and
// the language of the mail, and push on this device (push/). E-mail channels need an address on the account, which
// only the school office enters; the push channel reaches the devices subscribed below.
import { useState } from 'preact/hooks';
import { get, put } from '../api';
import { useForm } from '../components/form';
import { CheckboxField, Notice, RadioGroupField, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import type { MessageKey } from '../i18n';
import { PushDevices, type PushDeviceList } from '../push/PushDevices';

/** The groups of changes, in the order the page lists them (as the API names them). */
const GROUPS = ['grades', 'attendance', 'terminarz', 'notes', 'notices', 'messages'] as const;
type NotificationGroup = (typeof GROUPS)[number];

const CHANNELS = ['in_app', 'email', 'digest', 'push', 'none'] as const;
type Channel = (typeof CHANNELS)[number];

/** The channels that send mail, offered only when the account has an address. */
const MAIL_CHANNELS: Channel[] = ['email', 'digest'];

type MailLanguage = 'pl' | 'en';

interface NotificationPreferences {
  channels: Record<NotificationGroup, Channel>;
  quiet_hours: { from: string; to: string } | null;
  digest_at: string;
  language: MailLanguage;
  email: string | null;
}

/** Offered when quiet hours are turned on for the first time: the night. */
const SUGGESTED_QUIET_HOURS = { from: '22:00', to: '07:00' };

/** `hasDevice`: whether any device of the account receives push (null while unknown). */
function SettingsForm({ saved: initial, hasDevice }: { saved: NotificationPreferences; hasDevice: boolean | null }) {
  const { t } = useApp();
  const email = initial.email;
  const form = useForm({
    channels: initial.channels,
    quiet: initial.quiet_hours !== null,
    quiet_from: initial.quiet_hours?.from ?? SUGGESTED_QUIET_HOURS.from,
    quiet_to: initial.quiet_hours?.to ?? SUGGESTED_QUIET_HOURS.to,
    digest_at: initial.digest_at,
    language: initial.language,
  });
  const [savedNow, setSavedNow] = useState(false);
  const { values, errors } = form;
  const set: typeof form.set = (key, value) => {
    setSavedNow(false);
    form.set(key, value);
  };

  const save = form.submit(async () => {
    setSavedNow(false);
    const stored = await put<NotificationPreferences>('/me/notifications', {
      channels: values.channels,
      quiet_hours: values.quiet ? { from: values.quiet_from, to: values.quiet_to } : null,
      digest_at: values.digest_at,
      language: values.language,
    });
    form.reset({
      channels: stored.channels,
      quiet: stored.quiet_hours !== null,
      quiet_from: stored.quiet_hours?.from ?? values.quiet_from,
      quiet_to: stored.quiet_hours?.to ?? values.quiet_to,
      digest_at: stored.digest_at,
      language: stored.language,
    });
    setSavedNow(true);
  });

  const channelOptions = CHANNELS.map((channel) => ({
    value: channel,
    label: t(`notifications.channel.${channel}` as MessageKey),
    disabled: !email && MAIL_CHANNELS.includes(channel),
  }));

  return (
    <form class="form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <Panel id="channels-heading" title={t('notifications.channels')}>
        {email ? (
          <p>{t('notifications.emailTo', { email })}</p>
        ) : (
          <Notice kind="info">{t('notifications.noEmail')}</Notice>
        )}
        <p>{t('notifications.pushHint')}</p>
        {hasDevice === false && Object.values(values.channels).includes('push') && (
          <Notice kind="info">{t('notifications.pushNoDevice')}</Notice>
        )}
        {errors.channels && (
          <p class="field-error" role="alert">
            {errors.channels}
          </p>
        )}
        <div class="grid-form">
          {GROUPS.map((group) => (
            <RadioGroupField<Channel>
              key={group}
              id={`channel_${group}`}
              legend={t(`notifications.group.${group}` as MessageKey)}
              options={channelOptions}
              value={values.channels[group]}
              onValue={(channel) => set('channels', { ...values.channels, [group]: channel })}
              error={errors[`channels.${group}`]}
            />
          ))}
        </div>
      </Panel>

      <Panel id="quiet-heading" title={t('notifications.quiet')}>
        <CheckboxField
          id="quiet_hours"
          label={t('notifications.quietOn')}
          hint={t('notifications.quietHint')}
          checked={values.quiet}
          onChecked={(on) => set('quiet', on)}
          error={errors.quiet_hours}
        />
        {values.quiet && (
          <div class="grid-form quiet-hours">
            <TextField
              id="quiet_from"
              type="time"
              label={t('notifications.quietFrom')}
              value={values.quiet_from}
              onValue={(v) => set('quiet_from', v)}
              required
              error={errors['quiet_hours.from']}
            />
            <TextField
              id="quiet_to"
              type="time"
              label={t('notifications.quietTo')}
              value={values.quiet_to}
              onValue={(v) => set('quiet_to', v)}
              required
              error={errors['quiet_hours.to']}
            />
          </div>
        )}
      </Panel>

      <Panel id="mail-heading" title={t('notifications.mail')}>
        <div class="form">
          <TextField
            id="digest_at"
            type="time"
            label={t('notifications.digestAt')}
            hint={t('notifications.digestHint')}
            value={values.digest_at}
            onValue={(v) => set('digest_at', v)}
            required
            error={errors.digest_at}
          />
          <RadioGroupField<MailLanguage>
            id="mail_language"
            legend={t('notifications.language')}
            options={[
              { value: 'pl', label: <span lang="pl">polski</span> },
              { value: 'en', label: <span lang="en">English</span> },
            ]}
            value={values.language}
            onValue={(v) => set('language', v)}
            error={errors.language}
          />
        </div>
      </Panel>

      {savedNow && <Notice kind="success">{t('notifications.saved')}</Notice>}
      <div class="actions">
        <Submit busy={form.busy} label={t('common.save')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

export function NotificationSettingsPage() {
  const { t } = useApp();
  const saved = useLoad(() => get<NotificationPreferences>('/me/notifications'), []);
  const devices = useLoad(() => get<PushDeviceList>('/me/push-subscriptions'), []);
  const hasDevice = devices.data ? devices.data.items.length > 0 : null;
  return (
    <>
      <PageHeading title={t('notifications.title')} />
      <p class="lead">{t('notifications.intro')}</p>
      <LoadState state={saved}>{(data) => <SettingsForm saved={data} hasDevice={hasDevice} />}</LoadState>
      <PushDevices devices={devices} />
    </>
  );
}
