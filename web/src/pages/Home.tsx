// Home: families get the desk (biurko) of a child; staff a greeting and shortcuts to the pages of their role.
import { PageHeading, Panel } from '../components/page';
import { useApp } from '../context';
import { allowed, isFamily, Link, navLabel, ROUTES } from '../router';
import { DeskPage } from './Desk';

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
              {navLabel(r, me.user.role, t)}
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
  if (isFamily(me.user.role)) return <DeskPage />;
  return (
    <>
      <PageHeading title={t('home.title')} />
      <p class="lead">{t('home.welcome', { name: me.user.first_name })}</p>
      {me.school && <p>{t('home.school', { school: me.school.name })}</p>}
      <p class="muted">{t('home.soon')}</p>
      <Shortcuts />
    </>
  );
}
