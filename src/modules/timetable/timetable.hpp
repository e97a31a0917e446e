// The timetable: the weekly plan and the changes for a date, kept free of clashes, and the week as each
// person sees it (a student, a teacher, a class, a room).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"
#include "modules/timetable/week.hpp"

namespace kreda::timetable {

//! Which lessons a school week view shows.
struct WeekFilter {
    std::optional<std::int64_t> class_id, teacher_id, room_id;
};

std::vector<PlanEntry> list_plan(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                                 const WeekFilter& filter);
//! {assignment_id, weekday 1–6 (Saturday for the few schools that teach then), lesson_number 0–10, room_id?,
//! valid_from, valid_to?, online_link?}; 409 on a clash.
PlanEntry create_entry(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
void delete_entry(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t entry_id);

std::vector<Change> list_changes(Context& ctx, const auth::Actor& actor, std::int64_t school_id, Date date);
//! {kind, date, entry_id | assignment_id + lesson_number (extra), substitute_teacher_id?, subject_id?, room_id?,
//! moved_to_date?, moved_to_lesson?, note?}; 409 on a clash.
Change create_change(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
void delete_change(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t change_id);

//! The whole school's week from the plan, the changes, the free days and the terms (for other modules too).
Week resolve_school_week(storage::Transaction& tx, std::int64_t school_id, Date week_start);
//! The same for one class only (its lessons and its groups'): what a student's views need.
Week resolve_class_week(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id, Date week_start);

json::object week_for_student(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date any_day);
json::object week_for_school(Context& ctx, const auth::Actor& actor, std::int64_t school_id, Date any_day,
                             const WeekFilter& filter);

json::object entry_json(storage::Transaction& tx, std::int64_t school_id, const PlanEntry& entry);
json::object change_json(const Change& change);
//! The JSON of a week: days with their lessons (names, times, status), and the bell schedule.
json::object week_json(storage::Transaction& tx, std::int64_t school_id, Date week_start,
                       const std::vector<ResolvedLesson>& lessons, const std::vector<DayNote>& days_off);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::timetable
