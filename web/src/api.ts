// The JSON API client: cookie session, CSRF header on unsafe methods, Accept-Language, typed errors.
// The shapes follow docs/api-foundation.md.
import type { Homework } from './communication/types';

/** `family`: a family account's session acting as none of its linked school accounts yet (see familyAccount/). */
export type Role =
  'operator' | 'admin' | 'director' | 'secretary' | 'teacher' | 'pedagogue' | 'parent' | 'student' | 'family';

export const STAFF_ROLES: Role[] = ['admin', 'director', 'secretary', 'teacher', 'pedagogue'];

export interface User {
  id: number;
  login: string;
  role: Role;
  first_name: string;
  last_name: string;
  email?: string | null;
  active?: boolean;
  activated?: boolean;
  totp_enabled?: boolean;
  school_id?: number | null;
}

export interface School {
  id: number;
  name: string;
  city?: string | null;
  require_staff_totp?: boolean;
  created_at?: string;
  /** The terminarz's caps on tests and class tests (0: none), and whether one over a cap is refused. */
  tests_per_day?: number;
  tests_per_week?: number;
  refuse_over_cap?: boolean;
  lucky_number?: 'school' | 'class' | 'off';
}

/** A staff member by name (homeroom teachers, assignments). */
export interface StaffRef {
  id: number;
  first_name: string;
  last_name: string;
}

export interface SchoolClass {
  id: number;
  name: string;
  student_count: number;
  homeroom_teacher: StaffRef | null;
}

export interface PersonRef extends StaffRef {
  login: string;
}

export interface Student extends PersonRef {
  class_id: number;
  class_name: string;
  /** The number in the class register; null until the class is numbered. */
  register_number: number | null;
  active: boolean;
  activated: boolean;
  parents: PersonRef[];
}

/** A group of students inside a class (languages, PE, IT). */
export interface Group {
  id: number;
  class_id: number;
  class_name: string;
  name: string;
  student_ids: number[];
}

export interface Subject {
  id: number;
  name: string;
  short_name: string;
}

export interface Room {
  id: number;
  name: string;
}

/** A teacher teaches a subject to a class, or to one group of it (group_id null: the whole class). */
export interface Assignment {
  id: number;
  teacher: StaffRef;
  subject: Subject;
  class_id: number;
  class_name: string;
  group_id: number | null;
  group_name: string;
}

/** One lesson of the bell schedule; times are HH:MM. */
export interface BellLesson {
  number: number;
  starts_at: string;
  ends_at: string;
}

/** One weekly lesson of the plan (docs/openapi.yaml, PlanEntry); weekday 1 = Monday … 6 = Saturday. */
export interface PlanEntry {
  id: number;
  assignment_id: number;
  subject: Subject | null;
  teacher: StaffRef | null;
  class_id: number;
  class_name: string;
  group_id: number | null;
  group_name: string;
  weekday: number;
  lesson_number: number;
  room: Room | null;
  valid_from: string;
  /** The last day in force; null while the entry has no end. */
  valid_to: string | null;
  online_link: string | null;
}

/** Dates are YYYY-MM-DD. */
export interface Term {
  id: number;
  number: 1 | 2;
  starts_on: string;
  ends_on: string;
}

export interface SchoolYear {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  terms: Term[];
}

export interface FreeDay {
  id: number;
  starts_on: string;
  ends_on: string;
  name: string;
}

export interface VisibleStudent {
  id: number;
  first_name: string;
  last_name: string;
  class_id?: number;
  class_name: string;
  school_id: number;
}

export interface Me {
  user: User;
  school: { id: number; name: string } | null;
  students: VisibleStudent[];
  csrf_token?: string;
  must_change_password?: boolean;
  must_enrol_totp?: boolean;
  /**
   * The family account behind the session (an e-mail sign-in), else null. Such a session acts as one of its linked
   * school accounts at a time: `user`, `school` and `students` are that account's.
   */
  family?: { id: number; email: string } | null;
}

export interface LoginResult {
  token: string;
  csrf_token: string;
  user: User;
  must_change_password: boolean;
  must_enrol_totp: boolean;
}

export interface Slip {
  user_id: number;
  login: string;
  role: Role;
  first_name: string;
  last_name: string;
  student_name?: string | null;
  activation_code: string;
}

export interface SlipBatch {
  school_name: string;
  sign_in_url: string;
  class_name: string;
  slips: Slip[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_login: string | null;
  address: string | null;
  action: string;
  object_type: string;
  object_id: number | string | null;
  before: unknown;
  after: unknown;
}

export interface Page<T> {
  items: T[];
  next_cursor?: string | number | null;
}

/** An error answered by the API (or a network failure, status 0), with its localised message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;
let language = 'pl';
let networkMessage = 'Network error';
let onSignedOut: () => void = () => {};
let onSessionGate: () => void = () => {};

/** Remembers the CSRF token (from login or GET /me); kept in memory only. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** Sets the Accept-Language sent with every request and the text used for network failures. */
export function setApiLanguage(lang: string, networkErrorText: string): void {
  language = lang;
  networkMessage = networkErrorText;
}

/** Called when a request answers 401 (session gone) or 403 asking for a password change / TOTP enrolment. */
export function setSessionHandlers(signedOut: () => void, gate: () => void): void {
  onSignedOut = signedOut;
  onSessionGate = gate;
}

const AUTH_FORMS = ['/auth/login', '/me'];

/** Sends one request to /api/v1 with a body already encoded; returns the parsed JSON (null for 204). */
async function send<T>(method: Method, path: string, body?: { data: BodyInit; type: string }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (body) headers['Content-Type'] = body.type;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', body: body?.data });
  } catch {
    throw new ApiError(0, 'network', networkMessage);
  }
  if (response.status === 204) return null as T;
  const data = await response.json().catch(() => null);
  if (response.ok) return data as T;

  const err = data?.error ?? {};
  const retry = response.headers.get('Retry-After');
  const error = new ApiError(
    response.status,
    String(err.code ?? 'error'),
    String(err.message ?? `${response.status} ${response.statusText}`),
    err.fields ?? {},
    retry ? Number(retry) : null,
  );
  if (response.status === 401 && !AUTH_FORMS.includes(path)) onSignedOut();
  if (error.code === 'password_change_required' || error.code === 'totp_enrolment_required') onSessionGate();
  throw error;
}

/** Sends one JSON request to /api/v1 and returns the parsed JSON (null for 204). Throws ApiError. */
export function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return send<T>(
    method,
    path,
    body === undefined ? undefined : { data: JSON.stringify(body), type: 'application/json' },
  );
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = (path: string) => api<null>('DELETE', path);

/** An uploaded file (docs/openapi.yaml, Attachment), to hand out with a message or homework. */
export interface Attachment {
  id: number;
  name: string;
  content_type: string;
  size: number;
}

/** The largest file the server takes (its request limit, 1 MiB). */
export const MAX_UPLOAD_BYTES = 1024 * 1024;

/** Uploads a file as it is, with its type and name (POST /attachments). */
export const upload = (file: File) =>
  send<Attachment>('POST', `/attachments${query({ name: file.name })}`, {
    data: file,
    type: file.type || 'application/octet-stream',
  });

/** Where an attachment is downloaded from; the session cookie is sent with it. */
export const attachmentUrl = (id: number) => `/api/v1/attachments/${id}`;

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** GET /me, remembering its CSRF token; null when not signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>('/me');
    setCsrfToken(me.csrf_token);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** A time of day, HH:MM. */
export type ClockTime = string;

export type AttendanceKind = 'present' | 'absent' | 'excused' | 'released';

/** One of the school's attendance types (`colour` is #RRGGBB, readable as text on white). */
export interface AttendanceType {
  id: number;
  code: string;
  name_pl: string;
  name_en: string;
  colour: string;
  kind: AttendanceKind;
}

export type LessonStatus =
  'planned' | 'substituted' | 'cancelled' | 'room_changed' | 'moved_out' | 'moved_in' | 'extra';

export interface LessonSlot {
  date: string;
  lesson_number: number;
}

/** One lesson of a week, with the change in force applied. */
export interface Lesson {
  date: string;
  lesson_number: number;
  starts_at: ClockTime | null;
  ends_at: ClockTime | null;
  subject: Subject | null;
  teacher: StaffRef | null;
  original_teacher: StaffRef | null;
  original_subject: Subject | null;
  class_id: number;
  class_name: string;
  group_id: number | null;
  group_name: string;
  room: Room | null;
  status: LessonStatus;
  moved_to: LessonSlot | null;
  moved_from: LessonSlot | null;
  entry_id: number | null;
  change_id: number | null;
  online_link: string | null;
  note: string;
}

/** A lesson of the teacher's day, with its lesson id when the caller records it. */
export interface TeacherLesson extends Lesson {
  can_record: boolean;
  lesson_id: number | null;
  recorded?: boolean;
  topic?: string | null;
}

export interface TeacherDay {
  date: string;
  lessons: TeacherLesson[];
}

export interface LessonStudent {
  id: number;
  first_name: string;
  last_name: string;
  register_number: number | null;
  /** The attendance type's code; null when not marked. */
  mark: string | null;
}

export interface LessonDetail {
  id: number;
  date: string;
  lesson_number: number;
  subject: Subject;
  class_name: string;
  group_name: string;
  topic: string | null;
  curriculum_number: number | null;
  recorded: boolean;
  editable: boolean;
  students: LessonStudent[];
  attendance_types: AttendanceType[];
  /** The teaching assignment the lesson is of (what POST /homework takes), and the class or group taught. */
  assignment_id: number;
  class_id: number;
  group_id: number | null;
  /** The homework of the lesson's teaching assignment due on the lesson's day, and set on it. */
  homework: { due: Homework[]; set: Homework[] };
}

export interface LessonRecord {
  id: number;
  topic: string;
  curriculum_number: number | null;
  marks: Record<string, string>;
}

export interface WeekDay {
  date: string;
  weekday: number;
  day_off: string | null;
  lessons: Lesson[];
}

/** One week of lessons, Monday to Sunday. */
export interface Week {
  week_start: string;
  days: WeekDay[];
  bells: BellLesson[];
}

/** Marks counted by kind; percentage is null when nothing is counted. */
export interface Tally {
  present: number;
  absent: number;
  excused: number;
  released: number;
  percentage: number | null;
}

export interface SubjectRef {
  id: number;
  name: string;
}

export interface AttendanceMark {
  lesson_id: number;
  date: string;
  lesson_number: number;
  subject: SubjectRef;
  type: AttendanceType;
}

/** The wire form of a student's attendance: each type and subject once, the marks by code and subject id. */
interface StudentAttendanceWire {
  from: string;
  to: string;
  types: AttendanceType[];
  subjects: SubjectRef[];
  marks: { lesson_id: number; date: string; lesson_number: number; subject_id: number; code: string }[];
  statistics: StudentAttendance['statistics'];
}

/** A student's marks between two dates with the statistics, each mark with its type and subject. */
export async function studentAttendance(studentId: number, query = ''): Promise<StudentAttendance> {
  const wire = await get<StudentAttendanceWire>(`/students/${studentId}/attendance${query}`);
  const types = new Map(wire.types.map((t) => [t.code, t]));
  const subjects = new Map(wire.subjects.map((s) => [s.id, s]));
  const marks = wire.marks.map(({ subject_id, code, ...m }) => ({
    ...m,
    subject: subjects.get(subject_id)!,
    type: types.get(code)!,
  }));
  return { from: wire.from, to: wire.to, marks, statistics: wire.statistics };
}

export interface StudentAttendance {
  from: string;
  to: string;
  marks: AttendanceMark[];
  statistics: {
    total: Tally;
    by_subject: (Tally & { subject: SubjectRef })[];
    by_term: (Tally & { term: number })[];
    by_month: (Tally & { month: string })[];
    subjects_at_risk: SubjectRef[];
  };
}

export type ExcuseStatus = 'pending' | 'accepted' | 'rejected';
export type ExcuseReason = 'illness' | 'family' | 'other';

export interface ExcusedLesson {
  lesson_id: number;
  date: string;
  lesson_number: number;
  subject: string;
  code: string;
}

/** A request to excuse a student's absences and lateness, and its decision. */
export interface Excuse {
  id: number;
  student: { id: number; first_name: string; last_name: string; class_name: string };
  submitted_by: number;
  reason: ExcuseReason;
  note: string;
  status: ExcuseStatus;
  comment: string;
  created_at: string;
  decided_at: string | null;
  lessons: ExcusedLesson[];
}
