// Attendance: the school's attendance types (the standard set pre-made), marks per lesson and student,
// and what families see: the marks and DOMAIN.md's statistics.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/date.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/attendance/statistics.hpp"
#include "modules/context.hpp"

namespace kreda::attendance {

struct AttendanceType {
    std::int64_t id = 0;
    std::string code, name_pl, name_en, colour;
    PresenceKind kind = PresenceKind::Present;
};

struct MarkInput {
    std::int64_t student_id;
    std::string code;
};

json::object to_json(const AttendanceType& type);

//! The school's types, creating the standard set the first time.
std::vector<AttendanceType> types_of(storage::Transaction& tx, std::int64_t school_id);
//! The school's types without writing: the standard set (id 0) until the school's are created.
std::vector<AttendanceType> known_types(storage::Transaction& tx, std::int64_t school_id);
//! The marks of one lesson by student id (type code).
std::map<std::int64_t, std::string> marks_of_lesson(storage::Transaction& tx, std::int64_t lesson_id);
//! Replaces the given students' marks of a lesson; unknown codes are a 422 naming the student. Returns the marks
//! before, for the audit history.
std::map<std::int64_t, std::string> save_marks(storage::Transaction& tx, std::int64_t school_id, std::int64_t lesson_id,
                                               const std::vector<MarkInput>& marks, std::int64_t marked_by);

std::vector<AttendanceType> list_types(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
//! A school's own type: {code (1–4 lower-case letters or digits), name_pl, name_en, colour "#RRGGBB", kind}.
AttendanceType create_type(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
//! A student's marks between two dates with the statistics (per subject, term, month, total).
json::object student_attendance(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date from, Date to);

}  // namespace kreda::attendance
