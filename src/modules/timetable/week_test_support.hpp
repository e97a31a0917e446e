// Test fixtures for the timetable: a 2026/27 school year, a few teachers, subjects, classes and rooms.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "modules/timetable/week.hpp"

namespace kreda {

// Lets GoogleTest print dates in failure messages.
inline void PrintTo(const Date& date, std::ostream* out) {
    *out << format_date(date);
}

namespace timetable::fixtures {

inline constexpr std::int64_t kowalska = 11, nowak = 12;
inline constexpr std::int64_t maths = 21, polish = 22, english = 23;
inline constexpr std::int64_t class_1a = 31, class_1b = 32;
inline constexpr std::int64_t english_group_1 = 41, english_group_2 = 42;
inline constexpr std::int64_t room_12 = 112, room_14 = 114;

inline Date d(std::string_view text) {
    return parse_date(text).value();
}

inline PlanEntry entry(std::int64_t id, int weekday, int lesson, std::int64_t teacher, std::int64_t subject,
                       std::int64_t class_id) {
    PlanEntry e;
    e.id = id;
    e.assignment_id = 100 + id;
    e.teacher_id = teacher;
    e.subject_id = subject;
    e.class_id = class_id;
    e.weekday = weekday;
    e.lesson_number = lesson;
    e.valid_from = d("2026-09-01");
    return e;
}

// A week of the 2026/27 school year: term I to 24 January, term II to the last Friday of June.
inline WeekInput week_of(std::string_view monday, std::vector<PlanEntry> plan) {
    WeekInput input;
    input.week_start = d(monday);
    input.plan = std::move(plan);
    input.teaching_periods = {{d("2026-09-01"), d("2027-01-24")}, {d("2027-01-25"), d("2027-06-25")}};
    return input;
}

inline Change change(std::int64_t id, ChangeKind kind, std::string_view date, int lesson,
                     std::optional<std::int64_t> entry_id) {
    Change c;
    c.id = id;
    c.kind = kind;
    c.date = d(date);
    c.lesson_number = lesson;
    c.entry_id = entry_id;
    return c;
}

}  // namespace timetable::fixtures
}  // namespace kreda
