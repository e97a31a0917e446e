// The schema, as numbered migrations. Never edit a released migration: add a new one.
#include "storage/migrations.hpp"

namespace kreda::storage {

namespace {

constexpr std::string_view kFoundation = R"sql(
CREATE TABLE schools (
    id {{ID}},
    name TEXT NOT NULL,
    city TEXT NOT NULL DEFAULT '',
    require_staff_totp INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE TABLE users (
    id {{ID}},
    school_id BIGINT REFERENCES schools(id),
    login TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT,
    password_hash TEXT,
    activation_hash TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    totp_secret TEXT,
    totp_enabled INTEGER NOT NULL DEFAULT 0,
    totp_last_step BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    password_changed_at BIGINT
);
CREATE INDEX users_school_role ON users (school_id, role);
CREATE TABLE recovery_codes (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);
CREATE TABLE sessions (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    csrf_token TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE classes (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    UNIQUE (school_id, name)
);
CREATE TABLE students (
    user_id BIGINT PRIMARY KEY REFERENCES users(id),
    school_id BIGINT NOT NULL REFERENCES schools(id),
    class_id BIGINT REFERENCES classes(id)
);
CREATE INDEX students_class ON students (school_id, class_id);
CREATE TABLE guardianships (
    school_id BIGINT NOT NULL REFERENCES schools(id),
    parent_id BIGINT NOT NULL REFERENCES users(id),
    student_id BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (parent_id, student_id)
);
CREATE INDEX guardianships_student ON guardianships (student_id);
CREATE TABLE audit_chain (
    id INTEGER PRIMARY KEY,
    seq BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_chain (id, seq, last_hash) VALUES (1, 0, '');
CREATE TABLE audit_log (
    id BIGINT PRIMARY KEY,
    school_id BIGINT,
    at BIGINT NOT NULL,
    actor_id BIGINT,
    actor_login TEXT NOT NULL,
    address TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id BIGINT,
    before_json TEXT,
    after_json TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_school ON audit_log (school_id, id);
)sql";

constexpr std::string_view kOrganisation = R"sql(
CREATE TABLE school_years (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    UNIQUE (school_id, name)
);
CREATE TABLE terms (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    year_id BIGINT NOT NULL REFERENCES school_years(id),
    number INTEGER NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    UNIQUE (year_id, number)
);
CREATE TABLE free_days (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    name TEXT NOT NULL
);
CREATE INDEX free_days_school ON free_days (school_id, starts_on);
ALTER TABLE classes ADD COLUMN homeroom_teacher_id BIGINT REFERENCES users(id);
ALTER TABLE students ADD COLUMN register_number INTEGER;
CREATE TABLE class_groups (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    class_id BIGINT NOT NULL REFERENCES classes(id),
    name TEXT NOT NULL,
    UNIQUE (class_id, name)
);
CREATE TABLE group_members (
    group_id BIGINT NOT NULL REFERENCES class_groups(id) ON DELETE CASCADE,
    student_id BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (group_id, student_id)
);
CREATE TABLE subjects (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    UNIQUE (school_id, name)
);
CREATE TABLE rooms (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    UNIQUE (school_id, name)
);
CREATE TABLE assignments (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    teacher_id BIGINT NOT NULL REFERENCES users(id),
    subject_id BIGINT NOT NULL REFERENCES subjects(id),
    class_id BIGINT NOT NULL REFERENCES classes(id),
    group_id BIGINT REFERENCES class_groups(id)
);
CREATE INDEX assignments_teacher ON assignments (school_id, teacher_id);
CREATE INDEX assignments_class ON assignments (school_id, class_id);
CREATE TABLE bell_schedule (
    school_id BIGINT NOT NULL REFERENCES schools(id),
    lesson_number INTEGER NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    PRIMARY KEY (school_id, lesson_number)
);
)sql";

constexpr std::string_view kTimetable = R"sql(
CREATE TABLE timetable_entries (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    assignment_id BIGINT NOT NULL REFERENCES assignments(id),
    weekday INTEGER NOT NULL,
    lesson_number INTEGER NOT NULL,
    room_id BIGINT REFERENCES rooms(id),
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    online_link TEXT
);
CREATE INDEX timetable_entries_school ON timetable_entries (school_id, weekday, lesson_number);
CREATE TABLE timetable_changes (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    lesson_number INTEGER NOT NULL,
    entry_id BIGINT REFERENCES timetable_entries(id),
    substitute_teacher_id BIGINT REFERENCES users(id),
    subject_id BIGINT REFERENCES subjects(id),
    room_id BIGINT REFERENCES rooms(id),
    moved_to_date TEXT,
    moved_to_lesson INTEGER,
    assignment_id BIGINT REFERENCES assignments(id),
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX timetable_changes_date ON timetable_changes (school_id, date);
CREATE INDEX timetable_changes_moved ON timetable_changes (school_id, moved_to_date);
)sql";

constexpr std::string_view kLessons = R"sql(
ALTER TABLE schools ADD COLUMN record_edit_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE schools ADD COLUMN adult_students_excuse INTEGER NOT NULL DEFAULT 0;
CREATE TABLE attendance_types (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    code TEXT NOT NULL,
    name_pl TEXT NOT NULL,
    name_en TEXT NOT NULL,
    colour TEXT NOT NULL,
    kind TEXT NOT NULL,
    UNIQUE (school_id, code)
);
CREATE TABLE lessons (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    date TEXT NOT NULL,
    lesson_number INTEGER NOT NULL,
    assignment_id BIGINT NOT NULL REFERENCES assignments(id),
    teacher_id BIGINT NOT NULL REFERENCES users(id),
    subject_id BIGINT NOT NULL REFERENCES subjects(id),
    class_id BIGINT NOT NULL REFERENCES classes(id),
    group_id BIGINT REFERENCES class_groups(id),
    topic TEXT,
    curriculum_number INTEGER,
    recorded_at BIGINT,
    recorded_by BIGINT REFERENCES users(id),
    UNIQUE (school_id, date, lesson_number, assignment_id)
);
CREATE INDEX lessons_class_date ON lessons (school_id, class_id, date);
CREATE TABLE attendance_marks (
    lesson_id BIGINT NOT NULL REFERENCES lessons(id),
    student_id BIGINT NOT NULL REFERENCES users(id),
    school_id BIGINT NOT NULL REFERENCES schools(id),
    type_id BIGINT NOT NULL REFERENCES attendance_types(id),
    marked_at BIGINT NOT NULL,
    marked_by BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (lesson_id, student_id)
);
CREATE INDEX attendance_marks_student ON attendance_marks (student_id, lesson_id);
)sql";

constexpr std::string_view kExcuses = R"sql(
CREATE TABLE excuses (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    student_id BIGINT NOT NULL REFERENCES users(id),
    submitted_by BIGINT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending',
    comment TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at BIGINT
);
CREATE INDEX excuses_student ON excuses (student_id, id);
CREATE INDEX excuses_school_status ON excuses (school_id, status);
CREATE TABLE excuse_items (
    excuse_id BIGINT NOT NULL REFERENCES excuses(id),
    lesson_id BIGINT NOT NULL REFERENCES lessons(id),
    PRIMARY KEY (excuse_id, lesson_id)
);
)sql";

constexpr std::string_view kCalendarFeeds = R"sql(
CREATE TABLE calendar_feeds (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    student_id BIGINT REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id);
)sql";

constexpr std::string_view kGrades = R"sql(
CREATE TABLE grade_settings (
    school_id BIGINT PRIMARY KEY REFERENCES schools(id),
    plus_hundredths INTEGER NOT NULL DEFAULT 50,
    minus_hundredths INTEGER NOT NULL DEFAULT 25,
    improvement_rule TEXT NOT NULL DEFAULT 'better',
    families_see_averages INTEGER NOT NULL DEFAULT 1,
    families_see_class_average INTEGER NOT NULL DEFAULT 0,
    predicted_visible_from TEXT,
    behaviour_points INTEGER NOT NULL DEFAULT 0,
    behaviour_start_points INTEGER NOT NULL DEFAULT 100,
    custom_marks TEXT NOT NULL DEFAULT ''
);
CREATE TABLE grade_categories (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    subject_id BIGINT REFERENCES subjects(id),
    name TEXT NOT NULL,
    weight INTEGER NOT NULL,
    counts INTEGER NOT NULL,
    colour TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'scale',
    max_points INTEGER
);
CREATE INDEX grade_categories_school ON grade_categories (school_id);
CREATE TABLE grade_columns (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    assignment_id BIGINT NOT NULL REFERENCES assignments(id),
    year_id BIGINT NOT NULL REFERENCES school_years(id),
    term INTEGER NOT NULL,
    category_id BIGINT NOT NULL REFERENCES grade_categories(id),
    date TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX grade_columns_assignment ON grade_columns (assignment_id, year_id);
CREATE TABLE grades (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    column_id BIGINT NOT NULL REFERENCES grade_columns(id),
    student_id BIGINT NOT NULL REFERENCES users(id),
    subject_id BIGINT NOT NULL REFERENCES subjects(id),
    year_id BIGINT NOT NULL REFERENCES school_years(id),
    value TEXT NOT NULL,
    improves_id BIGINT REFERENCES grades(id),
    date TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    teacher_id BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    modified_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX grades_cell ON grades (column_id, student_id) WHERE improves_id IS NULL;
CREATE INDEX grades_student ON grades (student_id, year_id);
CREATE INDEX grades_column ON grades (column_id);
CREATE TABLE summary_grades (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    student_id BIGINT NOT NULL REFERENCES users(id),
    subject_id BIGINT NOT NULL REFERENCES subjects(id),
    year_id BIGINT NOT NULL REFERENCES school_years(id),
    kind TEXT NOT NULL,
    value INTEGER,
    description TEXT NOT NULL DEFAULT '',
    teacher_id BIGINT NOT NULL REFERENCES users(id),
    modified_at BIGINT NOT NULL,
    UNIQUE (student_id, subject_id, year_id, kind)
);
CREATE TABLE behaviour_grades (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    student_id BIGINT NOT NULL REFERENCES users(id),
    year_id BIGINT NOT NULL REFERENCES school_years(id),
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    teacher_id BIGINT NOT NULL REFERENCES users(id),
    modified_at BIGINT NOT NULL,
    UNIQUE (student_id, year_id, kind)
);
CREATE TABLE behaviour_points (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    student_id BIGINT NOT NULL REFERENCES users(id),
    year_id BIGINT NOT NULL REFERENCES school_years(id),
    date TEXT NOT NULL,
    points INTEGER NOT NULL,
    reason TEXT NOT NULL,
    teacher_id BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX behaviour_points_student ON behaviour_points (student_id, year_id);
CREATE TABLE grade_changes (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    student_id BIGINT NOT NULL REFERENCES users(id),
    year_id BIGINT NOT NULL REFERENCES school_years(id),
    subject_id BIGINT REFERENCES subjects(id),
    grade_id BIGINT,
    what TEXT NOT NULL,
    before_value TEXT,
    after_value TEXT,
    changed_by BIGINT NOT NULL REFERENCES users(id),
    changed_at BIGINT NOT NULL
);
CREATE INDEX grade_changes_student ON grade_changes (student_id, year_id);
CREATE TABLE grade_seen (
    user_id BIGINT NOT NULL REFERENCES users(id),
    student_id BIGINT NOT NULL REFERENCES users(id),
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, student_id)
);
)sql";

constexpr std::string_view kGradeVersions = R"sql(
CREATE TABLE grade_versions (
    scope TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
)sql";

constexpr std::string_view kMessages = R"sql(
CREATE TABLE class_councils (
    class_id BIGINT NOT NULL REFERENCES classes(id),
    parent_id BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (class_id, parent_id)
);
CREATE TABLE messages (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    thread_id BIGINT NOT NULL,
    reply_to BIGINT REFERENCES messages(id),
    sender_id BIGINT NOT NULL REFERENCES users(id),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    search_text TEXT NOT NULL,
    addressed_to TEXT NOT NULL,
    sent_at BIGINT NOT NULL
);
CREATE INDEX messages_thread ON messages (thread_id);
CREATE TABLE mailbox (
    message_id BIGINT NOT NULL REFERENCES messages(id),
    owner_id BIGINT NOT NULL REFERENCES users(id),
    sent INTEGER NOT NULL,
    folder TEXT NOT NULL,
    read_at BIGINT,
    PRIMARY KEY (message_id, owner_id)
);
CREATE INDEX mailbox_owner ON mailbox (owner_id, folder, message_id);
)sql";

constexpr std::string_view kAnnouncements = R"sql(
CREATE TABLE announcements (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    author_id BIGINT NOT NULL REFERENCES users(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    audience TEXT NOT NULL,
    class_ids TEXT NOT NULL DEFAULT '',
    valid_from TEXT NOT NULL,
    valid_to TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX announcements_school ON announcements (school_id, valid_to);
CREATE TABLE announcement_reads (
    announcement_id BIGINT NOT NULL REFERENCES announcements(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    read_at BIGINT NOT NULL,
    PRIMARY KEY (announcement_id, user_id)
);
CREATE INDEX announcement_reads_user ON announcement_reads (user_id);
)sql";

constexpr std::string_view kTerminarz = R"sql(
ALTER TABLE schools ADD COLUMN tests_per_day INTEGER NOT NULL DEFAULT 1;
ALTER TABLE schools ADD COLUMN tests_per_week INTEGER NOT NULL DEFAULT 3;
ALTER TABLE schools ADD COLUMN refuse_over_cap INTEGER NOT NULL DEFAULT 0;
CREATE TABLE events (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    class_id BIGINT NOT NULL REFERENCES classes(id),
    group_id BIGINT REFERENCES class_groups(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    lesson_number INTEGER,
    subject_id BIGINT REFERENCES subjects(id),
    description TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX events_class_date ON events (class_id, date);
CREATE TABLE meeting_answers (
    event_id BIGINT NOT NULL REFERENCES events(id),
    parent_id BIGINT NOT NULL REFERENCES users(id),
    attending INTEGER NOT NULL,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (event_id, parent_id)
);
CREATE TABLE homework (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    assignment_id BIGINT NOT NULL REFERENCES assignments(id),
    set_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    text TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX homework_assignment ON homework (assignment_id, due_on);
CREATE TABLE notes (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    student_id BIGINT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    category TEXT NOT NULL,
    text TEXT NOT NULL,
    teacher_id BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX notes_student ON notes (student_id, id);
)sql";

constexpr std::string_view kGradeChangeDetail = R"sql(
ALTER TABLE grade_changes ADD COLUMN detail TEXT NOT NULL DEFAULT '';
)sql";

constexpr std::string_view kLuckyNumbers = R"sql(
ALTER TABLE schools ADD COLUMN lucky_number TEXT NOT NULL DEFAULT 'school';
CREATE TABLE lucky_numbers (
    school_id BIGINT NOT NULL REFERENCES schools(id),
    class_id BIGINT NOT NULL,
    date TEXT NOT NULL,
    number INTEGER NOT NULL,
    PRIMARY KEY (school_id, class_id, date)
);
)sql";

constexpr std::string_view kAttachments = R"sql(
CREATE TABLE attachments (
    id {{ID}},
    school_id BIGINT NOT NULL REFERENCES schools(id),
    uploader_id BIGINT NOT NULL REFERENCES users(id),
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE message_attachments (
    message_id BIGINT NOT NULL REFERENCES messages(id),
    attachment_id BIGINT NOT NULL REFERENCES attachments(id),
    PRIMARY KEY (message_id, attachment_id)
);
CREATE INDEX message_attachments_attachment ON message_attachments (attachment_id);
)sql";

constexpr std::string_view kHomeworkAttachments = R"sql(
CREATE TABLE homework_attachments (
    homework_id BIGINT NOT NULL REFERENCES homework(id) ON DELETE CASCADE,
    attachment_id BIGINT NOT NULL REFERENCES attachments(id),
    PRIMARY KEY (homework_id, attachment_id)
);
CREATE INDEX homework_attachments_attachment ON homework_attachments (attachment_id);
)sql";

// Entry ids come from one counter row: the row lock a writer takes with its number is held to its commit, so
// entries commit in id order and a reader's cursor ("everything after 812") never skips a late committer.
constexpr std::string_view kFeed = R"sql(
CREATE TABLE feed_counter (
    id INTEGER PRIMARY KEY,
    last BIGINT NOT NULL
);
INSERT INTO feed_counter (id, last) VALUES (1, 0);
CREATE TABLE feed_entries (
    id BIGINT PRIMARY KEY,
    school_id BIGINT NOT NULL REFERENCES schools(id),
    target TEXT NOT NULL,
    target_id BIGINT NOT NULL,
    group_id BIGINT,
    audience TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX feed_entries_target ON feed_entries (target, target_id, id);
CREATE INDEX feed_entries_school ON feed_entries (school_id, id);
)sql";

constexpr std::string_view kMail = R"sql(
CREATE TABLE mail_outbox (
    id {{ID}},
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    failed_at BIGINT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, failed_at, next_attempt_at);
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
)sql";

constexpr std::string_view kNotifications = R"sql(
CREATE TABLE notification_preferences (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    channels TEXT NOT NULL,
    quiet_from INTEGER,
    quiet_to INTEGER,
    digest_at INTEGER NOT NULL DEFAULT 1020,
    language TEXT NOT NULL DEFAULT 'pl',
    last_digest_on TEXT,
    updated_at BIGINT NOT NULL
);
CREATE TABLE notification_digest (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    entry_id BIGINT NOT NULL,
    line TEXT NOT NULL,
    PRIMARY KEY (user_id, entry_id)
);
CREATE TABLE notifier_state (
    id INTEGER PRIMARY KEY,
    cursor BIGINT NOT NULL
);
INSERT INTO notifier_state (id, cursor) SELECT 1, last FROM feed_counter WHERE id = 1;
)sql";

constexpr std::string_view kFamilyAccounts = R"sql(
CREATE TABLE family_accounts (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    age_bracket TEXT NOT NULL,
    parent_email TEXT,
    terms_version TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    activation_hash TEXT UNIQUE,
    activation_expires_at BIGINT NOT NULL,
    activated_at BIGINT,
    language TEXT NOT NULL DEFAULT 'pl'
);
CREATE INDEX family_accounts_pending ON family_accounts (activation_expires_at) WHERE activated_at IS NULL;
CREATE TABLE family_links (
    id {{ID}},
    family_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    consent_version TEXT NOT NULL,
    consent_at BIGINT NOT NULL,
    consent_address TEXT NOT NULL,
    UNIQUE (family_id, user_id)
);
CREATE INDEX family_links_user ON family_links (user_id);
ALTER TABLE sessions ADD COLUMN acting_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL;
)sql";

constexpr std::string_view kWebPush = R"sql(
CREATE TABLE push_keys (
    id INTEGER PRIMARY KEY,
    private_key TEXT NOT NULL,
    public_key TEXT NOT NULL
);
CREATE TABLE push_subscriptions (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    family_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
    endpoint TEXT NOT NULL,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (endpoint, user_id)
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);
CREATE TABLE push_outbox (
    id {{ID}},
    subscription_id BIGINT NOT NULL REFERENCES push_subscriptions(id) ON DELETE CASCADE,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    failed_at BIGINT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX push_outbox_due ON push_outbox (sent_at, failed_at, next_attempt_at);
)sql";

// The session that subscribed a device: signing it out (or every other session, with a new password) stops the
// device's pushes. A session that merely timed out leaves it (a phone keeps hearing the account) and is forgotten.
constexpr std::string_view kPushSessions = R"sql(
ALTER TABLE push_subscriptions ADD COLUMN session_id BIGINT REFERENCES sessions(id) ON DELETE SET NULL;
CREATE INDEX push_subscriptions_session ON push_subscriptions (session_id);
)sql";

constexpr std::string_view kFamilyEmailChanges = R"sql(
CREATE TABLE family_email_changes (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    new_email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at BIGINT NOT NULL,
    password_seal TEXT NOT NULL
);
)sql";

}  // namespace

const std::vector<Migration>& schema_migrations() {
    static const std::vector<Migration> all = {
        {1, "foundation: schools, users, sessions, classes, students, guardianship, audit", kFoundation},
        {2,
         "organisation: years, terms, free days, homerooms, register numbers, groups, subjects, rooms, "
         "assignments, bell schedule",
         kOrganisation},
        {3, "timetable: weekly plan entries and dated changes", kTimetable},
        {4, "lessons and attendance: realised lessons, attendance types and marks, school settings", kLessons},
        {5, "excuses: a family's requests to excuse absences, and the homeroom teacher's decisions", kExcuses},
        {6, "calendar feeds: private, revocable iCalendar addresses of a student's or a teacher's timetable",
         kCalendarFeeds},
        {7,
         "grades: the school's scale settings, categories, grade book columns and grades, term and annual grades, "
         "behaviour, the families' change history and read marks",
         kGrades},
        {8, "grade versions: a counter per class and per school that every grade change moves, so views can be cached",
         kGradeVersions},
        {9, "messages: threads of messages, each user's mailbox with folders and read marks, class parent councils",
         kMessages},
        {10, "announcements: the school's notice board with its audiences and who has read what", kAnnouncements},
        {11,
         "terminarz, homework and notes: class events with the school's test caps, parents' answers to meeting "
         "invitations, homework per teaching assignment, teachers' notes about students",
         kTerminarz},
        {12, "grade change details: which grade a history entry is about (its category and date)", kGradeChangeDetail},
        {13, "the lucky number: the school's choice (per school, per class, off) and the numbers drawn", kLuckyNumbers},
        {14, "attachments: files stored by content hash outside the database, and which messages carry them",
         kAttachments},
        {15, "homework attachments: the files a teacher hands out with homework", kHomeworkAttachments},
        {16, "the change feed: what families may see, in commit order, for apps that sync and for live pages", kFeed},
        {17, "e-mail: the outbox that a sender delivers with retries, and single-use password reset links", kMail},
        {18, "notifications: each user's channels and quiet hours, the digest's pending lines, the notifier's cursor",
         kNotifications},
        {19,
         "family accounts: e-mail sign-up with activation, the school accounts each links with the consent given, "
         "and which linked account a family session acts as",
         kFamilyAccounts},
        {20,
         "web push: the deployment's VAPID key pair, each device's push subscription, and the pushes waiting to "
         "be delivered",
         kWebPush},
        {21, "push and sign-out: which session subscribed each device, so that signing out silences it", kPushSessions},
        {22, "a family account's move to a new e-mail address, waiting for the link mailed there", kFamilyEmailChanges},
    };
    return all;
}

}  // namespace kreda::storage
