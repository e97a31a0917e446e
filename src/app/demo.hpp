// The demo school's parts, seeded through the real services (so the demo also exercises every rule).
#pragma once

#include <cstdint>

#include "auth/actor.hpp"
#include "modules/context.hpp"

namespace kreda::app {

//! A demo person acting through the services (the audit history names them, from the address "kreda-demo").
auth::Actor acting_as(std::int64_t user_id, auth::Role role, std::int64_t school_id);

//! Year, terms, free days, subjects, rooms, bells, homerooms, register numbers, groups, assignments.
void seed_organisation(Context& ctx, const auth::Actor& admin, std::int64_t school_id);
//! Every class's weekly plan from 1 September, clash-free.
void seed_timetable(Context& ctx, const auth::Actor& admin, std::int64_t school_id);
//! Every lesson from 1 September to yesterday, recorded with a topic and the class's attendance.
void seed_lessons(Context& ctx, const auth::Actor& admin, std::int64_t school_id);
//! Parents' excuses of recent absences: some accepted, one rejected, some waiting for the homeroom teacher.
void seed_excuses(Context& ctx, const auth::Actor& admin, std::int64_t school_id);
//! Every assignment's grade book from September to today, improvements, predicted term grades, behaviour.
void seed_grades(Context& ctx, const auth::Actor& admin, std::int64_t school_id);
//! Threads between parents and teachers (some read, some not), class-wide messages, parent councils.
void seed_messages(Context& ctx, const auth::Actor& admin, std::int64_t school_id);
//! The coming month's tests, quizzes, trips and parent meetings, homework, and notes.
void seed_terminarz(Context& ctx, const auth::Actor& admin, std::int64_t school_id);
//! A substitution, a cancellation and a room change in the coming school week.
void seed_changes(Context& ctx, const auth::Actor& admin, std::int64_t school_id);

}  // namespace kreda::app
