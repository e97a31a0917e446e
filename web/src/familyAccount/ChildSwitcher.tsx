// The child switcher of a family account's session, in the header: every child of every linked school account, from
// any school. A child of the account the session acts as is shown by setting `student` in the address (as the family
// pages' ChildPicker does); a child of another account first switches the session to that account.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useErrorText } from '../components/form';
import { useApp } from '../context';
import { fullName } from '../format';
import { useChosenStudent, withStudent } from '../pages/family';
import { navigate, useLocation } from '../router';
import { switchToLink, useFamilyLinks, type FamilyLink } from './links';
import type { VisibleStudent } from '../api';

/** Set while a switch remakes the shell, so that the new switcher takes the focus the old one had. */
let refocus = false;

interface Choice {
  value: string;
  link: FamilyLink;
  student: VisibleStudent;
  label: string;
}

export function ChildSwitcher() {
  const { t, me, refreshMe } = useApp();
  const { path, search } = useLocation();
  const { student } = useChosenStudent();
  const { data } = useFamilyLinks();
  const [error, setError] = useState<string | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const errorText = useErrorText();

  useEffect(() => {
    if (!refocus || data === null) return;
    select.current?.focus();
    refocus = false;
  }, [data !== null]);

  if (!me?.family || !data) return null;
  const choices: Choice[] = data.links
    .filter((l) => l.active)
    .flatMap((link) =>
      link.students.map((s) => ({
        value: `${link.id}:${s.id}`,
        link,
        student: s,
        label: t('familyAccount.childChoice', { name: fullName(s), class: s.class_name, school: link.school.name }),
      })),
    );
  if (choices.length === 0) return null;
  const current = choices.find((c) => c.link.user_id === me.user.id && c.student.id === student?.id);

  if (choices.length === 1) {
    return (
      <p class="child-switcher" data-testid="family-child">
        <span class="child-switcher-label">{t('familyAccount.child')}:</span> {choices[0].label}
      </p>
    );
  }

  const choose = async (value: string) => {
    const choice = choices.find((c) => c.value === value);
    if (!choice) return;
    setError(null);
    if (choice.link.user_id === me.user.id) {
      navigate(withStudent(path, search, choice.student.id), true);
      return;
    }
    try {
      refocus = document.activeElement === select.current;
      await switchToLink(choice.link.id, refreshMe);
      navigate(withStudent(path, search, choice.student.id), true);
    } catch (e) {
      refocus = false;
      setError(errorText(e));
    }
  };

  return (
    <div class="child-switcher">
      <label for="family-child" class="child-switcher-label">
        {t('familyAccount.child')}
      </label>
      <select
        id="family-child"
        ref={select}
        value={current?.value ?? ''}
        onChange={(e) => void choose(e.currentTarget.value)}
        aria-describedby={error ? 'family-child-error' : undefined}
        aria-invalid={error ? 'true' : undefined}
      >
        {!current && <option value="">{t('familyAccount.childNone')}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {error && (
        <p class="child-switcher-error" id="family-child-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
