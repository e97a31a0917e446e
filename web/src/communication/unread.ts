// The unread counts that the navigation's badges, the mailbox, the notice board and the desk share: messages in the
// inbox and announcements not yet opened. Read again after every navigation, when the window regains focus, the
// moment the feed says a message or an announcement arrived, and whenever a page changes something.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api';
import { useLive } from '../feed/live';

/** One count kept for the signed-in user: the last answer (null before the first) and who follows it. */
function counter<T>(path: string, pick: (answer: T) => number) {
  let last: number | null = null;
  const listeners = new Set<(n: number | null) => void>();
  const publish = (n: number | null) => {
    last = n;
    listeners.forEach((fn) => fn(n));
  };
  return {
    publish,
    /** Reads the count again; a failure keeps the last one (a badge is a hint, not the page). */
    async refresh(): Promise<void> {
      try {
        publish(pick(await get<T>(path)));
      } catch {
        // Shown again at the next navigation.
      }
    },
    /** Follows the count without asking for it (the shell asks). */
    use(): number | null {
      const [value, setValue] = useState(last);
      useEffect(() => {
        listeners.add(setValue);
        setValue(last);
        return () => {
          listeners.delete(setValue);
        };
      }, []);
      return value;
    },
  };
}

const messages = counter<{ inbox: number }>('/messages/unread', (a) => a.inbox);
const notices = counter<{ unread: number }>('/notices/unread', (a) => a.unread);

/** Reads the unread messages again (after opening, moving or deleting one). */
export const refreshUnread = () => messages.refresh();
/** The unread messages in the inbox. */
export const useUnreadCount = () => messages.use();
/** Reads the unopened announcements again (after opening one). */
export const refreshUnreadNotices = () => notices.refresh();
/** The announcements valid today that speak to the user and are not yet opened. */
export const useUnreadNotices = () => notices.use();

export interface UnreadCounts {
  messages: number | null;
  notices: number | null;
}

/** Both counts, kept fresh while `enabled` (a user of a school); `place` changes on every navigation. */
export function useUnreadCounts(enabled: boolean, place: string): UnreadCounts {
  useEffect(() => {
    if (!enabled) return;
    messages.publish(null); // a new session: nothing known yet
    notices.publish(null);
    const onFocus = () => {
      void messages.refresh();
      void notices.refresh();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [enabled]);
  useEffect(() => {
    if (!enabled) return;
    void messages.refresh();
    void notices.refresh();
  }, [enabled, place]);
  useLive(['message.received', 'notice.published'], (entry) => {
    if (!enabled) return;
    void (entry.kind === 'message.received' ? messages.refresh() : notices.refresh());
  });
  const counts = { messages: messages.use(), notices: notices.use() };
  return enabled ? counts : { messages: null, notices: null };
}
