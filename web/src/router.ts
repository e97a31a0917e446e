// Routing on the History API: the server answers index.html for every extensionless path.
import { h, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me, Role } from './api';
import type { MessageKey, Translate } from './i18n';

export type RouteId =
  | 'login'
  | 'home'
  | 'timeline'
  | 'security'
  | 'notifications'
  | 'staff'
  | 'classes'
  | 'students'
  | 'slips'
  | 'school'
  | 'audit'
  | 'schools'
  | 'year'
  | 'freeDays'
  | 'groups'
  | 'subjects'
  | 'assignments'
  | 'bells'
  | 'lessons'
  | 'week'
  | 'attendance'
  | 'excuses'
  | 'timetable'
  | 'changes'
  | 'grades'
  | 'gradebook'
  | 'gradeStatistics'
  | 'messages'
  | 'notices'
  | 'planner'
  | 'classPlanner'
  | 'classNotes'
  | 'familyAccount';

/** A heading the navigation shows above a run of related pages. */
export type NavGroup = 'organisation';

export interface RouteDef {
  id: RouteId;
  path: string;
  roles: Role[] | 'all';
  group?: NavGroup;
  /** Also open to every session of a family account, whichever linked school account it acts as. */
  familyAccount?: boolean;
}

const OFFICE: Role[] = ['admin', 'secretary', 'director'];

/** Everyone who belongs to a school: all but the deployment's operator. */
const SCHOOL_ROLES: Role[] = ['admin', 'director', 'secretary', 'teacher', 'pedagogue', 'parent', 'student'];

/** Who reads grade books and statistics: teachers (their own and their class's) and the office with the pedagogue. */
const GRADE_READERS: Role[] = ['teacher', 'admin', 'director', 'secretary', 'pedagogue'];

/** Every page of the app, in navigation order, with the roles that may open it. */
export const ROUTES: RouteDef[] = [
  { id: 'home', path: '/', roles: 'all' },
  { id: 'timeline', path: '/timeline', roles: SCHOOL_ROLES },
  { id: 'messages', path: '/messages', roles: SCHOOL_ROLES },
  { id: 'notices', path: '/notices', roles: SCHOOL_ROLES },
  { id: 'schools', path: '/operator/schools', roles: ['operator'] },
  { id: 'week', path: '/timetable', roles: ['parent', 'student'] },
  { id: 'grades', path: '/grades', roles: ['parent', 'student'] },
  { id: 'attendance', path: '/attendance', roles: ['parent', 'student'] },
  { id: 'planner', path: '/planner', roles: ['parent', 'student'] },
  { id: 'lessons', path: '/lessons', roles: ['teacher', 'admin', 'secretary'] },
  { id: 'classPlanner', path: '/teacher/planner', roles: ['teacher', ...OFFICE] },
  { id: 'classNotes', path: '/teacher/notes', roles: ['teacher', 'pedagogue', ...OFFICE] },
  { id: 'gradebook', path: '/gradebook', roles: GRADE_READERS },
  { id: 'excuses', path: '/excuses', roles: ['teacher', 'admin', 'secretary'] },
  { id: 'gradeStatistics', path: '/grade-statistics', roles: GRADE_READERS },
  { id: 'staff', path: '/admin/staff', roles: OFFICE },
  { id: 'classes', path: '/admin/classes', roles: OFFICE },
  { id: 'students', path: '/admin/students', roles: OFFICE },
  { id: 'slips', path: '/admin/slips', roles: ['admin', 'secretary'] },
  { id: 'school', path: '/admin/school', roles: ['admin', 'secretary', 'director'] },
  { id: 'audit', path: '/admin/audit', roles: ['admin', 'director'] },
  { id: 'year', path: '/admin/school-year', roles: OFFICE, group: 'organisation' },
  { id: 'freeDays', path: '/admin/free-days', roles: OFFICE, group: 'organisation' },
  { id: 'groups', path: '/admin/groups', roles: OFFICE, group: 'organisation' },
  { id: 'subjects', path: '/admin/subjects', roles: OFFICE, group: 'organisation' },
  { id: 'assignments', path: '/admin/assignments', roles: OFFICE, group: 'organisation' },
  { id: 'bells', path: '/admin/bells', roles: OFFICE, group: 'organisation' },
  { id: 'timetable', path: '/admin/timetable', roles: OFFICE, group: 'organisation' },
  { id: 'changes', path: '/admin/timetable-changes', roles: ['admin', 'secretary'], group: 'organisation' },
  { id: 'familyAccount', path: '/family', roles: ['family'], familyAccount: true },
  { id: 'notifications', path: '/settings/notifications', roles: SCHOOL_ROLES },
  { id: 'security', path: '/security', roles: 'all' },
  { id: 'login', path: '/login', roles: 'all' },
];

/** Parents and students: their home page is the desk (biurko) of a child. */
export const isFamily = (role: Role) => role === 'parent' || role === 'student';

/** The route's name in the navigation and as its page's title. */
export function navLabel(route: RouteDef, role: Role, t: Translate): string {
  return route.id === 'home' && isFamily(role) ? t('nav.desk') : t(`nav.${route.id}` as MessageKey);
}

/** Who a route is opened by: the session's role, and whether a family account stands behind it. */
export type Viewer = Pick<Me, 'user' | 'family'>;

/** Whether this session may open the route. */
export function allowed(route: RouteDef, viewer: Viewer): boolean {
  if (route.familyAccount && viewer.family) return true;
  return route.roles === 'all' || route.roles.includes(viewer.user.role);
}

/**
 * The routes the navigation lists for this session: all it may open but the sign-in page, and but the home page of a
 * family account linked to no school account yet (its home is the family page, listed on its own).
 */
export function navRoutes(viewer: Viewer): RouteDef[] {
  const familyHome = viewer.user.role === 'family';
  return ROUTES.filter((r) => r.id !== 'login' && !(familyHome && r.id === 'home') && allowed(r, viewer));
}

export function findRoute(path: string): RouteDef | undefined {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return ROUTES.find((r) => r.path === clean);
}

const listeners = new Set<() => void>();

/** Goes to a path inside the app without reloading the page. */
export function navigate(to: string, replace = false): void {
  const current = location.pathname + location.search;
  if (to !== current) {
    if (replace) history.replaceState(null, '', to);
    else history.pushState(null, '', to);
  }
  listeners.forEach((fn) => fn());
  if (!replace) window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => listeners.forEach((fn) => fn()));

/** The current location (path and query), re-rendering on every navigation. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const fn = () => setTick((n) => n + 1);
    listeners.add(fn);
    return () => {
      listeners.delete(fn);
    };
  }, []);
  return { path: location.pathname, search: new URLSearchParams(location.search) };
}

interface LinkProps {
  href: string;
  class?: string;
  current?: boolean;
  /** The id of an element that describes the link (a count beside it), read after its name. */
  describedBy?: string;
  onNavigate?: () => void;
  children: ComponentChildren;
}

/** An ordinary link that navigates in-app on a plain left click. */
export function Link({ href, class: cls, current, describedBy, onNavigate, children }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
    onNavigate?.();
  };
  return h(
    'a',
    { href, class: cls, onClick, 'aria-current': current ? 'page' : undefined, 'aria-describedby': describedBy },
    children,
  );
}
