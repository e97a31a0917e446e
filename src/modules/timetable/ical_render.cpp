#include <libical/ical.h>

#include <memory>

#include "modules/timetable/ical.hpp"

namespace kreda::timetable {

namespace {
icaltimetype utc(std::int64_t instant) {
    return icaltime_from_timet_with_zone(static_cast<time_t>(instant), 0, icaltimezone_get_utc_timezone());
}

icaltimetype day_of(Date date) {
    icaltimetype t = icaltime_null_date();
    t.year = date.year;
    t.month = date.month;
    t.day = date.day;
    return t;
}
}  // namespace

std::string render_ical(const std::string& calendar_name, const std::vector<CalendarEvent>& events) {
    std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)> calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT),
                                                                           &icalcomponent_free);
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Kreda//Dziennik szkolny//PL"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalproperty* name = icalproperty_new_x(calendar_name.c_str());
    icalproperty_set_x_name(name, "X-WR-CALNAME");
    icalcomponent_add_property(calendar.get(), name);
    icaltimetype now = icaltime_current_time_with_zone(icaltimezone_get_utc_timezone());
    for (const auto& e : events) {
        icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
        icalcomponent_add_property(event, icalproperty_new_uid(e.uid.c_str()));
        icalcomponent_add_property(event, icalproperty_new_dtstamp(now));
        if (e.all_day) {  // DTSTART;VALUE=DATE and the next day as the (exclusive) end, per RFC 5545
            icalcomponent_add_property(event, icalproperty_new_dtstart(day_of(*e.all_day)));
            icalcomponent_add_property(event, icalproperty_new_dtend(day_of(add_days(*e.all_day, 1))));
        } else {
            icalcomponent_add_property(event, icalproperty_new_dtstart(utc(e.starts_at)));
            icalcomponent_add_property(event, icalproperty_new_dtend(utc(e.ends_at)));
        }
        icalcomponent_add_property(event, icalproperty_new_summary(e.summary.c_str()));
        if (!e.location.empty()) icalcomponent_add_property(event, icalproperty_new_location(e.location.c_str()));
        if (!e.description.empty())
            icalcomponent_add_property(event, icalproperty_new_description(e.description.c_str()));
        icalcomponent_add_property(
            event, icalproperty_new_status(e.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
        icalcomponent_add_component(calendar.get(), event);
    }
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    std::string out(text);
    icalmemory_free_buffer(text);
    return out;
}

}  // namespace kreda::timetable
