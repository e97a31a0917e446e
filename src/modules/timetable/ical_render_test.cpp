#include <gtest/gtest.h>
#include <libical/ical.h>

#include "core/date.hpp"
#include "modules/timetable/ical.hpp"

namespace kreda::timetable {
namespace {

TEST(Ical, TheFeedParsesBackWithItsEventsTimesAndPolishText) {
    std::int64_t start = warsaw_instant(Date{2026, 11, 23}, 8 * 60);
    std::string text = render_ical("Plan lekcji: Łucja Żółkiewska",
                                   {{"lesson-1@kreda", start, start + 45 * 60, "Język polski; zastępstwo, sala 12",
                                     "Sala 12", "Nauczyciel: Zofia Wójcik", false, std::nullopt},
                                    {"lesson-2@kreda", start + 3300, start + 6000, "Matematyka", "", "", true,
                                     std::nullopt}});
    std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)> parsed(icalparser_parse_string(text.c_str()),
                                                                         &icalcomponent_free);
    ASSERT_NE(parsed, nullptr);
    EXPECT_EQ(icalcomponent_count_components(parsed.get(), ICAL_VEVENT_COMPONENT), 2);
    icalcomponent* first = icalcomponent_get_first_component(parsed.get(), ICAL_VEVENT_COMPONENT);
    EXPECT_STREQ(icalcomponent_get_summary(first), "Język polski; zastępstwo, sala 12");
    EXPECT_EQ(icaltime_as_timet(icalcomponent_get_dtstart(first)), start) << "08:00 in Warsaw in winter is 07:00Z";
    EXPECT_EQ(start % 86400, 7 * 3600);
    icalcomponent* second = icalcomponent_get_next_component(parsed.get(), ICAL_VEVENT_COMPONENT);
    EXPECT_EQ(icalcomponent_get_status(second), ICAL_STATUS_CANCELLED);
    EXPECT_NE(text.find("VERSION:2.0"), std::string::npos);
}

}  // namespace
}  // namespace kreda::timetable
