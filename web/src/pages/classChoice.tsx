// What the staff's class pages (terminarz, notes) share: the class shown, kept in the address (`class`), and the picker
// with which a teacher of several classes, or the office, chooses it.
import type { Role, SchoolClass } from '../api';
import { SelectField } from '../components/fields';
import { useApp } from '../context';
import { navigate, useLocation } from '../router';

/** The office (admin, director, secretary) plans and reads for every class of the school. */
export const OFFICE: Role[] = ['admin', 'director', 'secretary'];

/** The class chosen in the address, else the one the user leads, else the first. */
export function useChosenClass(classes: SchoolClass[]): SchoolClass | null {
  const { me } = useApp();
  const { search } = useLocation();
  const wanted = search.get('class');
  return (
    classes.find((c) => String(c.id) === wanted) ??
    classes.find((c) => c.homeroom_teacher?.id === me?.user.id) ??
    classes[0] ??
    null
  );
}

/** The class picker; changing the class keeps the address's other values. */
export function ClassPicker({ id, path, classes }: { id: string; path: string; classes: SchoolClass[] }) {
  const { t, me } = useApp();
  const { search } = useLocation();
  const chosen = useChosenClass(classes);
  if (!chosen || classes.length < 2) return null;
  return (
    <div class="filter-bar">
      <SelectField
        id={id}
        label={t('classPlanner.class')}
        value={String(chosen.id)}
        onValue={(v) => {
          const params = new URLSearchParams(search);
          params.set('class', v);
          params.delete('student');
          navigate(`${path}?${params.toString()}`, true);
        }}
        options={classes.map((c) => ({
          value: String(c.id),
          label: c.homeroom_teacher?.id === me?.user.id ? t('classPlanner.ownClass', { name: c.name }) : c.name,
        }))}
      />
    </div>
  );
}
