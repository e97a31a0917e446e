// What the family pages share: which of the visible students (a parent's children, a student themself) is shown,
// and the picker with which a parent of several children chooses.
import type { VisibleStudent } from '../api';
import { SelectField } from '../components/fields';
import { useApp } from '../context';
import { fullName } from '../format';
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

/** For a parent of several children: the child whose page is shown, kept in the address beside its other values. */
export function ChildPicker({ id, path }: { id: string; path: string }) {
  const { t, me } = useApp();
  const { search } = useLocation();
  const { students, student } = useChosenStudent();
  if (me?.user.role !== 'parent' || students.length < 2 || !student) return null;
  return (
    <div class="filter-bar">
      <SelectField
        id={id}
        label={t('family.child')}
        value={String(student.id)}
        onValue={(v) => {
          const params = new URLSearchParams(search);
          params.set('student', v);
          navigate(`${path}?${params.toString()}`, true);
        }}
        options={students.map((s) => ({ value: String(s.id), label: `${fullName(s)} (${s.class_name})` }))}
      />
    </div>
  );
}
