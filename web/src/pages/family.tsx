// What the family pages share: which of the visible students (a parent's children, a student themself) is shown,
// the picker with which a parent of several children chooses, and the child's lucky number.
import { get, type VisibleStudent } from '../api';
import type { LuckyNumbers } from '../communication/types';
import { SelectField } from '../components/fields';
import { useLoad } from '../components/page';
import { useApp } from '../context';
import { useLiveRefresh } from '../feed/live';
import { addDays, formatDayLong, fullName, todayIso } from '../format';
import { navigate, useLocation } from '../router';

/** The students the user may see and the one chosen in the address (`student`), else the first. */
export function useChosenStudent(): { students: VisibleStudent[]; student: VisibleStudent | null } {
  const { me } = useApp();
  const { search } = useLocation();
  const students = me?.students ?? [];
  const wanted = search.get('student');
  const student = students.find((s) => String(s.id) === wanted) ?? students[0] ?? null;
  return { students, student };
}

/** The address of this page showing another child: `student` set beside the page's other values. */
export function withStudent(path: string, search: URLSearchParams, studentId: number | string): string {
  const params = new URLSearchParams(search);
  params.set('student', String(studentId));
  return `${path}?${params.toString()}`;
}

/**
 * For a parent of several children: the child whose page is shown, kept in the address beside its other values. A
 * family account's session has the header's switcher instead, which lists the children of all its linked accounts.
 */
export function ChildPicker({ id, path }: { id: string; path: string }) {
  const { t, me } = useApp();
  const { search } = useLocation();
  const { students, student } = useChosenStudent();
  if (me?.user.role !== 'parent' || me.family || students.length < 2 || !student) return null;
  return (
    <div class="filter-bar">
      <SelectField
        id={id}
        label={t('family.child')}
        value={String(student.id)}
        onValue={(v) => navigate(withStudent(path, search, v), true)}
        options={students.map((s) => ({ value: String(s.id), label: `${fullName(s)} (${s.class_name})` }))}
      />
    </div>
  );
}

/**
 * The lucky number (szczęśliwy numerek) of today and the next school day; the child's own number is said in words,
 * not only set apart by colour. Nothing shows while it loads, when the school has it off, or when it cannot be read:
 * it is a hint, not the page.
 */
export function LuckyNumber({ student, level = 2 }: { student: VisibleStudent; level?: 2 | 3 }) {
  const { t, lang, me } = useApp();
  const lucky = useLoad(() => get<LuckyNumbers>(`/students/${student.id}/lucky-number`), [student.id]);
  // Drawn the evening before: an open desk or terminarz shows tomorrow's as soon as it is drawn.
  useLiveRefresh(['lucky_number.drawn'], lucky.reload, student.id);
  const days = lucky.data?.scope === 'off' ? [] : (lucky.data?.days ?? []);
  if (days.length === 0) return null;
  const today = todayIso();
  const when = (date: string) =>
    date === today ? t('lucky.today') : date === addDays(today, 1) ? t('lucky.tomorrow') : formatDayLong(date, lang);
  const self = me?.user.id === student.id;
  const Heading = level === 2 ? 'h2' : 'h3';
  const id = `lucky-${student.id}`;
  return (
    <section class="lucky" aria-labelledby={id} data-testid="lucky-number">
      <Heading id={id} class="lucky-title">
        <span aria-hidden="true">☘ </span>
        {t('lucky.title')}
      </Heading>
      <ul class="plain lucky-days">
        {days.map((d) => (
          <li key={d.date} class={`lucky-day${d.mine ? ' mine' : ''}`}>
            <time dateTime={d.date} class="lucky-when">
              {when(d.date)}
            </time>
            <span class="lucky-number">{d.number}</span>
            {d.mine && (
              <strong class="lucky-mine">
                <span aria-hidden="true">★ </span>
                {self ? t('lucky.mineSelf') : t('lucky.mineChild', { name: fullName(student) })}
              </strong>
            )}
          </li>
        ))}
      </ul>
      <p class="muted lucky-scope">
        {lucky.data?.scope === 'class' ? t('lucky.scopeClass', { name: student.class_name }) : t('lucky.scopeSchool')}
      </p>
    </section>
  );
}
