// One live connection per tab: a single EventSource on GET /feed/stream for the signed-in user, opened by the App
// while a school user is signed in and closed at sign-out. Pages subscribe to the kinds of entry they show and refresh
// themselves when one arrives (useLiveRefresh); the shell announces what is new (LiveNews).
//
// Reconnecting: the browser reconnects by itself after a dropped connection and sends Last-Event-ID, so the server
// replays what was missed before `ready`; such entries arrive as 'catch-up'. When the server refuses the stream (429,
// 401, 5xx) the EventSource gives up: we open a new one later, without `since` (the server would replay from the same
// point again at each of its own reconnects, since a query `since` wins over Last-Event-ID), and on `ready` page
// through GET /feed from the last entry we had, as we do for `event: resync`.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, query } from '../api';
import type { FeedEntry, FeedKind, FeedPage } from './types';

/** off: nobody signed in; connecting; open: entries arrive as they commit; waiting: refused, trying again later. */
export type LiveStatus = 'off' | 'connecting' | 'open' | 'waiting';

/** How an entry reached the tab: the moment it committed, or afterwards, catching up after a break. */
export type Arrival = 'live' | 'catch-up';

type Callback = (entry: FeedEntry, arrival: Arrival) => void;

interface Listener {
  kinds: ReadonlySet<FeedKind> | null;
  fn: Callback;
}

const STREAM = '/api/v1/feed/stream';
/** Waits before opening a refused stream again, growing with each refusal. */
const RETRY_MS = [3_000, 10_000, 30_000, 60_000];
/** How many delivered ids are remembered to drop an entry that comes twice (stream and catch-up overlap). */
const REMEMBERED = 1000;
const PAGE = 200;

let source: EventSource | null = null;
let retryTimer: number | undefined;
let refusals = 0;
/** The newest entry (or `ready` cursor) seen in this session; 0 before the first. */
let lastId = 0;
/** Bumped when the session ends, so that a catch-up still paging for it delivers nothing. */
let session = 0;
let status: LiveStatus = 'off';
const delivered = new Set<number>();
const listeners = new Set<Listener>();
const statusListeners = new Set<(s: LiveStatus) => void>();

function setStatus(next: LiveStatus): void {
  status = next;
  statusListeners.forEach((fn) => fn(next));
}

function deliver(entry: FeedEntry, arrival: Arrival): void {
  if (delivered.has(entry.id)) return;
  delivered.add(entry.id);
  if (delivered.size > REMEMBERED) delivered.delete(delivered.values().next().value as number);
  lastId = Math.max(lastId, entry.id);
  for (const l of [...listeners]) if (!l.kinds || l.kinds.has(entry.kind)) l.fn(entry, arrival);
}

/** Pages through GET /feed after `since`, delivering what this tab has not had yet. */
async function catchUp(since: number, forSession: number): Promise<void> {
  let cursor = since;
  for (;;) {
    let page: FeedPage;
    try {
      page = await get<FeedPage>(`/feed${query({ since: cursor, limit: PAGE })}`);
    } catch {
      return; // the next break or resync tries again; pages refresh at the next navigation anyway
    }
    if (forSession !== session) return;
    page.items.forEach((e) => deliver(e, 'catch-up'));
    cursor = page.cursor;
    if (!page.more) return;
  }
}

function open(): void {
  const forSession = session;
  let resumeFrom = lastId;
  const es = new EventSource(STREAM);
  source = es;
  let ready = false;
  setStatus('connecting');
  es.addEventListener('entry', (e) => {
    try {
      deliver(JSON.parse((e as MessageEvent<string>).data) as FeedEntry, ready ? 'live' : 'catch-up');
    } catch {
      // A malformed entry is skipped; the timeline reads it from GET /feed.
    }
  });
  es.addEventListener('ready', (e) => {
    const cursor = Number((e as MessageEvent<string>).lastEventId) || 0;
    if (resumeFrom > 0 && cursor > resumeFrom) void catchUp(resumeFrom, forSession);
    resumeFrom = 0; // the browser's own reconnects send Last-Event-ID, and the server replays
    ready = true;
    refusals = 0;
    lastId = Math.max(lastId, cursor);
    setStatus('open');
  });
  es.addEventListener('resync', (e) => {
    try {
      const { since } = JSON.parse((e as MessageEvent<string>).data) as { since: number };
      void catchUp(since, forSession);
    } catch {
      // Without a cursor there is nothing to page from.
    }
  });
  es.onerror = () => {
    ready = false; // the browser's reconnect replays what was missed before `ready`
    if (es.readyState !== EventSource.CLOSED) {
      setStatus('connecting');
      return;
    }
    es.close();
    if (source === es) source = null;
    // An EventSource hides the status; a small request does not: if the session has ended, its 401 signs the tab
    // out (see api.ts), which closes the connection for good.
    void get<FeedPage>(`/feed${query({ since: lastId, limit: 1 })}`).catch(() => undefined);
    setStatus('waiting');
    retryTimer = window.setTimeout(open, RETRY_MS[Math.min(refusals, RETRY_MS.length - 1)]);
    refusals++;
  };
}

/** Opens the tab's connection (once); called when a school user is signed in. */
export function startLive(): void {
  if (source || retryTimer !== undefined) return;
  open();
}

/** Closes the connection and forgets the session's cursor (sign-out, another user). */
export function stopLive(): void {
  session++;
  source?.close();
  source = null;
  window.clearTimeout(retryTimer);
  retryTimer = undefined;
  refusals = 0;
  lastId = 0;
  delivered.clear();
  setStatus('off');
}

/** Calls `fn` with each new entry of these kinds (all kinds when null); returns the unsubscribe function. */
export function subscribeLive(kinds: FeedKind[] | null, fn: Callback): () => void {
  const listener: Listener = { kinds: kinds ? new Set(kinds) : null, fn };
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Keeps the connection open while `userId` (a signed-in school user) is set. */
export function useLiveSession(userId: number | null): void {
  useEffect(() => {
    if (userId === null) return;
    startLive();
    return stopLive;
  }, [userId]);
}

/** Calls the latest `callback` with each new entry of these kinds while the component is mounted. */
export function useLive(kinds: FeedKind[] | null, callback: Callback): void {
  const latest = useRef(callback);
  latest.current = callback;
  const key = kinds ? [...kinds].sort().join(' ') : '*';
  useEffect(() => subscribeLive(kinds, (e, a) => latest.current(e, a)), [key]);
}

/** How long a burst of entries (a whole class's marks, a catch-up) is gathered into one refresh. */
const SETTLE_MS = 300;

/**
 * Refreshes what a page shows when an entry of these kinds arrives (about the student shown, when `studentId` is
 * given: entries about no student, as messages and school notices, always count); bursts make one refresh.
 */
export function useLiveRefresh(kinds: FeedKind[], refresh: () => void, studentId?: number): void {
  const timer = useRef<number | undefined>(undefined);
  useLive(kinds, (entry) => {
    if (studentId !== undefined && entry.student_id !== null && entry.student_id !== studentId) return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(refresh, SETTLE_MS);
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
}

/** The connection's state, for a page that says whether it is live. */
export function useLiveStatus(): LiveStatus {
  const [value, setValue] = useState(status);
  useEffect(() => {
    statusListeners.add(setValue);
    setValue(status);
    return () => {
      statusListeners.delete(setValue);
    };
  }, []);
  return value;
}
