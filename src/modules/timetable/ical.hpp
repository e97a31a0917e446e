// iCalendar (RFC 5545) feeds of a student's or a teacher's timetable, at private, revocable addresses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/date.hpp"
#include "core/json.hpp"
#include "modules/context.hpp"

namespace kreda::timetable {

struct CalendarEvent {
    std::string uid;
    std::int64_t starts_at = 0, ends_at = 0;  //!< instants (Unix seconds)
    std::string summary, location, description;
    bool cancelled = false;
    std::optional<Date> all_day;  //!< instead of the instants: the whole day (a trip, a meeting)
};

//! A VCALENDAR with one VEVENT per event, folded and escaped by libical; times in UTC.
std::string render_ical(const std::string& calendar_name, const std::vector<CalendarEvent>& events);

//! {student_id?}: a new private feed address of that student's timetable, or of the actor's own (staff).
json::object create_feed(Context& ctx, const auth::Actor& actor, const json::object& input);
json::object list_feeds(Context& ctx, const auth::Actor& actor);
void revoke_feed(Context& ctx, const auth::Actor& actor, std::int64_t feed_id);
//! The calendar behind a feed token (4 weeks back to 8 ahead); nothing when the token is unknown or revoked.
std::optional<std::string> feed_calendar(Context& ctx, const std::string& token);

}  // namespace kreda::timetable
