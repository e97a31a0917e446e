// The root: restores the session from GET /me, holds language and theme, and picks the page to show.
import type { FunctionComponent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fetchMe, post, setApiLanguage, setCsrfToken, setSessionHandlers, type Me } from './api';
import { Shell } from './components/Shell';
import { useLiveSession } from './feed/live';
import { forgetOnSignOut } from './push/browser';
import { AppContext, type AppState } from './context';
import { applyLang, initialLang, translator, type Lang } from './i18n';
import { allowed, findRoute, navigate, useLocation, type RouteId } from './router';
import { applyTheme, chooseTheme, initialTheme, watchSystemTheme, type Theme } from './theme';
import { AssignmentsPage } from './pages/Assignments';
import { AuditPage } from './pages/Audit';
import { BellSchedulePage } from './pages/BellSchedule';
import { ClassesPage } from './pages/Classes';
import { FirstPasswordPage } from './pages/FirstPassword';
import { ActivatePage } from './pages/Activate';
import { ConfirmEmailPage } from './pages/ConfirmEmail';
import { FamilyAccountPage } from './pages/FamilyAccount';
import { ExcuseInboxPage } from './pages/ExcuseInbox';
import { FreeDaysPage } from './pages/FreeDays';
import { GroupsPage } from './pages/Groups';
import { HomePage } from './pages/Home';
import { LoginPage } from './pages/Login';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordReset';
import { NotFoundPage } from './pages/NotFound';
import { NotificationSettingsPage } from './pages/NotificationSettings';
import { SchoolsPage } from './pages/Schools';
import { SchoolSettingsPage } from './pages/SchoolSettings';
import { SchoolYearPage } from './pages/SchoolYear';
import { SecurityPage } from './pages/Security';
import { SignUpPage } from './pages/SignUp';
import { SlipsPage } from './pages/Slips';
import { StaffPage } from './pages/Staff';
import { StudentsPage } from './pages/Students';
import { SubjectsRoomsPage } from './pages/SubjectsRooms';
import { FamilyAttendancePage } from './pages/FamilyAttendance';
import { FamilyWeekPage } from './pages/FamilyWeek';
import { FamilyGradesPage } from './pages/FamilyGrades';
import { GradebookPage } from './pages/Gradebook';
import { GradeStatisticsPage } from './pages/GradeStatistics';
import { TeacherLessonsPage } from './pages/TeacherLessons';
import { TimetablePage } from './pages/Timetable';
import { TimetableChangesPage } from './pages/TimetableChanges';
import { TotpRequiredPage } from './pages/TotpRequired';
import { MessagesPage } from './pages/Messages';
import { NoticesPage } from './pages/Notices';
import { FamilyPlannerPage } from './pages/FamilyPlanner';
import { ClassPlannerPage } from './pages/ClassPlanner';
import { ClassNotesPage } from './pages/ClassNotes';
import { TimelinePage } from './pages/Timeline';

const PAGES: Record<Exclude<RouteId, 'login'>, FunctionComponent> = {
  home: HomePage,
  timeline: TimelinePage,
  security: SecurityPage,
  notifications: NotificationSettingsPage,
  staff: StaffPage,
  classes: ClassesPage,
  students: StudentsPage,
  slips: SlipsPage,
  school: SchoolSettingsPage,
  audit: AuditPage,
  schools: SchoolsPage,
  year: SchoolYearPage,
  freeDays: FreeDaysPage,
  groups: GroupsPage,
  subjects: SubjectsRoomsPage,
  assignments: AssignmentsPage,
  bells: BellSchedulePage,
  lessons: TeacherLessonsPage,
  week: FamilyWeekPage,
  attendance: FamilyAttendancePage,
  excuses: ExcuseInboxPage,
  timetable: TimetablePage,
  changes: TimetableChangesPage,
  grades: FamilyGradesPage,
  gradebook: GradebookPage,
  gradeStatistics: GradeStatisticsPage,
  messages: MessagesPage,
  notices: NoticesPage,
  planner: FamilyPlannerPage,
  classPlanner: ClassPlannerPage,
  classNotes: ClassNotesPage,
  familyAccount: FamilyAccountPage,
};

type Session = { state: 'loading' } | { state: 'failed' } | { state: 'out' } | { state: 'in'; me: Me };

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [theme, setThemeState] = useState<Theme>(initialTheme);
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const activation = useRef<string | null>(null);
  const returnTo = useRef<string | null>(null);
  const { path } = useLocation();
  const t = useMemo(() => translator(lang), [lang]);

  setApiLanguage(lang, t('common.networkError'));
  useEffect(() => applyLang(lang), [lang]);
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => watchSystemTheme(setThemeState), []);

  const restore = async () => {
    try {
      const me = await fetchMe();
      setSession(me ? { state: 'in', me } : { state: 'out' });
    } catch {
      setSession({ state: 'failed' });
    }
  };

  const signedOut = () => {
    setCsrfToken(null);
    activation.current = null;
    setSession({ state: 'out' });
  };

  useEffect(() => {
    setSessionHandlers(signedOut, () => void restore());
    void restore();
  }, []);

  // One live feed connection per tab, for a school's user past the first-password and TOTP gates; closed at sign-out.
  // A family account's session reconnects when it switches accounts: the acting user's id changes.
  const me = session.state === 'in' ? session.me : null;
  useLiveSession(me?.school && !me.must_change_password && !me.must_enrol_totp ? me.user.id : null);

  // Keep the address bar in step with the session: /login when signed out, away from it when in.
  useEffect(() => {
    if (session.state === 'out' && path !== '/login' && !SIGNED_OUT_PAGES[path]) {
      if (path !== '/') returnTo.current = path + location.search;
      navigate('/login', true);
    } else if (session.state === 'in' && path === '/login') {
      navigate(returnTo.current ?? '/', true);
      returnTo.current = null;
    }
  }, [session.state, path]);

  // After in-app navigation, move focus to the new page's heading so screen readers announce it.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    document.getElementById('page-title')?.focus();
  }, [path]);

  const state: AppState = {
    lang,
    t,
    setLang: setLangState,
    theme,
    setTheme: (next) => {
      chooseTheme(next);
      setThemeState(next);
    },
    me,
    refreshMe: restore,
    signedIn: (me, password) => {
      activation.current = me.must_change_password ? password : null;
      setSession({ state: 'in', me });
    },
    activationCode: () => activation.current,
    signOut: async () => {
      try {
        // A browser signed out stops receiving this account's pushes (a shared computer).
        const pushEndpoint = me ? await forgetOnSignOut(me).catch(() => null) : null;
        await post('/auth/logout', pushEndpoint ? { push_endpoint: pushEndpoint } : {});
      } catch {
        // The session is dropped locally either way.
      }
      signedOut();
      navigate('/login');
    },
  };

  return <AppContext.Provider value={state}>{renderPage(session, path, t)}</AppContext.Provider>;
}

// Pages that work without signing in (also while signed in: a reset, activation or new-address link may be for another
// account).
const SIGNED_OUT_PAGES: Record<string, FunctionComponent> = {
  '/forgot-password': ForgotPasswordPage,
  '/reset-password': ResetPasswordPage,
  '/register': SignUpPage,
  '/activate': ActivatePage,
  '/confirm-email': ConfirmEmailPage,
};

function renderPage(session: Session, path: string, t: AppState['t']) {
  const SignedOutPage = SIGNED_OUT_PAGES[path];
  if (SignedOutPage && session.state !== 'loading') {
    return (
      <Shell withNav={false}>
        <SignedOutPage />
      </Shell>
    );
  }
  if (session.state === 'loading') {
    return (
      <Shell withNav={false}>
        <p class="muted" role="status" data-loading>
          {t('app.loading')}
        </p>
      </Shell>
    );
  }
  if (session.state === 'failed') {
    return (
      <Shell withNav={false}>
        <h1>{t('app.bootError')}</h1>
        <button type="button" class="button primary" onClick={() => location.reload()}>
          {t('app.retry')}
        </button>
      </Shell>
    );
  }
  if (session.state === 'out') {
    return (
      <Shell withNav={false}>
        <LoginPage />
      </Shell>
    );
  }
  const { me } = session;
  if (me.must_change_password) {
    return (
      <Shell withNav={false}>
        <FirstPasswordPage />
      </Shell>
    );
  }
  if (me.must_enrol_totp) {
    return (
      <Shell withNav={false}>
        <TotpRequiredPage />
      </Shell>
    );
  }
  const route = findRoute(path);
  if (route?.id === 'login') {
    // Signed in on /login: App's effect is about to move to the page asked for.
    return (
      <Shell withNav={false}>
        <p class="muted" role="status" data-loading>
          {t('app.loading')}
        </p>
      </Shell>
    );
  }
  const Page = route && allowed(route, me) ? PAGES[route.id] : NotFoundPage;
  return (
    <Shell withNav key={me.user.id}>
      <Page />
    </Shell>
  );
}
