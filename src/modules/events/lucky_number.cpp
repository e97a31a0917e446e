// The lucky number (szczęśliwy numerek): drawn for each school day from the register numbers in use, per school or
// per class as the school chooses; a student with that number is spared being called to answer. Drawn once, at
// random, the first time anyone asks for that day, and kept; days off (weekends, free days, outside the school
// year) have none.
#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "modules/events/events.hpp"
#include "modules/people/people.hpp"
#include "modules/school/calendar.hpp"
#include "modules/school/school.hpp"

namespace kreda::events {

namespace {

bool is_school_day(storage::Transaction& tx, std::int64_t school_id, Date day) {
    if (weekday(day) > 5) return false;
    bool in_year = false;
    for (const auto& y : school::years_of(tx, school_id)) in_year |= y.starts_on <= day && day <= y.ends_on;
    return in_year && school::free_days_between(tx, school_id, day, day).empty();
}

//! The register numbers in use: the school's (scope 0) or the class's.
std::vector<int> numbers_in_use(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id) {
    std::set<int> numbers;
    auto rows = class_id ? tx.query(
                               "SELECT register_number FROM students WHERE class_id = ? AND register_number IS "
                               "NOT NULL",
                               {class_id})
                         : tx.query(
                               "SELECT register_number FROM students WHERE school_id = ? AND register_number IS "
                               "NOT NULL",
                               {school_id});
    for (const auto& r : rows) numbers.insert(static_cast<int>(r[0].as_int()));
    return {numbers.begin(), numbers.end()};
}

std::optional<int> drawn(storage::Transaction& tx, std::int64_t school_id, std::int64_t scope, Date day) {
    auto row = tx.query_one("SELECT number FROM lucky_numbers WHERE school_id = ? AND class_id = ? AND date = ?",
                            {school_id, scope, format_date(day)});
    if (!row) return std::nullopt;
    return static_cast<int>((*row)[0].as_int());
}

}  // namespace

json::object lucky_number(Context& ctx, const auth::Actor& actor, std::int64_t student_id) {
    Date today = warsaw_date(Clock::now());
    people::StudentSummary student;
    std::string mode;
    std::vector<Date> days;  // today (when a school day) and the next school day
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        student = people::require_student(*tx, actor, student_id);
        mode = school::find(*tx, student.school_id)->lucky_number;
        if (mode != "off") {
            if (is_school_day(*tx, student.school_id, today)) days.push_back(today);
            for (Date d = add_days(today, 1); d <= add_days(today, 21); d = add_days(d, 1))
                if (is_school_day(*tx, student.school_id, d)) {
                    days.push_back(d);
                    break;
                }
        }
    }
    std::int64_t scope = mode == "class" ? student.class_id.value_or(0) : 0;
    json::array out;
    for (Date day : days) {
        std::optional<int> number;
        {
            auto tx = ctx.db.begin(storage::Access::Read);
            number = drawn(*tx, student.school_id, scope, day);
        }
        if (!number)
            number = in_write_transaction(ctx.db, [&](storage::Transaction& tx) -> std::optional<int> {
                if (auto already = drawn(tx, student.school_id, scope, day)) return already;  // another asked first
                auto numbers = numbers_in_use(tx, student.school_id, scope);
                if (numbers.empty()) return std::nullopt;
                int pick = numbers[crypto::random_below(static_cast<std::uint32_t>(numbers.size()))];
                tx.execute("INSERT INTO lucky_numbers (school_id, class_id, date, number) VALUES (?, ?, ?, ?)",
                           {student.school_id, scope, format_date(day), pick});
                return pick;
            });
        if (number)
            out.push_back(json::object{
                {"date", format_date(day)}, {"number", *number}, {"mine", student.register_number == number}});
    }
    return {{"scope", mode}, {"days", std::move(out)}};
}

}  // namespace kreda::events
