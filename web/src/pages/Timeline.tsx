// The timeline (oś czasu): what changed in the register for the user, newest first, grouped by day — grades,
// attendance, excuses, the terminarz, notes, announcements, messages, timetable changes, lucky numbers — each a link
// to the page that shows it, with the child's name when a parent has several (and a choice of one of them). Families
// see all of it; staff their messages, announcements and the lucky numbers. Entries that arrive while the page is
// open are added at the top.
//
// Loading: GET /feed?before= pages back from the newest entry; the page reads up to KEPT entries, showing SHOWN at
// a time ("show older" reveals more of what is kept): usually one request.
import { useEffect, useState } from 'preact/hooks';
import { get, query, type VisibleStudent } from '../api';
import { SelectField } from '../components/fields';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import { describeEntry } from '../feed/describe';
import { useLive, useLiveStatus, type LiveStatus } from '../feed/live';
import type { FeedEntry, FeedPage } from '../feed/types';
import { addDays, formatDayLong, formatTime, fullName, todayIso, warsawDate } from '../format';
import type { MessageKey } from '../i18n';
import { isFamily, Link, navigate, useLocation } from '../router';

const PATH = '/timeline';
const PAGE = 200;
/** The newest entries kept in memory. */
const KEPT = 1000;
/** Entries shown at first and added by each "show older". */
const SHOWN = 30;

/** The reader's newest entries, newest first. */
async function loadFeed(): Promise<FeedEntry[]> {
  let kept: FeedEntry[] = [];
  let before = ''; // empty: from the newest
  for (;;) {
    const page = await get<FeedPage>(`/feed?before=${before}&limit=${PAGE}`);
    kept = kept.concat(page.items);
    before = String(page.cursor);
    if (!page.more || kept.length >= KEPT) return kept.slice(0, KEPT);
  }
}

const LIVE_TEXT: Record<LiveStatus, MessageKey> = {
  off: 'timeline.live.connecting',
  connecting: 'timeline.live.connecting',
  open: 'timeline.live.open',
  waiting: 'timeline.live.waiting',
};

function Entry({ entry, child, fresh }: { entry: FeedEntry; child: VisibleStudent | undefined; fresh: boolean }) {
  const { t, lang } = useApp();
  const d = describeEntry(entry, t, lang);
  return (
    <li class={`timeline-entry${fresh ? ' fresh' : ''}`} data-entry={entry.id} data-kind={entry.kind}>
      <span class="timeline-sign" aria-hidden="true">
        {d.sign}
      </span>
      <div class="timeline-body">
        <p class="timeline-text">
          {fresh && <span class="badge new-badge">{t('timeline.new')}</span>}{' '}
          {child && <span class="timeline-child">{child.first_name}: </span>}
          <Link href={d.href}>{d.text}</Link>
        </p>
        {d.detail && <p class="timeline-detail muted">{d.detail}</p>}
      </div>
      <time class="timeline-time muted" dateTime={entry.at}>
        {formatTime(entry.at, lang)}
      </time>
    </li>
  );
}

function Days({ entries, fresh, names }: { entries: FeedEntry[]; fresh: Set<number>; names: VisibleStudent[] }) {
  const { t, lang } = useApp();
  const today = todayIso();
  const days: { date: string; entries: FeedEntry[] }[] = [];
  for (const e of entries) {
    const date = warsawDate(e.at);
    const last = days[days.length - 1];
    if (last?.date === date) last.entries.push(e);
    else days.push({ date, entries: [e] });
  }
  const relative = (date: string) =>
    date === today ? t('timeline.today') : date === addDays(today, -1) ? t('timeline.yesterday') : '';
  return (
    <div class="timeline" data-testid="timeline">
      {days.map((day) => (
        <section key={day.date} class="timeline-day" aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`}>
            {relative(day.date) && `${relative(day.date)} — `}
            {formatDayLong(day.date, lang)}
          </h2>
          <ol class="plain timeline-list">
            {day.entries.map((e) => (
              <Entry key={e.id} entry={e} fresh={fresh.has(e.id)} child={names.find((s) => s.id === e.student_id)} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

export function TimelinePage() {
  const { t, me } = useApp();
  const { search } = useLocation();
  const status = useLiveStatus();
  const feed = useLoad(loadFeed, []);
  const [arrived, setArrived] = useState<FeedEntry[]>([]);
  const [shown, setShown] = useState(SHOWN);
  useLive(null, (entry) => setArrived((list) => (list.some((e) => e.id === entry.id) ? list : [entry, ...list])));

  const role = me?.user.role ?? 'student';
  const students = me?.students ?? [];
  const several = role === 'parent' && students.length > 1;
  const chosen = several ? students.find((s) => String(s.id) === search.get('student')) : undefined;
  // Another child (or all of them) is another list: it starts again from its newest.
  useEffect(() => setShown(SHOWN), [chosen?.id]);

  return (
    <>
      <PageHeading title={t('nav.timeline')} />
      <p class="lead">{isFamily(role) ? t('timeline.intro') : t('timeline.introStaff')}</p>
      <p class={`muted live-status live-${status}`} data-testid="live-status">
        <span aria-hidden="true">{status === 'open' ? '● ' : '○ '}</span>
        {t(LIVE_TEXT[status])}
      </p>
      {several && (
        <div class="filter-bar">
          <SelectField
            id="timeline_student"
            label={t('timeline.child')}
            value={chosen ? String(chosen.id) : ''}
            onValue={(v) => navigate(`${PATH}${query({ student: v })}`, true)}
            options={[
              { value: '', label: t('timeline.allChildren') },
              ...students.map((s) => ({ value: String(s.id), label: `${fullName(s)} (${s.class_name})` })),
            ]}
          />
        </div>
      )}
      <LoadState state={feed}>
        {(loaded) => {
          const fresh = new Set(arrived.filter((e) => !loaded.some((l) => l.id === e.id)).map((e) => e.id));
          const all = [...arrived.filter((e) => fresh.has(e.id)), ...loaded]
            .filter((e) => !chosen || e.student_id === null || e.student_id === chosen.id)
            .sort((a, b) => b.id - a.id);
          if (all.length === 0)
            return (
              <Panel id="timeline-empty" title={t('nav.timeline')}>
                <p>{chosen ? t('timeline.emptyChild') : t('timeline.empty')}</p>
              </Panel>
            );
          const visible = all.slice(0, Math.max(shown, fresh.size + SHOWN));
          return (
            <>
              <Days entries={visible} fresh={fresh} names={several && !chosen ? students : []} />
              <p class="muted" data-testid="timeline-count">
                {t('timeline.shown', { n: visible.length, total: all.length })}
              </p>
              {visible.length < all.length && (
                <p>
                  <button type="button" class="button" onClick={() => setShown(visible.length + SHOWN)}>
                    {t('timeline.more')}
                  </button>
                </p>
              )}
            </>
          );
        }}
      </LoadState>
    </>
  );
}
