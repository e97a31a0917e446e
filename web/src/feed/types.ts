// The API's shapes for the change feed (docs/openapi.yaml, tag `feed`, FeedEntry): one entry per change a reader may
// see, numbered in commit order; `data` depends on the kind.
import type { StaffRef } from '../api';
import type { GradebookGrade } from '../grades/types';
import type { Homework, SchoolEvent, StudentNote } from '../communication/types';

export type FeedKind =
  | 'grade.added'
  | 'grade.changed'
  | 'attendance.marked'
  | 'excuse.decided'
  | 'event.added'
  | 'homework.set'
  | 'homework.changed'
  | 'note.added'
  | 'notice.published'
  | 'message.received'
  | 'timetable.changed'
  | 'lucky_number.drawn';

/** A grade as the grade book shows it, with the subject's name. */
export type GradeAddedData = GradebookGrade & { subject: string };

/** A grade changed or removed, a comment, or a term/annual grade (`what`); `subject` is null for behaviour. */
export interface GradeChangedData {
  what: string;
  subject: string | null;
  grade_id: number | null;
  before: string | null;
  after: string | null;
  /** The grade's category and date ("Sprawdzian, 2026-10-02"); empty when there is none. */
  detail: string;
}

export interface AttendanceMarkedData {
  date: string;
  lesson_number: number;
  subject: string | null;
  /** The attendance type's code (nb, u, sp …); `before` null when the lesson had no mark. */
  code: string;
  before: string | null;
}

export interface ExcuseDecidedData {
  excuse_id: number;
  decision: 'accepted' | 'rejected';
  comment: string;
}

export interface NoticePublishedData {
  notice_id: number;
  title: string;
  author: StaffRef;
}

export interface MessageReceivedData {
  message_id: number;
  thread_id: number;
  subject: string;
  from: StaffRef;
}

export type TimetableChangeKind = 'substitution' | 'cancellation' | 'room_change' | 'moved' | 'extra';

/**
 * A change of the timetable as the office entered it, with the lesson's subject, teacher (the substitute, for a
 * substitution) and room by name as changed; `withdrawn` when the office deleted the change.
 */
export interface TimetableChangedData {
  id: number;
  kind: TimetableChangeKind;
  date: string;
  lesson_number: number;
  moved_to: { date: string; lesson_number: number } | null;
  note: string;
  subject: string | null;
  teacher: string | null;
  room: string | null;
  withdrawn: boolean;
}

/** The lucky number drawn for a school day, for the whole school or the reader's class. */
export interface LuckyNumberDrawnData {
  date: string;
  number: number;
}

interface DataOf {
  'grade.added': GradeAddedData;
  'grade.changed': GradeChangedData;
  'attendance.marked': AttendanceMarkedData;
  'excuse.decided': ExcuseDecidedData;
  'event.added': SchoolEvent;
  'homework.set': Homework;
  'homework.changed': Homework;
  'note.added': StudentNote;
  'notice.published': NoticePublishedData;
  'message.received': MessageReceivedData;
  'timetable.changed': TimetableChangedData;
  'lucky_number.drawn': LuckyNumberDrawnData;
}

/** One entry; `student_id` is which of the reader's students it is about (null for messages, school notices). */
export type FeedEntry = {
  [K in FeedKind]: { id: number; kind: K; at: string; student_id: number | null; data: DataOf[K] };
}[FeedKind];

export interface FeedPage {
  items: FeedEntry[];
  cursor: number;
  more: boolean;
}
