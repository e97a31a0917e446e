// The count of unread messages in the inbox, shared by the navigation's badge and the mailbox: read again after
// every navigation, when the window regains focus, and whenever the mailbox changes something.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api';

/** The last count read for the signed-in user; null before the first answer. */
let last: number | null = null;
const listeners = new Set<(n: number | null) => void>();

function publish(n: number | null): void {
  last = n;
  listeners.forEach((fn) => fn(n));
}

/** Reads the count again; a failure keeps the last one (the badge is a hint, not the mailbox). */
export async function refreshUnread(): Promise<void> {
  try {
    publish((await get<{ inbox: number }>('/messages/unread')).inbox);
  } catch {
    // Shown again at the next navigation.
  }
}

/** Follows the count without asking for it (the shell asks). */
export function useUnreadCount(): number | null {
  const [value, setValue] = useState(last);
  useEffect(() => {
    listeners.add(setValue);
    setValue(last);
    return () => {
      listeners.delete(setValue);
    };
  }, []);
  return value;
}

/** The count, kept fresh while `enabled` (a user of a school); `place` changes on every navigation. */
export function useUnreadMessages(enabled: boolean, place: string): number | null {
  useEffect(() => {
    if (!enabled) return;
    publish(null); // a new session: nothing known yet
    const onFocus = () => void refreshUnread();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [enabled]);
  useEffect(() => {
    if (enabled) void refreshUnread();
  }, [enabled, place]);
  const value = useUnreadCount();
  return enabled ? value : null;
}
