#include "core/date.hpp"

#include <gtest/gtest.h>

namespace kreda {

// Lets GoogleTest print dates in failure messages.
inline void PrintTo(const Date& date, std::ostream* out) {
    *out << format_date(date);
}

namespace {

Date d(std::string_view text) {
    return parse_date(text).value();
}

TEST(Date, ParsesAndFormatsIsoDates) {
    EXPECT_EQ(parse_date("2026-09-01"), (Date{2026, 9, 1}));
    EXPECT_EQ(format_date(Date{2026, 9, 1}), "2026-09-01");
    EXPECT_EQ(format_date(Date{987, 1, 5}), "0987-01-05");
}

TEST(Date, TwentyNinthOfFebruaryExistsOnlyInLeapYears) {
    EXPECT_TRUE(parse_date("2024-02-29"));
    EXPECT_FALSE(parse_date("2026-02-29"));
    EXPECT_TRUE(parse_date("2000-02-29"));
    EXPECT_FALSE(parse_date("2100-02-29"));
}

TEST(Date, RejectsAnythingButStrictYearMonthDay) {
    for (std::string_view text : {"", "2026-9-1", "2026-13-01", "2026-00-10", "2026-09-00", "2026-09-31", "2026-09-01x",
                                  " 2026-09-01", "2026/09/01", "+026-09-01", "2026-0a-01"}) {
        EXPECT_FALSE(parse_date(text)) << text;
    }
}

TEST(Date, KnowsTheWeekdaysOfKnownDates) {
    EXPECT_EQ(weekday(d("1970-01-01")), 4);  // Thursday
    EXPECT_EQ(weekday(d("2026-09-01")), 2);  // Tuesday: the school year starts
    EXPECT_EQ(weekday(d("2027-06-25")), 5);  // Friday: the last Friday of June ends it
    EXPECT_EQ(weekday(d("2026-09-06")), 7);  // Sunday
    EXPECT_EQ(weekday(d("1900-01-01")), 1);  // Monday, before the epoch
}

TEST(Date, AddsDaysAcrossMonthsYearsAndLeapDays) {
    EXPECT_EQ(add_days(d("2026-08-31"), 1), d("2026-09-01"));
    EXPECT_EQ(add_days(d("2026-12-31"), 1), d("2027-01-01"));
    EXPECT_EQ(add_days(d("2024-02-28"), 1), d("2024-02-29"));
    EXPECT_EQ(add_days(d("2024-03-01"), -1), d("2024-02-29"));
    EXPECT_EQ(add_days(d("2026-09-01"), 0), d("2026-09-01"));
}

TEST(Date, CountsDaysBetweenDates) {
    EXPECT_EQ(days_between(d("2026-09-01"), d("2027-06-25")), 297);
    EXPECT_EQ(days_between(d("2027-06-25"), d("2026-09-01")), -297);
    EXPECT_EQ(days_between(d("2024-01-01"), d("2025-01-01")), 366);
}

TEST(Date, WeekStartsOnTheMondayEvenAcrossAMonthOrYear) {
    EXPECT_EQ(week_start(d("2026-09-01")), d("2026-08-31"));
    EXPECT_EQ(week_start(d("2026-08-31")), d("2026-08-31"));
    EXPECT_EQ(week_start(d("2027-01-03")), d("2026-12-28"));  // a Sunday
    EXPECT_EQ(week_start(d("2026-01-01")), d("2025-12-29"));
}

TEST(Date, EpochDaysRoundTrip) {
    EXPECT_EQ(days_since_epoch(d("1970-01-01")), 0);
    EXPECT_EQ(days_since_epoch(d("1969-12-31")), -1);
    EXPECT_EQ(days_since_epoch(d("2000-03-01")), 11017);
    for (std::int64_t days = -800'000; days <= 800'000; days += 37) {
        ASSERT_EQ(days_since_epoch(from_days_since_epoch(days)), days);
    }
}

TEST(WarsawTime, WinterIsOneHourAheadOfUtc) {
    EXPECT_EQ(warsaw_date(1798759800), d("2027-01-01"));  // 2026-12-31 23:30 UTC
    EXPECT_EQ(warsaw_minutes_of_day(1798759800), 30);
}

TEST(WarsawTime, SummerIsTwoHoursAheadOfUtc) {
    EXPECT_EQ(warsaw_date(1788242400), d("2026-09-01"));  // 2026-09-01 06:00 UTC
    EXPECT_EQ(warsaw_minutes_of_day(1788242400), 8 * 60);
}

TEST(WarsawTime, SummerTimeStartsAtOneUtcOnTheLastSundayOfMarch) {
    EXPECT_EQ(warsaw_date(1774745999), d("2026-03-29"));        // 00:59:59 UTC
    EXPECT_EQ(warsaw_minutes_of_day(1774745999), 1 * 60 + 59);  // 01:59 CET
    EXPECT_EQ(warsaw_minutes_of_day(1774746000), 3 * 60);       // 01:00 UTC is 03:00 CEST
    EXPECT_EQ(warsaw_date(1774737000), d("2026-03-28"));        // 22:30 UTC the evening before is 23:30 CET
    EXPECT_EQ(warsaw_date(1774740600), d("2026-03-29"));        // 23:30 UTC is already 00:30 CET on Sunday
}

TEST(WarsawTime, SummerTimeEndsAtOneUtcOnTheLastSundayOfOctober) {
    EXPECT_EQ(warsaw_minutes_of_day(1792889999), 2 * 60 + 59);  // 00:59:59 UTC is 02:59 CEST
    EXPECT_EQ(warsaw_minutes_of_day(1792890000), 2 * 60);       // 01:00 UTC is 02:00 CET again
    EXPECT_EQ(warsaw_date(1792881000), d("2026-10-25"));        // 22:30 UTC on Saturday is 00:30 CEST on Sunday
    EXPECT_EQ(warsaw_minutes_of_day(1792881000), 30);
}

TEST(ClockTime, ParsesStrictHoursAndMinutes) {
    EXPECT_EQ(parse_clock_time("08:55"), 535);
    EXPECT_EQ(parse_clock_time("00:00"), 0);
    EXPECT_EQ(parse_clock_time("23:59"), 1439);
    for (std::string_view text : {"", "8:55", "24:00", "12:60", "08:55:00", "08-55", " 8:55", "ab:cd"}) {
        EXPECT_FALSE(parse_clock_time(text)) << text;
    }
}

TEST(ClockTime, FormatsMinutesAfterMidnight) {
    EXPECT_EQ(format_clock_time(535), "08:55");
    EXPECT_EQ(format_clock_time(0), "00:00");
    EXPECT_EQ(format_clock_time(1439), "23:59");
}

}  // namespace
}  // namespace kreda
