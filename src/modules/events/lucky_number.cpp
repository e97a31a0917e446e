// The lucky number (szczęśliwy numerek): drawn for each school day from the register numbers in use, per school or
// per class as the school chooses; a student with that number is spared being called to answer. Drawn once, at
// random, the first time anyone asks for that day, and kept; days off (weekends, free days, outside the school
// year) have none. Housekeeping draws the next school day's numbers ahead, so families hear of them in the change
// feed the evening before.
#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "modules/events/events.hpp"
#include "modules/feed/feed.hpp"
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

//! Draws the day's number for the scope (0: the whole school) unless drawn already, and tells the families.
std::optional<int> draw(storage::Transaction& tx, std::int64_t school_id, std::int64_t scope, Date day) {
    if (auto already = drawn(tx, school_id, scope, day)) return already;  // another asked first
    auto numbers = numbers_in_use(tx, school_id, scope);
    if (numbers.empty()) return std::nullopt;
    int pick = numbers[crypto::random_below(static_cast<std::uint32_t>(numbers.size()))];
    if (tx.execute("INSERT INTO lucky_numbers (school_id, class_id, date, number) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT (school_id, class_id, date) DO NOTHING",
                   {school_id, scope, format_date(day), pick}) == 0)
        return drawn(tx, school_id, scope, day);  // another process drew it in the meantime
    json::object data{{"date", format_date(day)}, {"number", pick}};
    feed::publish(tx, {scope ? feed::for_class(school_id, scope, std::nullopt, "lucky_number.drawn", data)
                             : feed::for_school(school_id, "everyone", "lucky_number.drawn", data)});
    return pick;
}

//! The first school day after `day` within three weeks.
std::optional<Date> next_school_day(storage::Transaction& tx, std::int64_t school_id, Date day) {
    for (Date d = add_days(day, 1); d <= add_days(day, 21); d = add_days(d, 1))
        if (is_school_day(tx, school_id, d)) return d;
    return std::nullopt;
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
            if (auto next = next_school_day(*tx, student.school_id, today)) days.push_back(*next);
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
            number = in_write_transaction(
                ctx.db, [&](storage::Transaction& tx) { return draw(tx, student.school_id, scope, day); });
        if (number)
            out.push_back(json::object{
                {"date", format_date(day)}, {"number", *number}, {"mine", student.register_number == number}});
    }
    return {{"scope", mode}, {"days", std::move(out)}};
}

int draw_lucky_numbers(storage::Database& db) {
    Date today = warsaw_date(Clock::now());
    struct Due {
        std::int64_t school_id, scope;
        Date day;
    };
    std::vector<Due> due;
    {
        auto tx = db.begin(storage::Access::Read);
        for (const auto& s : tx->query("SELECT id, lucky_number FROM schools WHERE lucky_number <> 'off'")) {
            std::int64_t school_id = s[0].as_int();
            auto day = next_school_day(*tx, school_id, today);
            if (!day) continue;
            std::vector<std::int64_t> scopes{0};
            if (s[1].as_text() == "class") {
                scopes.clear();
                for (const auto& c : tx->query("SELECT id FROM classes WHERE school_id = ?", {school_id}))
                    scopes.push_back(c[0].as_int());
            }
            for (auto scope : scopes)
                if (!drawn(*tx, school_id, scope, *day)) due.push_back({school_id, scope, *day});
        }
    }
    if (due.empty()) return 0;  // the usual case: no writer's lock taken
    return in_write_transaction(db, [&](storage::Transaction& tx) {
        int count = 0;
        for (const auto& d : due) count += draw(tx, d.school_id, d.scope, d.day).has_value();
        return count;
    });
}

}  // namespace kreda::events
