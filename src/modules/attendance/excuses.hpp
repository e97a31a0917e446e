// Excuses (usprawiedliwienia): a family asks to excuse absences — whole days or single lessons — with a reason
// and a note; the homeroom teacher accepts (absences become excused) or rejects with a comment. Every step is
// in the audit history.
#pragma once

#include <cstdint>
#include <optional>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::attendance {

//! {lesson_ids?: [...], dates?: ["YYYY-MM-DD"], reason: illness|family|other, note?} → the excuse.
json::object submit_excuse(Context& ctx, const auth::Actor& actor, std::int64_t student_id, const json::object& input);
json::object student_excuses(Context& ctx, const auth::Actor& actor, std::int64_t student_id);
//! The excuses of the classes the actor is homeroom teacher of (the office: the whole school), by status.
json::object excuse_inbox(Context& ctx, const auth::Actor& actor, std::optional<std::string> status);
//! {decision: accepted|rejected, comment?}.
json::object decide_excuse(Context& ctx, const auth::Actor& actor, std::int64_t excuse_id, const json::object& input);

void register_excuse_routes(http::Router& router, Context& ctx);

}  // namespace kreda::attendance
