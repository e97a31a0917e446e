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

}  // namespace

const std::vector<Migration>& schema_migrations() {
    static const std::vector<Migration> all = {
        {1, "foundation: schools, users, sessions, classes, students, guardianship, audit", kFoundation},
        {2, "organisation: years, terms, free days, homerooms, register numbers, groups, subjects, rooms, "
            "assignments, bell schedule",
         kOrganisation},
    };
    return all;
}

}  // namespace kreda::storage
