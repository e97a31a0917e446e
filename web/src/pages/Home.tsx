// Home: a greeting; parents see their children, students themselves, each with the lucky number; staff get shortcuts
// for their role.
import type { VisibleStudent } from '../api';
import { PageHeading, Panel } from '../components/page';
import { useApp } from '../context';
import type { MessageKey } from '../i18n';
import { allowed, Link, ROUTES } from '../router';
import { LuckyNumber } from './family';

function StudentCards({ students }: { students: VisibleStudent[] }) {
  const { t } = useApp();
  if (students.length === 0) return <p>{t('home.noStudents')}</p>;
  return (
    <ul class="cards" data-testid="my-students">
      {students.map((s) => (
        <li class="card student-card" key={s.id}>
          <p class="student-name">
            {s.first_name} {s.last_name}
          </p>
          <p class="muted">{t('home.class', { name: s.class_name })}</p>
          <LuckyNumber student={s} level={3} />
        </li>
      ))}
    </ul>
  );
}

function Shortcuts() {
  const { t, me } = useApp();
  if (!me) return null;
  const links = ROUTES.filter((r) => !['home', 'login'].includes(r.id) && allowed(r, me.user.role));
  return (
    <Panel id="shortcuts-heading" title={t('home.shortcuts')}>
      <ul class="shortcut-list">
        {links.map((r) => (
          <li key={r.id}>
            <Link href={r.path} class="shortcut">
              {t(`nav.${r.id}` as MessageKey)}
            </Link>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

export function HomePage() {
  const { t, me } = useApp();
  if (!me) return null;
  const role = me.user.role;
  const family = role === 'parent' || role === 'student';
  return (
    <>
      <PageHeading title={t('home.title')} />
      <p class="lead">{t('home.welcome', { name: me.user.first_name })}</p>
      {me.school && <p>{t('home.school', { school: me.school.name })}</p>}
      {family && (
        <Panel id="students-heading" title={role === 'parent' ? t('home.children') : t('home.self')}>
          <StudentCards students={me.students} />
        </Panel>
      )}
      <p class="muted">{t('home.soon')}</p>
      <Shortcuts />
    </>
  );
}
