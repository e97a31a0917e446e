// The demo school's weekly plan, built through the clash-checking service, and a few changes this week.
#include <algorithm>
#include <map>
#include <set>

#include "app/demo.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"
#include "modules/timetable/timetable.hpp"

namespace kreda::app {

namespace {

//! Lessons a week per subject (short name) for grades 1–3 and 4–8.
int weekly_hours(const std::string& subject, int grade) {
    static const std::map<std::string, std::pair<int, int>> hours = {
        {"ew", {12, 0}}, {"pol", {0, 5}}, {"mat", {0, 4}}, {"ang", {2, 3}},  {"his", {0, 2}},
        {"prz", {0, 2}}, {"bio", {0, 1}}, {"geo", {0, 1}}, {"fiz", {0, 2}},  {"chem", {0, 2}},
        {"inf", {0, 1}}, {"wf", {3, 4}},  {"muz", {0, 1}}, {"plas", {0, 1}}, {"rel", {2, 2}}};
    auto it = hours.find(subject);
    if (it == hours.end()) return 1;
    return grade <= 3 ? it->second.first : it->second.second;
}

//! One thing a class does in a slot: a whole-class lesson, or its groups in parallel.
struct Unit {
    std::vector<organisation::Assignment> parts;
    int remaining;
};

}  // namespace

void seed_timetable(Context& ctx, const auth::Actor& admin, std::int64_t school_id) {
    auto assignments = organisation::list_assignments(ctx, admin, school_id, std::nullopt, std::nullopt);
    auto classes = organisation::list_classes(ctx, admin, school_id);
    auto rooms = organisation::list_rooms(ctx, admin, school_id);
    std::map<std::tuple<int, int, std::int64_t>, bool> teacher_busy;   // (weekday, lesson, teacher)
    std::map<std::pair<int, int>, std::set<std::size_t>> rooms_taken;  // (weekday, lesson) → room indexes
    for (std::size_t c = 0; c < classes.size(); ++c) {
        int grade = classes[c].name[0] - '0';
        std::map<std::int64_t, Unit> by_subject;
        for (const auto& a : assignments)
            if (a.class_id == classes[c].id) {
                auto& unit = by_subject[a.subject.id];
                unit.parts.push_back(a);
                unit.remaining = weekly_hours(a.subject.short_name, grade);
            }
        std::vector<Unit> units;
        for (auto& [id, unit] : by_subject) units.push_back(unit);
        int total = 0;
        for (const auto& u : units) total += u.remaining;
        int last_lesson = std::min(8, (total + 4) / 5);  // spread the week's lessons over five days
        std::size_t next = c;                            // classes start their rotation at different subjects
        for (int day = 1; day <= 5; ++day)
            for (int lesson = 1; lesson <= last_lesson; ++lesson)
                for (std::size_t tried = 0; tried < units.size(); ++tried, ++next) {
                    Unit& unit = units[next % units.size()];
                    bool free = unit.remaining > 0;
                    for (const auto& part : unit.parts) free = free && !teacher_busy[{day, lesson, part.teacher.id}];
                    if (!free) continue;
                    for (const auto& part : unit.parts) {
                        std::size_t room = (c + part.id) % rooms.size();
                        while (rooms_taken[{day, lesson}].count(room)) room = (room + 1) % rooms.size();
                        rooms_taken[{day, lesson}].insert(room);
                        teacher_busy[{day, lesson, part.teacher.id}] = true;
                        timetable::create_entry(ctx, admin, school_id,
                                                {{"assignment_id", part.id},
                                                 {"weekday", day},
                                                 {"lesson_number", lesson},
                                                 {"room_id", rooms[room].id},
                                                 {"valid_from", "2026-09-01"}});
                    }
                    --unit.remaining;
                    ++next;
                    break;
                }
    }
}

void seed_changes(Context& ctx, const auth::Actor& admin, std::int64_t school_id) {
    Date today = warsaw_date(Clock::now());
    Date monday = week_start(weekday(today) >= 6 ? add_days(today, 7) : today);
    auto plan = timetable::list_plan(ctx, admin, school_id, {});
    auto teachers = people::list_staff(ctx, admin, school_id, auth::Role::Teacher);
    int made = 0;
    // A substitution, a cancellation and a room change on different days of the coming school week.
    for (const auto& entry : plan) {
        if (made == 3) break;
        Date date = add_days(monday, entry.weekday - 1);
        json::object change{{"date", format_date(date)}, {"entry_id", entry.id}};
        if (made == 0 && entry.weekday == 2) {
            change["kind"] = "substitution";
            change["note"] = "Zastępstwo za nieobecnego nauczyciela";
            for (const auto& t : teachers) {
                if (t.id == entry.teacher_id) continue;
                change["substitute_teacher_id"] = t.id;
                try {
                    timetable::create_change(ctx, admin, school_id, change);
                    ++made;
                    break;
                } catch (const ApiError&) {  // that teacher is busy then: try the next one
                }
            }
        } else if (made == 1 && entry.weekday == 3) {
            change["kind"] = "cancellation";
            change["note"] = "Wycieczka klasowa";
            timetable::create_change(ctx, admin, school_id, change);
            ++made;
        } else if (made == 2 && entry.weekday == 4 && entry.room_id) {
            change["kind"] = "room_change";
            for (const auto& room : organisation::list_rooms(ctx, admin, school_id)) {
                change["room_id"] = room.id;
                try {
                    timetable::create_change(ctx, admin, school_id, change);
                    ++made;
                    break;
                } catch (const ApiError&) {  // taken: the next room
                }
            }
        }
    }
}

}  // namespace kreda::app
