// The terminarz (tests, quizzes, trips, parent meetings … per class or group, with the school's caps on tests),
// homework per teaching assignment, and teachers' notes (uwagi) about students. Families see their child's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/date.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::events {

// events_service.cpp
//! {class_id, group_id?, kind test|class_test|quiz|trip|outing|parent_meeting|other, date, lesson_number?,
//! subject_id?, description}: teachers of the class, its homeroom teacher, the office; parent meetings only the
//! homeroom teacher or the office. Over the school's test cap: 409 `test_limit`, or saved with `warnings`.
json::object create_event(Context& ctx, const auth::Actor& actor, const json::object& input);
void delete_event(Context& ctx, const auth::Actor& actor, std::int64_t event_id);
//! A student's events between two dates (their class's, and their groups'), with the parent's meeting answers.
json::object student_events(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date from, Date to);
//! A class's events (staff), with the parents' answers to meeting invitations.
json::object class_events(Context& ctx, const auth::Actor& actor, std::int64_t class_id, Date from, Date to);
//! {attending: bool}: a parent of a student of the class answers a parent-meeting invitation.
json::object answer_meeting(Context& ctx, const auth::Actor& actor, std::int64_t event_id, const json::object& input);

// homework_service.cpp
//! {assignment_id, due_on, text, set_on? (default today), attachment_ids? (own uploads)}: the assignment's teacher.
json::object create_homework(Context& ctx, const auth::Actor& actor, const json::object& input);
//! {due_on?, text?, attachment_ids? (replaces the list)}: the assignment's teacher.
json::object update_homework(Context& ctx, const auth::Actor& actor, std::int64_t homework_id,
                             const json::object& input);
void delete_homework(Context& ctx, const auth::Actor& actor, std::int64_t homework_id);
//! Homework due between two dates for a student (their class's and groups' assignments).
json::object student_homework(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date from, Date to);
//! An assignment's homework due between two dates: the class's teachers and homeroom teacher, the office.
json::object assignment_homework(Context& ctx, const auth::Actor& actor, std::int64_t assignment_id, Date from,
                                 Date to);
//! For the lesson page, in the caller's transaction: {due: [...], set: [...]} of the assignment on that date.
json::object homework_of_lesson(storage::Transaction& tx, std::int64_t assignment_id, Date date);
//! For the files module: whether the attachment is handed out with homework the actor may see.
bool may_read_attachment(storage::Transaction& tx, const auth::Actor& actor, std::int64_t attachment_id);

// notes_service.cpp
//! {student_id, kind positive|negative|neutral, category, text}: teachers, the pedagogue, the director.
json::object create_note(Context& ctx, const auth::Actor& actor, const json::object& input);
json::object student_notes(Context& ctx, const auth::Actor& actor, std::int64_t student_id);
//! Every note of a class: its homeroom teacher, the pedagogue and the office.
json::object class_notes(Context& ctx, const auth::Actor& actor, std::int64_t class_id);

//! For other modules' services (the calendar feed), without permission checks: a student's events between two
//! dates as {id, date, lesson_number (or none), kind, subject name, description}.
struct EventFact {
    std::int64_t id = 0;
    Date date{};
    std::optional<int> lesson_number;
    std::string kind, subject, description;
};
std::vector<EventFact> events_of_student(storage::Transaction& tx, std::int64_t student_id, Date from, Date to);

// lucky_number.cpp
//! {scope school|class|off, days: [{date, number, mine}]}: today's number (on a school day) and the next school
//! day's, drawn at random from the register numbers in use the first time anyone asks, then kept.
json::object lucky_number(Context& ctx, const auth::Actor& actor, std::int64_t student_id);
//! Draws every school's (or class's) number for the next school day that is not drawn yet, each a feed entry
//! `lucky_number.drawn` {date, number} for the school or the class; the number drawn. Housekeeping calls it.
int draw_lucky_numbers(storage::Database& db);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::events
