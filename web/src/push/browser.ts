// Web Push on this browser: whether it can, the service worker (/sw.js, scope /) and its one subscription, and which
// accounts signed in here subscribed through it. The browser holds one subscription per site, but a family account
// subscribes it once for each linked account it acts as, and several people may sign in on one computer: so the
// server's id of each account's subscription is remembered here, and the browser's is given up only when no account
// signed in here still uses it.
import type { Me } from '../api';

/** Why turning push on did not work, for the page to say in words. */
export type PushFailure = 'dismissed' | 'denied' | 'failed';

export class PushError extends Error {
  constructor(
    readonly failure: PushFailure,
    /** What the browser said, when it said something (a push service it cannot reach …). */
    readonly reason = '',
  ) {
    super(reason || failure);
  }
}

/** Whether this browser can receive Web Push here: a service worker, the Push API and notifications. */
export function pushSupported(): boolean {
  return window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The page's permission to show notifications: `denied` when the browser (or the user, in it) blocks them. */
export const notificationPermission = (): NotificationPermission => Notification.permission;

/** base64url without padding (the server's VAPID key) as bytes, the form `applicationServerKey` takes. */
export function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameBytes(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

/** The promise's value, or a rejection when it takes longer than `ms` (a worker that never starts). */
function settlesWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer = 0;
  const late = new Promise<never>((_, fail) => {
    timer = window.setTimeout(() => fail(new Error(what)), ms);
  });
  return Promise.race([promise, late]).finally(() => window.clearTimeout(timer));
}

/** The browser's subscription for this site, if the worker is registered and subscribed; never asks anything. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return registration ? registration.pushManager.getSubscription() : null;
}

/**
 * Asks to show notifications when not allowed yet; call it first in a click handler, before anything is awaited, as
 * browsers ask only in answer to the user. Throws PushError when not allowed.
 */
export async function askPermission(): Promise<void> {
  const permission =
    Notification.permission === 'granted'
      ? 'granted'
      : await Notification.requestPermission().catch((): NotificationPermission => 'default');
  if (permission === 'denied') throw new PushError('denied');
  if (permission !== 'granted') throw new PushError('dismissed');
}

/**
 * Registers the worker and subscribes with the server's key, reusing the browser's subscription when it was made
 * with that key. Throws PushError (`failed`: no worker, or no push service reachable, with the browser's reason).
 */
export async function subscribe(publicKey: string): Promise<PushSubscription> {
  const key = base64UrlBytes(publicKey);
  try {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const registration = await settlesWithin(navigator.serviceWorker.ready, 10_000, 'the service worker did not start');
    const existing = await registration.pushManager.getSubscription();
    if (existing && sameBytes(existing.options.applicationServerKey, key)) return existing;
    // Made with another key (the server's changed): the push service would refuse the server's pushes.
    if (existing) await existing.unsubscribe();
    return await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch (e) {
    throw new PushError('failed', e instanceof Error ? e.message : String(e));
  }
}

/** What is remembered of one account's subscription through this browser. */
export interface Remembered {
  /** The server's id of the subscription (DELETE /me/push-subscriptions/{id}). */
  id: number;
  endpoint: string;
}

const STORAGE_KEY = 'kreda-push';

function readAll(): Record<string, Remembered> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, Remembered>) : {};
  } catch {
    return {};
  }
}

function writeAll(all: Record<string, Remembered>): void {
  try {
    if (Object.keys(all).length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Storage unavailable (private mode): the device is then found again by subscribing once more.
  }
}

/**
 * Who subscribes: the school account, or a family account acting as one of its linked accounts (the server keeps
 * those apart, and the same person may sign in both ways on one computer).
 */
export const subscriber = (me: Pick<Me, 'user' | 'family'>): string =>
  me.family ? `family-${me.family.id}:${me.user.id}` : String(me.user.id);

/** The subscription this subscriber made through this browser, if any. */
export const remembered = (who: string): Remembered | null => readAll()[who] ?? null;

/** Remembers (or, with null, forgets) the subscription this subscriber made through this browser. */
export function remember(who: string, value: Remembered | null): void {
  const all = readAll();
  if (value) all[who] = value;
  else delete all[who];
  writeAll(all);
}

/** Whether another subscriber signed in here still receives pushes through this endpoint. */
export const usedByOthers = (endpoint: string, who: string): boolean =>
  Object.entries(readAll()).some(([other, r]) => other !== who && r.endpoint === endpoint);

/**
 * Forgets what the matching subscribers subscribed here, and gives up the browser's subscription when no one else
 * signed in here uses it. Returns the browser's endpoint, if it has a subscription.
 */
async function forget(matches: (who: string) => boolean): Promise<string | null> {
  if (!pushSupported()) return null;
  const all = readAll();
  for (const who of Object.keys(all)) if (matches(who)) delete all[who];
  writeAll(all);
  const subscription = await currentSubscription().catch(() => null);
  if (!subscription) return null;
  if (!Object.values(all).some((r) => r.endpoint === subscription.endpoint))
    await subscription.unsubscribe().catch(() => false);
  return subscription.endpoint;
}

/** After a family account is deleted (the server forgets its devices with it). */
export async function forgetFamily(familyId: number): Promise<void> {
  await forget((who) => who.startsWith(`family-${familyId}:`));
}

/**
 * Before signing out: forgets this account's subscriptions here (a family account's, for every linked account) and
 * returns the browser's endpoint, for the server to stop pushing to it for this account (POST /auth/logout).
 */
export function forgetOnSignOut(me: Pick<Me, 'user' | 'family'>): Promise<string | null> {
  const family = me.family ? `family-${me.family.id}:` : null;
  return forget((who) => (family ? who.startsWith(family) : who === String(me.user.id)));
}
