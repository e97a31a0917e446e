// Announcements (ogłoszenia): the school's notice board, addressed to everyone, parents, students, staff or chosen
// classes, with a validity period and read status per reader; the author sees who has read.
#pragma once

#include <cstdint>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::notices {

//! The announcements for the caller valid today (or, with `all`, every one they may see), newest first.
json::object list(Context& ctx, const auth::Actor& actor, bool all);
//! {title, body, audience: everyone|parents|students|staff|classes, class_ids? (for classes), valid_from?,
//! valid_to?}: the office to anyone; teachers to the classes they teach or lead.
json::object create(Context& ctx, const auth::Actor& actor, const json::object& input);
//! The announcement (marks it read); its author and the office also see who has read it, of how many.
json::object open(Context& ctx, const auth::Actor& actor, std::int64_t notice_id);
//! {unread}: the announcements valid today that speak to the caller and they have not opened.
json::object unread_count(Context& ctx, const auth::Actor& actor);
//! Its author or the office.
void remove(Context& ctx, const auth::Actor& actor, std::int64_t notice_id);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::notices
