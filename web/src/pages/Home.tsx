// Home: families get the desk (biurko) of a child; staff a greeting and shortcuts to the pages of their role; a family
// account linked to no school account yet goes to the family page, where it links one.
import { useEffect } from 'preact/hooks';
import { PageHeading, Panel } from '../components/page';
import { useApp } from '../context';
import { isFamily, Link, navigate, navLabel, navRoutes } from '../router';
import { DeskPage } from './Desk';

function GoTo({ path }: { path: string }) {
  useEffect(() => navigate(path, true), [path]);
  return null;
}

function Shortcuts() {
  const { t, me } = useApp();
  if (!me) return null;
  const links = navRoutes(me).filter((r) => r.id !== 'home');
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
  if (me.user.role === 'family') return <GoTo path="/family" />;
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
