// The API's shapes for grades (docs/openapi.yaml, tag `grades`): the settings and categories, a teaching
// assignment's grade book, what a family sees, and a class's statistics.
import type { Assignment, StaffRef, Subject } from '../api';
import type { ImprovementRule, ScaleRules } from './average';

export interface GradeSettings extends ScaleRules {
  improvement_rule: ImprovementRule;
  families_see_averages: boolean;
  families_see_class_average: boolean;
  predicted_visible_from: string | null;
  behaviour_points: boolean;
  behaviour_start_points: number;
}

export type ColumnKind = 'scale' | 'points' | 'descriptive';

export interface GradeCategory {
  id: number;
  subject_id: number | null;
  name: string;
  weight: number;
  counts: boolean;
  /** #RRGGBB */
  colour: string;
  kind: ColumnKind;
  max_points: number | null;
}

/** One test, answer, quiz… of a grade book, on one date. */
export interface GradeColumn {
  id: number;
  category_id: number;
  date: string;
  term: 1 | 2;
  description: string;
}

export interface Grade {
  id: number;
  value: string;
  kind: 'scale' | 'special' | 'points' | 'descriptive';
  /** A scale grade in a counting category of weight > 0 (the improvement rule may still leave it out). */
  counts: boolean;
  category_id: number;
  date: string;
  term: 1 | 2;
  teacher_id: number;
  comment: string;
  improves_id: number | null;
  description: string;
  modified_at: string;
}

export interface GradebookGrade extends Grade {
  student_id: number;
  column_id: number;
}

export interface GradeAverages {
  term1: number | null;
  term2: number | null;
  year: number | null;
}

export type SummaryKind = 'predicted_term' | 'term' | 'predicted_annual' | 'annual';

export interface SummaryGrade {
  value: number | null;
  description: string;
}

export interface GradebookStudent {
  id: number;
  first_name: string;
  last_name: string;
  register_number: number | null;
  averages: GradeAverages;
  summary: Record<SummaryKind, SummaryGrade | null>;
}

export interface Gradebook {
  assignment: Assignment;
  year: { id: number; name: string };
  term: 1 | 2;
  can_edit: boolean;
  rules: GradeSettings;
  categories: GradeCategory[];
  students: GradebookStudent[];
  columns: GradeColumn[];
  grades: GradebookGrade[];
}

/** A term or annual grade as a family sees it. */
export interface FinalGrade {
  value: number | null;
  name: string;
  description: string;
  teacher_id: number;
  modified_at: string;
}

export interface FamilyGrade extends Grade {
  /** The worth of a scale grade (4+ = 4.5 by default); null for other kinds. */
  numeric: number | null;
  /** Older servers say it; now the client compares modified_at with seen_at (see isUnread). */
  unread?: boolean;
}

export type BehaviourGrade = 'wz' | 'bdb' | 'db' | 'popr' | 'ndp' | 'ng';

export interface SubjectGrades {
  subject: Subject;
  grades: FamilyGrade[];
  predicted_term: FinalGrade | null;
  term_grade: FinalGrade | null;
  predicted_annual: FinalGrade | null;
  annual_grade: FinalGrade | null;
  averages: GradeAverages | null;
  class_averages?: GradeAverages | null;
}

export interface GradeChange {
  what: string;
  subject_id: number | null;
  grade_id: number | null;
  before: string | null;
  after: string | null;
  changed_by: number;
  changed_at: string;
}

export interface StudentGrades {
  student: { id: number; first_name: string; last_name: string; class_name: string };
  year: { id: number; name: string };
  term: 1 | 2 | null;
  current_term: 1 | 2;
  rules: GradeSettings;
  visibility: { averages: boolean; class_averages: boolean; predicted: boolean };
  seen_at: string | null;
  categories: GradeCategory[];
  teachers: StaffRef[];
  subjects: SubjectGrades[];
  final_averages: { term: number | null; annual: number | null };
  behaviour: Partial<Record<SummaryKind, BehaviourGrade>> & {
    points?: {
      start: number;
      total: number;
      entries: { id: number; date: string; points: number; reason: string; teacher_id: number }[];
    };
  };
  changes: GradeChange[];
}

export type RiskReason = 'low_average' | 'few_grades';

export interface SubjectStatistics {
  subject: Subject;
  teachers: StaffRef[];
  grade_count: number;
  distribution: Record<'1' | '2' | '3' | '4' | '5' | '6', number>;
  class_average: number | null;
  students_at_risk: {
    student: { id: number; first_name: string; last_name: string };
    average: number | null;
    counted_grades: number;
    reasons: RiskReason[];
  }[];
}

export interface GradeStatistics {
  class: { id: number; name: string };
  year: { id: number; name: string };
  term: 1 | 2;
  term_ends_on: string;
  subjects: SubjectStatistics[];
}
