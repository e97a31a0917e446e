// Realised lessons: a teacher's day, a lesson with its class list, and the record (topic, curriculum number and
// the attendance of the whole class or group) saved in one request and one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "auth/actor.hpp"
#include "core/date.hpp"
#include "core/json.hpp"
#include "modules/context.hpp"
#include "modules/timetable/week.hpp"

namespace kreda::timetable {

struct LessonRow {
    std::int64_t id = 0, school_id = 0;
    Date date;
    int lesson_number = 0;
    std::int64_t assignment_id = 0, teacher_id = 0, subject_id = 0, class_id = 0;
    std::optional<std::int64_t> group_id;
    std::optional<std::string> topic;
    std::optional<int> curriculum_number;
    std::optional<std::int64_t> recorded_at;
};

//! GET /teacher/lessons?date=: the actor's lessons that day (substitutions included), each with its lesson id.
json::object teacher_day(Context& ctx, const auth::Actor& actor, Date date);
//! GET /lessons/{id}: the lesson, its students with their marks, the attendance types, whether it may be edited.
json::object lesson_detail(Context& ctx, const auth::Actor& actor, std::int64_t lesson_id);
//! PUT /lessons/{id}/record: {topic, curriculum_number?, attendance: [{student_id, code}]}.
json::object record_lesson(Context& ctx, const auth::Actor& actor, std::int64_t lesson_id, const json::object& input);
//! GET /students/{id}/lessons?from=&to=: the realised lessons of the student's class and groups, with topics.
json::object student_lessons(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date from, Date to);

//! Records a lesson in the caller's transaction as `actor` held it: the demo's history of the year so far.
std::int64_t record_held_lesson(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id,
                                const ResolvedLesson& lesson, const std::string& topic, int curriculum_number,
                                const std::vector<std::pair<std::int64_t, std::string>>& marks);

namespace store {
//! The lesson row of a resolved lesson, created when first needed; an unrecorded row follows substitutions.
std::int64_t ensure_lesson(storage::Transaction& tx, std::int64_t school_id, const ResolvedLesson& lesson);
std::optional<LessonRow> find_lesson(storage::Transaction& tx, std::int64_t lesson_id);
//! The lesson's id when its row exists and already says what `lesson` says (or is recorded): nothing to write.
std::optional<std::int64_t> current_lesson(storage::Transaction& tx, std::int64_t school_id,
                                           const ResolvedLesson& lesson);
void record(storage::Transaction& tx, std::int64_t lesson_id, const std::string& topic,
            std::optional<int> curriculum_number, std::int64_t recorded_by);
std::vector<LessonRow> recorded_lessons(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id,
                                        Date from, Date to);
}  // namespace store

}  // namespace kreda::timetable
