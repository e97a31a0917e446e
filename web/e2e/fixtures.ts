// Shared helpers for the e2e tests: the demo accounts, signing in and out, the API, and axe checks.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export interface DemoLogin {
  role: string;
  login: string;
  password: string;
  name: string;
}

export const test = base.extend<{}>({
  baseURL: async ({}, use) => {
    const url = process.env.KREDA_E2E_BASE_URL;
    if (!url) throw new Error('KREDA_E2E_BASE_URL is not set: global-setup did not run');
    await use(url);
  },
});
export { expect };

/** Every account `kreda demo` wrote to its logins file. */
export function demoLogins(): DemoLogin[] {
  const file = process.env.KREDA_E2E_LOGINS;
  if (!file) throw new Error('KREDA_E2E_LOGINS is not set: global-setup did not run');
  return JSON.parse(readFileSync(file, 'utf8')) as DemoLogin[];
}

/** The n-th demo account with this role; fails the test (never skips) when the demo has none. */
export function account(role: string, index = 0): DemoLogin {
  const found = demoLogins().filter((l) => l.role === role)[index];
  if (!found) throw new Error(`the demo logins file has no ${role} #${index + 1}`);
  return found;
}

/** Waits until no "loading" placeholder is on the page. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('[data-loading]')).toHaveCount(0);
}

/** Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of violations. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.passes.length, `axe checked nothing on ${where}`).toBeGreaterThan(0);
  const problems = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(problems, `axe violations on ${where}`).toEqual([]);
}

/** Signs in through the sign-in form and waits for the shell to show the user's name. */
export async function signIn(page: Page, who: { login: string; password: string; name?: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Login', { exact: true }).fill(who.login);
  await page.getByLabel('Hasło', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  if (who.name) await expect(page.getByTestId('user-name')).toContainText(who.name);
}

/** Signs out with the header button and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Logowanie' })).toBeVisible();
}

/** Opens a page through the main navigation (opening the collapsed menu first on narrow screens). */
export async function openFromNav(page: Page, label: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/** Calls the API as a script would: a Bearer token from an app login. */
export async function apiAs(who: DemoLogin) {
  const base = process.env.KREDA_E2E_BASE_URL;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: who.login, password: who.password, client: 'app' }),
  });
  expect(login.status, `API login as ${who.login}`).toBe(200);
  const { token } = (await login.json()) as { token: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
  };
}

/** True when the document is wider than the viewport (a horizontal scrollbar). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Today in Warsaw, YYYY-MM-DD: the school's day, as the server counts it. */
export function warsawToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
}

/** A string no other test run writes, for finding one's own rows among everything else. */
export const unique = (text: string) => `${text} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** An e-mail address no other test (or run) uses. */
export const newAddress = (who: string) =>
  `${who}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@example.pl`;

/**
 * The token of the newest mail to this address whose link opens `page` (/activate, /confirm-email), read from the
 * demo's /dev/mail; mail leaves through an outbox, so this waits for it.
 */
export async function mailedToken(address: string, page: '/activate' | '/confirm-email'): Promise<string> {
  const link = new RegExp(`${page}#([0-9a-f]{64})`);
  let token = '';
  await expect
    .poll(
      async () => {
        const html = await (await fetch(`${process.env.KREDA_E2E_BASE_URL}/dev/mail`)).text();
        const mail = html
          .split('<article>')
          .slice(1)
          .find((a) => a.includes(`To: ${address} ·`) && link.test(a));
        token = mail?.match(link)?.[1] ?? '';
        return token;
      },
      { message: `a mail to ${address} with a ${page} link` },
    )
    .not.toBe('');
  return token;
}

/** A family account signed up and activated through the API, as the pages do. */
export async function activatedFamilyAccount(email: string, password: string): Promise<void> {
  const base = `${process.env.KREDA_E2E_BASE_URL}/api/v1/family`;
  const json = { 'Content-Type': 'application/json' };
  const signUp = await fetch(`${base}/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password, age_bracket: '18_plus', accept_terms: true }),
  });
  expect(signUp.status, `${email} signs up`).toBe(202);
  const token = await mailedToken(email, '/activate');
  const activated = await fetch(`${base}/activate`, { method: 'POST', headers: json, body: JSON.stringify({ token }) });
  expect(activated.status, `${email} is activated`).toBe(200);
}

interface FamilyChild {
  id: number;
  first_name: string;
  last_name: string;
  class_id: number;
  class_name: string;
}

interface SchoolClassRef {
  id: number;
  name: string;
  homeroom_teacher: { id: number } | null;
}

/**
 * The demo homeroom teacher's class, and a demo parent with a child in it: found from the data, so the tests do not
 * depend on how the demo happens to seat people.
 */
export async function homeroomFamily(): Promise<{
  teacher: DemoLogin;
  teacherId: number;
  schoolId: number;
  classId: number;
  className: string;
  parent: DemoLogin;
  child: FamilyChild;
}> {
  const teacher = account('homeroom_teacher');
  const asTeacher = await apiAs(teacher);
  const me = await asTeacher<{ user: { id: number }; school: { id: number } }>('GET', '/me');
  const classes = await asTeacher<{ items: SchoolClassRef[] }>('GET', `/schools/${me.json.school.id}/classes`);
  const own = classes.json.items.find((c) => c.homeroom_teacher?.id === me.json.user.id);
  if (!own) throw new Error('the demo homeroom teacher leads no class');
  for (const parent of demoLogins().filter((l) => l.role === 'parent')) {
    const family = await (await apiAs(parent))<{ students: FamilyChild[] }>('GET', '/me');
    const child = family.json.students.find((s) => s.class_id === own.id);
    if (child)
      return {
        teacher,
        teacherId: me.json.user.id,
        schoolId: me.json.school.id,
        classId: own.id,
        className: own.name,
        parent,
        child,
      };
  }
  throw new Error(`no demo parent has a child in class ${own.name}`);
}

interface Person {
  first_name: string;
  last_name: string;
}

/**
 * A new school with one class, children in it and their parent, made through the API as a school would be: the demo
 * operator creates the school, its administrator sets a password and adds the class and the children, and the parent
 * replaces the slip's one-time code with an own password (what signing in, or linking a family account, needs).
 */
export async function newSchoolFamily(school: string, className: string, parent: Person, children: Person[]) {
  const operator = await apiAs(account('operator'));
  const created = await operator<{
    school: { id: number; name: string };
    admin: { user: { login: string }; activation_code: string };
  }>('POST', '/schools', { name: school, city: 'Gdynia', admin: { first_name: 'Anna', last_name: 'Dyrektorska' } });
  expect(created.status, 'the operator creates a school').toBe(201);
  const schoolId = created.json.school.id;
  const admin = await withOwnPassword(created.json.admin.user.login, created.json.admin.activation_code, 'admin');
  const office = await apiAs(admin);
  const klass = await office<{ id: number; name: string }>('POST', `/schools/${schoolId}/classes`, { name: className });
  expect(klass.status, `class ${className}`).toBe(201);

  let parentLogin: DemoLogin | null = null;
  let parentId: number | null = null;
  const made: FamilyChild[] = [];
  for (const child of children) {
    const body: Record<string, unknown> = parentId
      ? { ...child, class_id: klass.json.id, parent_id: parentId }
      : { ...child, class_id: klass.json.id, parent };
    const student = await office<{
      student: FamilyChild;
      parent: { id: number; login: string };
      parent_activation_code: string | null;
    }>('POST', `/schools/${schoolId}/students`, body);
    expect(student.status, `student ${child.first_name} ${child.last_name}`).toBe(201);
    made.push(student.json.student);
    if (!parentId) {
      parentId = student.json.parent.id;
      parentLogin = await withOwnPassword(student.json.parent.login, student.json.parent_activation_code!, 'parent');
    }
  }
  return { schoolId, schoolName: created.json.school.name, className, admin, parent: parentLogin!, children: made };
}

/** Signs in with a slip's one-time code and sets an own password, as a first sign-in does. */
async function withOwnPassword(login: string, code: string, role: string): Promise<DemoLogin> {
  const first = await apiAs({ role, login, password: code, name: '' });
  const password = `wlasne-haslo-${Math.random().toString(36).slice(2, 10)}`;
  const changed = await first('POST', '/auth/password', { current_password: code, new_password: password });
  expect(changed.status, `${login} sets an own password`).toBe(200);
  return { role, login, password, name: '' };
}
