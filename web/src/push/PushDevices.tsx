// Push on this device, on the notification settings page: turning Web Push on here (the browser asks for permission,
// the service worker subscribes with the server's key, the server stores the subscription) and off again, what state
// this device is in for the account shown, and the account's devices, each removable. The "push" channel of a group
// reaches these devices.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, del, get, post } from '../api';
import { Notice } from '../components/fields';
import { useErrorText } from '../components/form';
import { LoadState, Panel, type Loaded } from '../components/page';
import { useApp } from '../context';
import { formatDateTime, fullName } from '../format';
import type { MessageKey } from '../i18n';
import {
  askPermission,
  currentSubscription,
  notificationPermission,
  PushError,
  pushSupported,
  remember,
  remembered,
  subscribe,
  subscriber,
  usedByOthers,
} from './browser';

/** A device subscribed to Web Push (GET /me/push-subscriptions): `service` is its push service's host. */
export interface PushDevice {
  id: number;
  service: string;
  created_at: string;
}

export interface PushDeviceList {
  items: PushDevice[];
}

/** The browsers behind the push services the server knows (their hosts are what the API gives). */
const SERVICES: [RegExp, string][] = [
  [/(^|\.)fcm\.googleapis\.com$/, 'Google (Chrome, Android)'],
  [/(^|\.)push\.services\.mozilla\.com$/, 'Mozilla (Firefox)'],
  [/(^|\.)push\.apple\.com$/, 'Apple (Safari)'],
  [/(^|\.)notify\.windows\.com$/, 'Microsoft (Edge)'],
];

export const serviceName = (service: string) => {
  const known = SERVICES.find(([host]) => host.test(service));
  return known ? `${known[1]} · ${service}` : service;
};

type DeviceState = 'unsupported' | 'checking' | 'blocked' | 'on' | 'off';

interface News {
  kind: 'success' | 'error' | 'info';
  text: string;
  /** What the browser said, for a failure it explained. */
  reason?: string;
}

/** What this browser says about push for this site; null until asked. */
interface BrowserView {
  permission: NotificationPermission;
  endpoint: string | null;
}

export function PushDevices({ devices }: { devices: Loaded<PushDeviceList> }) {
  const { t, lang, me } = useApp();
  const errorText = useErrorText();
  const who = me ? subscriber(me) : '';
  const [supported] = useState(pushSupported);
  const [browser, setBrowser] = useState<BrowserView | null>(null);
  const [busy, setBusy] = useState(false);
  const [news, setNews] = useState<News | null>(null);
  const newsRef = useRef<HTMLDivElement>(null);

  const look = async () => {
    if (!supported) return;
    const subscription = await currentSubscription().catch(() => null);
    setBrowser({ permission: notificationPermission(), endpoint: subscription?.endpoint ?? null });
  };
  useEffect(() => {
    void look();
  }, []);
  useEffect(() => {
    if (news) newsRef.current?.focus();
  }, [news]);

  // This device is on for the account when the browser's subscription is the one the account gave the server, and
  // the server still has it (it forgets a device its push service calls gone).
  const mine = remembered(who);
  const listed = devices.data?.items;
  const kept = mine !== null && (listed ? listed.some((d) => d.id === mine.id) : true);
  const thisDevice = kept && browser?.endpoint === mine.endpoint ? mine.id : null;
  const state: DeviceState = !supported
    ? 'unsupported'
    : browser === null || (!listed && !devices.error)
      ? 'checking'
      : browser.permission === 'denied'
        ? 'blocked'
        : browser.permission === 'granted' && thisDevice !== null
          ? 'on'
          : 'off';

  /** Runs one action, says how it went, and looks at the browser and the server's list again. */
  const act = async (action: () => Promise<News>) => {
    if (busy) return;
    setBusy(true);
    setNews(null);
    try {
      setNews(await action());
    } catch (e) {
      setNews(failure(e));
    } finally {
      setBusy(false);
      await look();
      devices.reload();
    }
  };

  const failure = (e: unknown): News => {
    if (e instanceof PushError) {
      if (e.failure === 'denied') return { kind: 'error', text: t('push.deniedNow') };
      if (e.failure === 'dismissed') return { kind: 'info', text: t('push.dismissed') };
      return { kind: 'error', text: t('push.failed'), reason: e.reason };
    }
    if (e instanceof ApiError) {
      const fields = Object.values(e.fields);
      if (fields.length > 0) return { kind: 'error', text: `${t('push.refused')} ${fields.join(' ')}` };
    }
    return { kind: 'error', text: errorText(e) };
  };

  /** Forgets a subscription on the server; one already gone is as good. */
  const forget = async (id: number) => {
    try {
      await del(`/me/push-subscriptions/${id}`);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
  };

  /** Forgets this device's subscription for the account, and the browser's when no other account here uses it. */
  const leave = async (id: number) => {
    await forget(id);
    remember(who, null);
    const subscription = await currentSubscription().catch(() => null);
    if (subscription && !usedByOthers(subscription.endpoint, who)) await subscription.unsubscribe().catch(() => false);
  };

  const turnOn = () =>
    act(async () => {
      await askPermission();
      const { public_key } = await get<{ public_key: string }>('/push/key');
      const subscription = await subscribe(public_key);
      const created = await post<{ id: number }>('/me/push-subscriptions', subscription.toJSON());
      remember(who, { id: created.id, endpoint: subscription.endpoint });
      return { kind: 'success', text: t('push.turnedOn') };
    });

  const turnOff = (id: number) =>
    act(async () => {
      await leave(id);
      return { kind: 'success', text: t('push.turnedOff') };
    });

  const remove = (device: PushDevice) =>
    act(async () => {
      if (device.id === mine?.id) await leave(device.id);
      else await forget(device.id);
      return { kind: 'success', text: t('push.removed', { device: deviceLabel(device) }) };
    });

  const deviceLabel = (d: PushDevice) =>
    t('push.device', { service: serviceName(d.service), date: formatDateTime(d.created_at, lang) });

  return (
    <Panel id="push-heading" title={t('push.title')}>
      <p>{t('push.intro')}</p>
      {me?.family && <p data-testid="push-family">{t('push.family', { name: fullName(me.user) })}</p>}
      {state === 'unsupported' ? (
        <Notice kind="info">{t('push.unsupported')}</Notice>
      ) : state === 'checking' ? (
        <p class="muted" role="status" data-loading>
          {t('app.loading')}
        </p>
      ) : (
        <>
          <p data-testid="push-state">
            <span class={`badge ${state === 'on' ? 'ok' : 'off'}`}>{t(`push.state.${state}` as MessageKey)}</span>{' '}
            {t(`push.explain.${state}` as MessageKey)}
          </p>
          <div class="actions">
            {state === 'off' && (
              <button
                type="button"
                class="button primary"
                aria-disabled={busy ? 'true' : undefined}
                onClick={() => void turnOn()}
              >
                {busy ? t('push.turningOn') : t('push.turnOn')}
              </button>
            )}
            {state !== 'off' && mine && kept && (
              <button
                type="button"
                class="button"
                aria-disabled={busy ? 'true' : undefined}
                onClick={() => void turnOff(mine.id)}
              >
                {t('push.turnOff')}
              </button>
            )}
          </div>
          <p class="hint">{t('push.shared')}</p>
        </>
      )}
      {news && (
        <div ref={newsRef} tabIndex={-1} data-testid="push-news">
          <Notice kind={news.kind}>
            {news.text}
            {news.reason && <> {t('push.reason', { reason: news.reason })}</>}
          </Notice>
        </div>
      )}
      <h3 id="push-devices-heading" class="push-devices-title">
        {t('push.devices')}
      </h3>
      <LoadState state={devices}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('push.noDevices')}</p>
          ) : (
            <ul class="plain push-devices" aria-labelledby="push-devices-heading">
              {data.items.map((d) => (
                <li key={d.id} data-testid="push-device">
                  <span class="push-device-name">{deviceLabel(d)}</span>
                  {d.id === thisDevice && (
                    <>
                      {' '}
                      <span class="badge ok">{t('push.thisDevice')}</span>
                    </>
                  )}
                  <button
                    type="button"
                    class="button small danger"
                    aria-label={t('push.removeLabel', { device: deviceLabel(d) })}
                    aria-disabled={busy ? 'true' : undefined}
                    onClick={() => void remove(d)}
                  >
                    {t('push.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </Panel>
  );
}
