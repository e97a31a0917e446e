// The API's shapes for communication (docs/openapi.yaml, tags `messages`, `notices` and the terminarz): mailboxes and
// messages, announcements, and a student's events, homework and notes.
import type { Attachment, Role, StaffRef, SubjectRef } from '../api';

export type MessageFolder = 'inbox' | 'sent' | 'archive' | 'trash';
export const FOLDERS: MessageFolder[] = ['inbox', 'sent', 'archive', 'trash'];

export type RecipientKind =
  | 'homeroom'
  | 'teacher'
  | 'council'
  | 'role'
  | 'staff'
  | 'class_parents'
  | 'class_students'
  | 'group_parents'
  | 'group_students'
  | 'parents_of'
  | 'student';

/** A group the user may write to; `key` is what POST /messages takes in `to`. */
export interface RecipientGroup {
  key: string;
  kind: RecipientKind;
  /** A person's full name, a class or a group; for `role` the role itself. */
  name: string;
  /** A teacher's subjects, a homeroom teacher's class, a staff member's role, a student's class; else empty. */
  detail: string;
  count: number;
}

/** A group as written on a message; `person` is the sender of a message replied to. */
export interface AddressedTo {
  key: string;
  kind: RecipientKind | 'person';
  name: string;
}

export interface Sender extends StaffRef {
  role: Role;
}

/** One message of a folder. `read` is always true for one's own (`mine`). */
export interface MessageSummary {
  id: number;
  thread_id: number;
  subject: string;
  preview: string;
  sender: Sender;
  to: AddressedTo[];
  sent_at: string;
  folder: MessageFolder;
  mine: boolean;
  read: boolean;
}

export interface ThreadMessage extends Omit<MessageSummary, 'preview'> {
  body: string;
  reply_to: number | null;
  read_at: string | null;
}

/** Who of the recipients of one's own message has read it, and when. */
export interface Receipts {
  read: number;
  total: number;
  items: { user: Sender; read_at: string | null }[];
}

export interface OpenedMessage extends ThreadMessage {
  thread: ThreadMessage[];
  receipts?: Receipts;
}

export interface MessagePage {
  items: MessageSummary[];
  next_cursor: number | null;
}

export type NoticeAudience = 'everyone' | 'parents' | 'students' | 'staff' | 'classes';

export interface Notice {
  id: number;
  title: string;
  body: string;
  author: StaffRef;
  audience: NoticeAudience;
  class_ids: number[];
  valid_from: string;
  valid_to: string;
  created_at: string;
  read: boolean;
  /** Whether it speaks to the caller (its audience, not its author): only then is its reading tracked. */
  for_me: boolean;
}

/** An announcement as opened: its author and the office also get who has read it, of how many it speaks to. */
export interface OpenedNotice extends Notice {
  readers?: { user: Sender; read_at: string }[];
  audience_size?: number;
}

export type EventKind = 'test' | 'class_test' | 'quiz' | 'trip' | 'outing' | 'parent_meeting' | 'other';

/** One entry of the terminarz; `my_answer` for a parent invited to a parent meeting (null: not answered yet). */
export interface SchoolEvent {
  id: number;
  class_id: number;
  group_id: number | null;
  group_name: string | null;
  kind: EventKind;
  date: string;
  lesson_number: number | null;
  subject: SubjectRef | null;
  description: string;
  author: StaffRef;
  my_answer?: boolean | null;
}

/** A parent's answer to a parent-meeting invitation. */
export interface MeetingAnswer {
  parent: StaffRef;
  attending: boolean;
  answered_at: string;
}

/** An event of a class's terminarz as the staff read it: a parent meeting carries the answers given so far. */
export interface ClassEvent extends SchoolEvent {
  answers?: MeetingAnswer[];
}

export interface ClassEvents {
  class: { id: number; name: string };
  items: ClassEvent[];
}

/** Something the author should know about an event that was saved all the same (a test over the school's cap). */
export interface EventWarning {
  code: string;
  message_pl: string;
  message_en: string;
}

export interface CreatedEvent extends SchoolEvent {
  warnings: EventWarning[];
}

/** A class's parent council (rada oddziałowa rodziców); a member's name is empty once they have no child there. */
export interface ClassCouncil {
  class_id: number;
  members: { id: number; name: string }[];
}

/** Today's and the next school day's lucky number; `days` is empty when the school has it off. */
export interface LuckyNumbers {
  scope: 'school' | 'class' | 'off';
  days: { date: string; number: number; mine: boolean }[];
}

export interface Homework {
  id: number;
  assignment_id: number;
  class_id: number;
  group_id: number | null;
  subject: SubjectRef;
  set_on: string;
  due_on: string;
  text: string;
  teacher: StaffRef;
  /** Files handed out with it; each downloads from GET /attachments/{id}. */
  attachments: Attachment[];
}

export type NoteKind = 'positive' | 'negative' | 'neutral';

export interface StudentNote {
  id: number;
  student_id: number;
  kind: NoteKind;
  category: string;
  text: string;
  teacher: StaffRef;
  created_at: string;
}

export interface ClassNotes {
  class: { id: number; name: string };
  items: StudentNote[];
}

/** A student's events or homework between two dates. */
export interface DatedList<T> {
  from: string;
  to: string;
  items: T[];
}
