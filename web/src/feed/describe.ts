// A feed entry in words, by kind: the line said about it (shown on the timeline, announced when it arrives live), a
// detail line, a sign for the kind, and the page that shows it. Pure: the same entry always reads the same.
import { query } from '../api';
import { formatDate, formatDayLong, fullName, weekStart } from '../format';
import { gradeChangeText } from '../grades/show';
import type { Lang, MessageKey, Translate } from '../i18n';
import type { FeedEntry, FeedKind } from './types';

export interface Described {
  /** A sign for the kind; hidden from screen readers, since `text` says what it is. */
  sign: string;
  /** "Nowa ocena: Chemia — 5". */
  text: string;
  /** The grade's description, the homework's text, who wrote … ; empty when there is nothing more. */
  detail: string;
  /** The page that shows it, with the student chosen. */
  href: string;
}

const SIGNS: Record<FeedKind, string> = {
  'grade.added': '★',
  'grade.changed': '★',
  'attendance.marked': '✓',
  'excuse.decided': '✓',
  'event.added': '✎',
  'homework.set': '✎',
  'homework.changed': '✎',
  'note.added': '•',
  'notice.published': '☰',
  'message.received': '✉',
  'timetable.changed': '⇄',
  'lucky_number.drawn': '☘',
};

const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

export function describeEntry(entry: FeedEntry, t: Translate, lang: Lang): Described {
  const child = entry.student_id ?? undefined;
  const at = (path: string, params: Record<string, string | number | undefined> = {}) =>
    `${path}${query({ student: child, ...params })}`;
  const sign = SIGNS[entry.kind] ?? '•';
  const date = (d: string) => formatDate(d, lang);
  switch (entry.kind) {
    case 'grade.added': {
      const g = entry.data;
      return {
        sign,
        text: t('feed.grade.added', { subject: g.subject, value: g.value }),
        detail: joined(g.description, g.comment && `„${g.comment}”`),
        href: at('/grades'),
      };
    }
    case 'grade.changed': {
      const c = entry.data;
      return {
        sign,
        text: t('feed.grade.changed', {
          subject: c.subject ?? t('grades.behaviour'),
          change: gradeChangeText(c.what, c.before, c.after, t),
        }),
        detail: c.detail,
        href: at('/grades'),
      };
    }
    case 'attendance.marked': {
      const m = entry.data;
      const values = { subject: m.subject ?? t('feed.unknownSubject'), n: m.lesson_number, code: m.code };
      return {
        sign,
        text:
          m.before === null
            ? t('feed.attendance.marked', values)
            : t('feed.attendance.changed', { ...values, before: m.before }),
        detail: date(m.date),
        href: at('/attendance'),
      };
    }
    case 'excuse.decided': {
      const e = entry.data;
      return {
        sign,
        text: t(e.decision === 'accepted' ? 'feed.excuse.accepted' : 'feed.excuse.rejected'),
        detail: e.comment,
        href: at('/attendance'),
      };
    }
    case 'event.added': {
      const e = entry.data;
      const what = [t(`planner.kind.${e.kind}` as MessageKey), e.subject?.name].filter(Boolean).join(', ');
      return {
        sign,
        text: t('feed.event.added', { what, date: date(e.date) }),
        detail: joined(e.description, fullName(e.author)),
        href: at('/planner', { date: e.date }),
      };
    }
    case 'homework.set':
    case 'homework.changed': {
      const h = entry.data;
      return {
        sign,
        text: t(entry.kind === 'homework.set' ? 'feed.homework.set' : 'feed.homework.changed', {
          subject: h.subject.name,
          date: date(h.due_on),
        }),
        detail: joined(h.text, fullName(h.teacher)),
        href: at('/planner'),
      };
    }
    case 'note.added': {
      const n = entry.data;
      const kind = t(`planner.note.${n.kind}` as MessageKey);
      return {
        sign,
        text: n.category ? `${kind}: ${n.category}` : kind,
        detail: joined(n.text, fullName(n.teacher)),
        href: at('/planner'),
      };
    }
    case 'notice.published': {
      const n = entry.data;
      return {
        sign,
        text: t('feed.notice.published', { title: n.title }),
        detail: fullName(n.author).trim(),
        href: '/notices',
      };
    }
    case 'message.received': {
      const m = entry.data;
      const from = fullName(m.from).trim();
      return {
        sign,
        text: t('feed.message.received', { subject: m.subject }),
        detail: from ? t('feed.from', { name: from }) : '',
        href: `/messages${query({ id: m.message_id })}`,
      };
    }
    case 'timetable.changed': {
      const c = entry.data;
      const when = t('feed.lessonOn', { date: date(c.date), n: c.lesson_number });
      // "Zastępstwo: 24 listopada 2026, lekcja 3 — Matematyka"; a moved lesson says where to, after an arrow.
      const lesson = [when, c.subject].filter(Boolean).join(' — ');
      const to = c.moved_to && t('feed.lessonOn', { date: date(c.moved_to.date), n: c.moved_to.lesson_number });
      const what = to ? `${lesson} → ${to}` : lesson;
      const href = at('/timetable', { week: weekStart(c.date) });
      if (c.withdrawn)
        return {
          sign,
          text: t('feed.timetable.withdrawn', { change: t(`feed.timetable.kind.${c.kind}` as MessageKey), what }),
          detail: t('feed.timetable.asBefore'),
          href,
        };
      // A cancelled lesson has no teacher or room to name.
      const held = c.kind !== 'cancellation';
      const teacher =
        held && c.teacher
          ? t(c.kind === 'substitution' ? 'feed.timetable.substitute' : 'feed.timetable.teacher', { name: c.teacher })
          : null;
      return {
        sign,
        text: t(`feed.timetable.${c.kind}` as MessageKey, { what }),
        detail: joined(teacher, held && c.room ? t('feed.timetable.room', { room: c.room }) : null, c.note),
        href,
      };
    }
    case 'lucky_number.drawn': {
      const l = entry.data;
      return {
        sign,
        text: t('feed.lucky', { day: formatDayLong(l.date, lang), number: l.number }),
        detail: t('feed.luckyDetail'),
        href: at('/'),
      };
    }
  }
  // A kind this version does not know yet (a newer server): said by its name, linked to the timeline.
  return { sign, text: (entry as { kind: string }).kind, detail: '', href: '/timeline' };
}

/** The line to announce: with the child's name first when the reader sees several children. */
export function announcement(
  entry: FeedEntry,
  described: Described,
  students: { id: number; first_name: string }[],
  t: Translate,
): string {
  const child = students.length > 1 ? students.find((s) => s.id === entry.student_id) : undefined;
  return child ? t('feed.child', { name: child.first_name, text: described.text }) : described.text;
}
