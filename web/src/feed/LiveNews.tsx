// What arrives live, said once: a short visible notice linking to where it is shown (it goes by itself after a while,
// unless the pointer or focus is on it, or with its close button), and the same line in a polite status for screen
// readers. A burst (a catch-up after a break, many entries at once) makes one line that leads to the timeline.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context';
import { Link, useLocation } from '../router';
import { announcement, describeEntry } from './describe';
import { useLive } from './live';
import type { FeedEntry } from './types';

/** Entries within this time of each other are said together. */
const GATHER_MS = 400;
/** More than this many at once are said as a count. */
const ONE_BY_ONE = 2;
/** How long a notice stays on screen, and how many at most. */
const SHOWN_MS = 12_000;
const MAX_SHOWN = 3;

interface News {
  key: number;
  sign: string;
  text: string;
  href: string;
  shownAt: number;
}

let nextKey = 1;

export function LiveNews() {
  const { t, lang, me } = useApp();
  const { path } = useLocation();
  const [shown, setShown] = useState<News[]>([]);
  const [said, setSaid] = useState('');
  const gathered = useRef<FeedEntry[]>([]);
  const gatherTimer = useRef<number | undefined>(undefined);
  const held = useRef(false);
  const students = me?.students ?? [];

  const flush = () => {
    const entries = gathered.current;
    gathered.current = [];
    if (entries.length === 0) return;
    const now = Date.now();
    const news: News[] =
      entries.length > ONE_BY_ONE
        ? [{ key: nextKey++, sign: '●', text: t('live.many', { n: entries.length }), href: '/timeline', shownAt: now }]
        : entries.map((e) => {
            const d = describeEntry(e, t, lang);
            return { key: nextKey++, sign: d.sign, text: announcement(e, d, students, t), href: d.href, shownAt: now };
          });
    setSaid(news.map((n) => n.text).join('. '));
    // The timeline shows new entries at its top: only the spoken line is needed there.
    if (location.pathname !== '/timeline') setShown((all) => [...all, ...news].slice(-MAX_SHOWN));
  };

  useLive(null, (entry) => {
    // One's own announcement is no news to its author.
    if (entry.kind === 'notice.published' && entry.data.author.id === me?.user.id) return;
    gathered.current.push(entry);
    window.clearTimeout(gatherTimer.current);
    gatherTimer.current = window.setTimeout(flush, GATHER_MS);
  });
  useEffect(() => () => window.clearTimeout(gatherTimer.current), []);

  // Notices go by themselves, but not while the pointer or focus is on them.
  useEffect(() => {
    if (shown.length === 0) return;
    const timer = window.setInterval(() => {
      if (held.current) return;
      const now = Date.now();
      setShown((all) => all.filter((n) => now - n.shownAt < SHOWN_MS));
    }, 1000);
    return () => window.clearInterval(timer);
  }, [shown.length > 0]);

  const dismiss = (key: number) => setShown((all) => all.filter((n) => n.key !== key));
  const hold = (on: boolean) => () => {
    held.current = on;
  };
  return (
    <>
      <p class="visually-hidden" role="status" data-testid="live-said">
        {said}
      </p>
      {shown.length > 0 && path !== '/timeline' && (
        <section
          class="live-news"
          aria-label={t('live.region')}
          onMouseEnter={hold(true)}
          onMouseLeave={hold(false)}
          onFocusIn={hold(true)}
          onFocusOut={hold(false)}
        >
          <ul class="plain" data-testid="live-news">
            {shown.map((n) => (
              <li key={n.key} class="live-toast">
                <span class="live-sign" aria-hidden="true">
                  {n.sign}
                </span>
                <Link href={n.href} onNavigate={() => dismiss(n.key)}>
                  {n.text}
                </Link>
                <button
                  type="button"
                  class="button small live-close"
                  aria-label={t('live.close')}
                  onClick={() => dismiss(n.key)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
