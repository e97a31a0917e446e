// The app shell: skip link, header (name, user, a family account's child switcher, language, theme, sign-out), role
// navigation with the unread badges, main, and what arrives live (LiveNews).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useUnreadCounts, type UnreadCounts } from '../communication/unread';
import { useApp } from '../context';
import { ChildSwitcher } from '../familyAccount/ChildSwitcher';
import { LiveNews } from '../feed/LiveNews';
import type { MessageKey } from '../i18n';
import { Link, navLabel, navRoutes, useLocation, type NavGroup, type RouteDef, type RouteId } from '../router';

/** The pages whose link carries an unread count, and which count. */
const BADGES: Partial<Record<RouteId, keyof UnreadCounts>> = { messages: 'messages', notices: 'notices' };

function HeaderControls() {
  const { t, lang, setLang, theme, setTheme, me, signOut } = useApp();
  const other = lang === 'pl' ? 'en' : 'pl';
  return (
    <div class="header-controls">
      <button type="button" class="button ghost" lang={other} onClick={() => setLang(other)}>
        {t('app.lang')}
      </button>
      <button
        type="button"
        class="button ghost"
        aria-pressed={theme === 'dark' ? 'true' : 'false'}
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        <span aria-hidden="true" class="theme-icon">
          {theme === 'dark' ? '☾' : '☀'}
        </span>{' '}
        {t('app.theme.dark')}
      </button>
      {me && (
        <button type="button" class="button ghost" onClick={() => void signOut()}>
          {t('app.signOut')}
        </button>
      )}
    </div>
  );
}

/** Who is signed in; a family account by its e-mail, with the school account it acts as (if any) beneath. */
function UserBadge() {
  const { t, me } = useApp();
  if (!me) return null;
  const user = me.user;
  const role = t(`role.${user.role}` as MessageKey);
  const school = me.school ? ` · ${me.school.name}` : '';
  return (
    <p class="user-badge">
      <span class="visually-hidden">{t('app.user')} </span>
      <span class="user-name" data-testid="user-name">
        {me.family ? me.family.email : `${user.first_name} ${user.last_name}`}
      </span>
      <span class="user-role">
        {!me.family
          ? `${role}${school}`
          : user.role === 'family'
            ? role
            : t('familyAccount.badge', {
                role,
                name: `${user.first_name} ${user.last_name}`,
                school: me.school?.name ?? '',
              })}
      </span>
    </p>
  );
}

function NavLinks({
  items,
  path,
  unread,
  onNavigate,
}: {
  items: RouteDef[];
  path: string;
  unread: UnreadCounts;
  onNavigate: () => void;
}) {
  const { t, me } = useApp();
  return (
    <>
      {items.map((r) => {
        // The unread count stays out of the link's name ("Wiadomości"): screen readers hear it as its description.
        const count = BADGES[r.id];
        const badge = (count && unread[count]) || 0;
        const describedBy = `nav-unread-${r.id}`;
        return (
          <li key={r.id}>
            <Link
              href={r.path}
              current={path === r.path}
              describedBy={badge ? describedBy : undefined}
              onNavigate={onNavigate}
            >
              {me ? navLabel(r, me.user.role, t) : t(`nav.${r.id}` as MessageKey)}
              {badge > 0 && (
                <span class="nav-badge" aria-hidden="true" data-testid={`unread-badge-${r.id}`}>
                  {badge}
                </span>
              )}
            </Link>
            {badge > 0 && (
              <span id={describedBy} hidden>
                {t('messages.unreadCount', { n: badge })}
              </span>
            )}
          </li>
        );
      })}
    </>
  );
}

/** The pages the role may open; a run of pages of one group sits in its own titled sub-list. */
function Navigation({ open, unread, onNavigate }: { open: boolean; unread: UnreadCounts; onNavigate: () => void }) {
  const { t, me } = useApp();
  const { path } = useLocation();
  if (!me) return null;
  const items = navRoutes(me);
  const runs: { group?: NavGroup; items: RouteDef[] }[] = [];
  for (const r of items) {
    const last = runs[runs.length - 1];
    if (last && last.group === r.group) last.items.push(r);
    else runs.push({ group: r.group, items: [r] });
  }
  return (
    <nav id="main-nav" class={`main-nav${open ? ' open' : ''}`} aria-label={t('app.nav')}>
      <ul>
        {runs.map((run) =>
          run.group ? (
            <li class="nav-group" key={run.group}>
              <p class="nav-group-title" id={`nav-group-${run.group}`}>
                {t(`nav.group.${run.group}` as MessageKey)}
              </p>
              <ul aria-labelledby={`nav-group-${run.group}`}>
                <NavLinks items={run.items} path={path} unread={unread} onNavigate={onNavigate} />
              </ul>
            </li>
          ) : (
            <NavLinks key={run.items[0].id} items={run.items} path={path} unread={unread} onNavigate={onNavigate} />
          ),
        )}
      </ul>
    </nav>
  );
}

/** Wraps every page; `withNav` is false on the sign-in and forced set-up pages. */
export function Shell({ withNav, children }: { withNav: boolean; children: ComponentChildren }) {
  const { t, me } = useApp();
  const [menuOpen, setMenuOpen] = useState(false);
  const { path, search } = useLocation();
  const live = withNav && !!me?.school;
  const unread = useUnreadCounts(live, `${path}?${search.toString()}`);
  // The menu button of a phone stands for the hidden links: it carries both counts.
  const menuUnread = (unread.messages ?? 0) + (unread.notices ?? 0);
  const menuUnreadText = [
    unread.messages ? t('app.unreadMessages', { n: unread.messages }) : '',
    unread.notices ? t('app.unreadNotices', { n: unread.notices }) : '',
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <div class={`layout${withNav ? ' with-nav' : ''}`}>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="app-header">
        <div class="brand-row">
          <p class="brand">
            <span class="brand-name">Kreda</span>
            <span class="brand-tagline">{t('app.tagline')}</span>
          </p>
          {withNav && (
            <button
              type="button"
              class="button ghost menu-button"
              aria-expanded={menuOpen ? 'true' : 'false'}
              aria-controls="main-nav"
              aria-describedby={menuUnread ? 'menu-unread' : undefined}
              onClick={() => setMenuOpen((o) => !o)}
            >
              <span aria-hidden="true">☰</span> {t('app.menu')}
              {menuUnread > 0 && (
                <>
                  <span class="nav-badge" aria-hidden="true">
                    {menuUnread}
                  </span>
                  <span id="menu-unread" hidden>
                    {menuUnreadText}
                  </span>
                </>
              )}
            </button>
          )}
        </div>
        <UserBadge />
        {withNav && me?.family && <ChildSwitcher />}
        <HeaderControls />
      </header>
      {withNav && <Navigation open={menuOpen} unread={unread} onNavigate={() => setMenuOpen(false)} />}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {live && <LiveNews />}
    </div>
  );
}
