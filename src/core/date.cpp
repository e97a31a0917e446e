#include "core/date.hpp"

#include <cstdio>

namespace kreda {

namespace {

constexpr std::int64_t seconds_per_day = 86'400;

// Division and remainder rounding towards negative infinity, so instants before 1970 land on the right day.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
    return a - floor_div(a, b) * b;
}

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

// Reads exactly `text.size()` decimal digits; nothing else is accepted (no sign, no spaces).
std::optional<int> parse_digits(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// The instant at which Warsaw changes its offset: 01:00 UTC on the last Sunday of `month`.
std::int64_t switch_instant(int year, int month) {
    Date last{year, month, days_in_month(year, month)};
    Date sunday = add_days(last, -(weekday(last) % 7));
    return days_since_epoch(sunday) * seconds_per_day + 3'600;
}

// Seconds since the epoch shifted to Warsaw's wall clock.
std::int64_t warsaw_local_seconds(std::int64_t unix_seconds) {
    int year = from_days_since_epoch(floor_div(unix_seconds, seconds_per_day)).year;
    bool summer = unix_seconds >= switch_instant(year, 3) && unix_seconds < switch_instant(year, 10);
    return unix_seconds + (summer ? 7'200 : 3'600);
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto year = parse_digits(text.substr(0, 4));
    auto month = parse_digits(text.substr(5, 2));
    auto day = parse_digits(text.substr(8, 2));
    if (!year || !month || !day) return std::nullopt;
    if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
    return Date{*year, *month, *day};
}

std::string format_date(Date date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

int weekday(Date date) {
    // 1970-01-01 was a Thursday.
    return static_cast<int>(floor_mod(days_since_epoch(date) + 3, 7)) + 1;
}

Date add_days(Date date, int days) {
    return from_days_since_epoch(days_since_epoch(date) + days);
}

int days_between(Date from, Date to) {
    return static_cast<int>(days_since_epoch(to) - days_since_epoch(from));
}

Date week_start(Date date) {
    return add_days(date, 1 - weekday(date));
}

std::int64_t days_since_epoch(Date date) {
    // days_from_civil: years counted from 1 March, so the leap day is the last day of the counted year.
    std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    std::int64_t era = floor_div(y, 400);
    std::int64_t year_of_era = y - era * 400;
    std::int64_t month_from_march = date.month > 2 ? date.month - 3 : date.month + 9;
    std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
    std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146'097 + day_of_era - 719'468;
}

Date from_days_since_epoch(std::int64_t days) {
    // civil_from_days: the inverse of the above.
    days += 719'468;
    std::int64_t era = floor_div(days, 146'097);
    std::int64_t day_of_era = days - era * 146'097;
    std::int64_t year_of_era = (day_of_era - day_of_era / 1'460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
    std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
    int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    int month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

Date warsaw_date(std::int64_t unix_seconds) {
    return from_days_since_epoch(floor_div(warsaw_local_seconds(unix_seconds), seconds_per_day));
}

int warsaw_minutes_of_day(std::int64_t unix_seconds) {
    return static_cast<int>(floor_mod(warsaw_local_seconds(unix_seconds), seconds_per_day) / 60);
}

std::optional<int> parse_clock_time(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    auto hours = parse_digits(text.substr(0, 2));
    auto minutes = parse_digits(text.substr(3, 2));
    if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
    return *hours * 60 + *minutes;
}

std::string format_clock_time(int minutes) {
    int in_day = static_cast<int>(floor_mod(minutes, 1'440));
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", in_day / 60, in_day % 60);
    return buffer;
}

std::int64_t warsaw_instant(Date date, int minutes) {
    std::int64_t local = days_since_epoch(date) * 86400 + static_cast<std::int64_t>(minutes) * 60;
    for (std::int64_t offset : {7200, 3600}) {  // summer time first, then winter time
        std::int64_t candidate = local - offset;
        if (warsaw_date(candidate) == date && warsaw_minutes_of_day(candidate) == minutes) return candidate;
    }
    return local - 3600;  // a time skipped by the spring change: read as winter time
}

}  // namespace kreda
