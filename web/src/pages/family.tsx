// What the family pages share: which of the visible students (a parent's children, a student themself) is shown.
import type { VisibleStudent } from '../api';
import { useApp } from '../context';
import { useLocation } from '../router';

/** The students the user may see and the one chosen in the address (`student`), else the first. */
export function useChosenStudent(): { students: VisibleStudent[]; student: VisibleStudent | null } {
  const { me } = useApp();
  const { search } = useLocation();
  const students = me?.students ?? [];
  const wanted = search.get('student');
  const student = students.find((s) => String(s.id) === wanted) ?? students[0] ?? null;
  return { students, student };
}
