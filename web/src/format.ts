// Showing the API's values: calendar dates (YYYY-MM-DD) in the chosen language, people by name, Polish sorting.
import { LOCALES, type Lang } from './i18n';

/** A calendar date as a UTC instant, so formatting never shifts it by the browser's time zone. */
function civil(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, d || 1));
}

function dateFormat(lang: Lang): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "1 września 2026" / "1 September 2026". */
export function formatDate(date: string, lang: Lang): string {
  return dateFormat(lang).format(civil(date));
}

/** One day, or a run of days written the short way ("23–31 grudnia 2026"). */
export function formatDateRange(from: string, to: string, lang: Lang): string {
  if (from === to) return formatDate(from, lang);
  return dateFormat(lang).formatRange(civil(from), civil(to));
}

/** "Anna Nowak". */
export const fullName = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;

/** Surname first, for lists that are read alphabetically: "Nowak Anna". */
export const listName = (p: { first_name: string; last_name: string }) => `${p.last_name} ${p.first_name}`;

/** Compares names the Polish way (a < ą < b), numbers inside names by value (2 < 12). */
export const byPolish = (a: string, b: string) => a.localeCompare(b, 'pl', { numeric: true, sensitivity: 'base' });

/** People by surname, then first name. */
export const byName = (a: { first_name: string; last_name: string }, b: { first_name: string; last_name: string }) =>
  byPolish(a.last_name, b.last_name) || byPolish(a.first_name, b.first_name);

/** Today's date in Warsaw (the school's day), YYYY-MM-DD. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
}

/** The calendar date `days` after (or before) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = civil(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week a YYYY-MM-DD date falls in. */
export function weekStart(date: string): string {
  return addDays(date, -((civil(date).getUTCDay() + 6) % 7));
}

/** The first day of the date's month. */
export const monthStart = (date: string) => `${date.slice(0, 8)}01`;

/** The last day of the date's month. */
export function monthEnd(date: string): string {
  const d = civil(monthStart(date));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return addDays(d.toISOString().slice(0, 10), -1);
}

/** "listopad 2026" / "November 2026". */
export function formatMonth(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    civil(date),
  );
}

/** Whether a string is a YYYY-MM-DD date. */
export const isIsoDate = (s: string | null | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** "poniedziałek, 7 września 2026" / "Monday, 7 September 2026". */
export function formatDayLong(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(civil(date));
}

/** A moment (ISO date-time) as a short date and time in Warsaw. */
export function formatDateTime(at: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Warsaw',
  }).format(new Date(at));
}

/** A weekday's name as used inside a sentence (1 = "poniedziałek" / "Monday" … 7 = Sunday). */
export function weekdayName(weekday: number, lang: Lang): string {
  // 5 January 2026 was a Monday.
  return new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'long', timeZone: 'UTC' }).format(
    civil(addDays('2026-01-05', weekday - 1)),
  );
}

/** The school's day (Warsaw) of a moment, YYYY-MM-DD. */
export function warsawDate(at: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date(at));
}

/** A moment's time of day in Warsaw: "14:05". */
export function formatTime(at: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'short', timeZone: 'Europe/Warsaw' }).format(new Date(at));
}
