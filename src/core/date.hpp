// Civil dates and clock times, and the civil date in Warsaw of an instant. Pure: nothing here reads the clock.
// Day arithmetic goes through days since 1970-01-01 (Howard Hinnant's algorithms, proleptic Gregorian calendar).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kreda {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    auto operator<=>(const Date&) const = default;
};

//! A date written strictly as YYYY-MM-DD that exists in the calendar (29 February only in leap years).
std::optional<Date> parse_date(std::string_view text);
//! The date as YYYY-MM-DD, e.g. 2026-09-01.
std::string format_date(Date date);

//! The day of the week: 1 = Monday … 7 = Sunday.
int weekday(Date date);
//! The date `days` later (earlier when negative).
Date add_days(Date date, int days);
//! `to` minus `from` in days: positive when `to` is later.
int days_between(Date from, Date to);
//! The Monday of the date's week (weeks run Monday to Sunday, as in Polish timetables).
Date week_start(Date date);

//! Days from 1970-01-01 to the date (negative before it).
std::int64_t days_since_epoch(Date date);
//! The date that many days after 1970-01-01.
Date from_days_since_epoch(std::int64_t days);

//! The civil date in Europe/Warsaw at an instant (CET, or CEST from the last Sunday of March to the last of October).
Date warsaw_date(std::int64_t unix_seconds);
//! Minutes after local midnight in Europe/Warsaw at an instant, 0–1439.
int warsaw_minutes_of_day(std::int64_t unix_seconds);
//! The instant of a Warsaw wall-clock time on a date (CET or CEST as in force then).
std::int64_t warsaw_instant(Date date, int minutes);

//! A clock time written strictly as HH:MM, 00:00–23:59, as minutes after midnight ("08:55" is 535).
std::optional<int> parse_clock_time(std::string_view text);
//! Minutes after midnight as HH:MM; values outside a day wrap around it.
std::string format_clock_time(int minutes);

}  // namespace kreda
