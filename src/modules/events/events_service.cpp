// The terminarz: events of a class or group, the school's caps on tests, and answers to parent meetings.
#include <set>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/events/events.hpp"
#include "modules/events/events_support.hpp"
#include "modules/feed/feed.hpp"
#include "modules/people/people.hpp"
#include "modules/school/school.hpp"

namespace kreda::events {

namespace {

const std::set<std::string> kKinds = {"test", "class_test", "quiz", "trip", "outing", "parent_meeting", "other"};
bool is_test(const std::string& kind) {
    return kind == "test" || kind == "class_test";
}

constexpr std::string_view kFields =
    "SELECT e.id, e.class_id, e.group_id, e.kind, e.date, e.lesson_number, e.subject_id, s.name, e.description, "
    "e.created_by, u.first_name, u.last_name, g.name FROM events e LEFT JOIN subjects s ON s.id = e.subject_id "
    "LEFT JOIN class_groups g ON g.id = e.group_id JOIN users u ON u.id = e.created_by ";

json::object event_json(const storage::Row& r) {
    return {{"id", r[0].as_int()},
            {"class_id", r[1].as_int()},
            {"group_id", r[2].is_null() ? json::value(nullptr) : json::value(r[2].as_int())},
            {"group_name", r[12].is_null() ? json::value(nullptr) : json::value(r[12].as_text())},
            {"kind", r[3].as_text()},
            {"date", r[4].as_text()},
            {"lesson_number", r[5].is_null() ? json::value(nullptr) : json::value(r[5].as_int())},
            {"subject", r[6].is_null() ? json::value(nullptr)
                                       : json::value(json::object{{"id", r[6].as_int()}, {"name", r[7].as_text()}})},
            {"description", r[8].as_text()},
            {"author", {{"id", r[9].as_int()}, {"first_name", r[10].as_text()}, {"last_name", r[11].as_text()}}}};
}

//! Tests the class already has that day and that week.
std::pair<int, int> tests_around(storage::Transaction& tx, std::int64_t class_id, Date date) {
    Date monday = week_start(date);
    int day = 0, week = 0;
    for (const auto& r : tx.query("SELECT date FROM events WHERE class_id = ? AND kind IN ('test', 'class_test') "
                                  "AND date >= ? AND date <= ?",
                                  {class_id, format_date(monday), format_date(add_days(monday, 6))})) {
        ++week;
        if (r[0].as_text() == format_date(date)) ++day;
    }
    return {day, week};
}

}  // namespace

json::object create_event(Context& ctx, const auth::Actor& actor, const json::object& input) {
    json::FieldReader fields(input);
    std::int64_t class_id = fields.id("class_id");
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto [klass, relation] = organisation::class_relation(tx, actor, class_id);
        auth::require(actor, auth::Action::PlanEvents, {*actor.school_id, relation});
        auto group_id = fields.optional_id("group_id");
        std::string kind = fields.text("kind", 20);
        Date date = fields.date("date");
        auto lesson_number = fields.optional_integer("lesson_number", 0, 10);
        auto subject_id = fields.optional_id("subject_id");
        std::string description = fields.text("description", 1000);
        if (!kKinds.count(kind))
            fields.fail("kind", {"Rodzaj: test, class_test, quiz, trip, outing, parent_meeting albo other.",
                                 "Kind: test, class_test, quiz, trip, outing, parent_meeting or other."});
        if (group_id &&
            !tx.query_one("SELECT 1 FROM class_groups WHERE id = ? AND class_id = ?", {*group_id, class_id}))
            fields.fail("group_id", {"Ta grupa nie należy do tej klasy.", "This group is not in this class."});
        if (subject_id &&
            !tx.query_one("SELECT 1 FROM subjects WHERE id = ? AND school_id = ?", {*subject_id, *actor.school_id}))
            fields.fail("subject_id", {"Nie ma takiego przedmiotu.", "No such subject."});
        fields.check();
        if (kind == "parent_meeting" && relation != auth::Relation::Homeroom && !auth::is_office(actor.role))
            throw errors::forbidden();  // the homeroom teacher calls the class's parents
        json::array warnings;
        if (is_test(kind)) {
            auto school = school::find(tx, *actor.school_id);
            auto [day, week] = tests_around(tx, class_id, date);
            bool over_day = school->tests_per_day > 0 && day >= school->tests_per_day;
            bool over_week = school->tests_per_week > 0 && week >= school->tests_per_week;
            Text why{"Klasa " + klass.name + " ma już " + std::to_string(over_day ? day : week) +
                         (over_day ? " sprawdzian(y) tego dnia." : " sprawdzian(y) w tym tygodniu."),
                     "Class " + klass.name + " already has " + std::to_string(over_day ? day : week) +
                         (over_day ? " test(s) that day." : " test(s) that week.")};
            if ((over_day || over_week) && school->refuse_over_cap) throw errors::conflict("test_limit", why);
            if (over_day || over_week)
                warnings.push_back(
                    json::object{{"code", "test_limit"}, {"message_pl", why.pl}, {"message_en", why.en}});
        }
        std::int64_t id = tx.query(
                                "INSERT INTO events (school_id, class_id, group_id, kind, date, lesson_number, "
                                "subject_id, description, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                "?, ?) RETURNING id",
                                {*actor.school_id, class_id, group_id, kind, format_date(date), lesson_number,
                                 subject_id, description, actor.user_id, Clock::now()})
                              .front()[0]
                              .as_int();
        json::object out = event_json(*tx.query_one(std::string(kFields) + "WHERE e.id = ?", {id}));
        audit::record(tx, actor, *actor.school_id, "event.create", "event", id, std::nullopt, out);
        feed::publish(tx, {feed::for_class(*actor.school_id, class_id, group_id, "event.added", out)});
        out["warnings"] = std::move(warnings);
        return out;
    });
}

void delete_event(Context& ctx, const auth::Actor& actor, std::int64_t event_id) {
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto row = tx.query_one(std::string(kFields) + "WHERE e.id = ? AND e.school_id = ?",
                                {event_id, actor.school_id.value_or(0)});
        if (!row) throw errors::not_found();
        json::object before = event_json(*row);
        auto [klass, relation] = organisation::class_relation(tx, actor, before.at("class_id").as_int64());
        auth::require(actor, auth::Action::PlanEvents, {*actor.school_id, relation});
        if (before.at("author").at("id").as_int64() != actor.user_id && !auth::is_office(actor.role) &&
            relation != auth::Relation::Homeroom)
            throw errors::forbidden();  // another teacher's event: its author, the homeroom teacher or the office
        tx.execute("DELETE FROM meeting_answers WHERE event_id = ?", {event_id});
        tx.execute("DELETE FROM events WHERE id = ?", {event_id});
        audit::record(tx, actor, *actor.school_id, "event.delete", "event", event_id, before, std::nullopt);
        std::optional<std::int64_t> group;
        if (!before.at("group_id").is_null()) group = before.at("group_id").as_int64();
        feed::publish(
            tx, {feed::for_class(*actor.school_id, before.at("class_id").as_int64(), group, "event.deleted", before)});
    });
}

json::object student_events(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date from, Date to) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto student = people::require_student(*tx, actor, student_id);
    json::array items;
    if (student.class_id) {
        auto groups = groups_of(*tx, student_id);
        for (const auto& r : tx->query(std::string(kFields) + "WHERE e.class_id = ? AND e.date >= ? AND e.date <= ? "
                                                              "ORDER BY e.date, e.lesson_number, e.id",
                                       {*student.class_id, format_date(from), format_date(to)})) {
            if (!r[2].is_null() && !groups.count(r[2].as_int())) continue;  // another group's
            json::object o = event_json(r);
            if (o.at("kind").as_string() == "parent_meeting" && actor.role == auth::Role::Parent) {
                auto answer =
                    tx->query_one("SELECT attending FROM meeting_answers WHERE event_id = ? AND parent_id = ?",
                                  {o.at("id").as_int64(), actor.user_id});
                o["my_answer"] = answer ? json::value((*answer)[0].as_bool()) : json::value(nullptr);
            }
            items.push_back(std::move(o));
        }
    }
    return {{"from", format_date(from)}, {"to", format_date(to)}, {"items", std::move(items)}};
}

std::vector<EventFact> events_of_student(storage::Transaction& tx, std::int64_t student_id, Date from, Date to) {
    auto student = people::find_student(tx, student_id);
    std::vector<EventFact> out;
    if (!student || !student->class_id) return out;
    auto groups = groups_of(tx, student_id);
    for (const auto& r : tx.query(std::string(kFields) + "WHERE e.class_id = ? AND e.date >= ? AND e.date <= ? "
                                                         "ORDER BY e.date, e.lesson_number, e.id",
                                  {*student->class_id, format_date(from), format_date(to)})) {
        if (!r[2].is_null() && !groups.count(r[2].as_int())) continue;
        out.push_back({r[0].as_int(), parse_date(r[4].as_text()).value_or(Date{}),
                       r[5].is_null() ? std::nullopt : std::optional(static_cast<int>(r[5].as_int())), r[3].as_text(),
                       r[7].is_null() ? std::string() : r[7].as_text(), r[8].as_text()});
    }
    return out;
}

json::object class_events(Context& ctx, const auth::Actor& actor, std::int64_t class_id, Date from, Date to) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto [klass, relation] = organisation::class_relation(*tx, actor, class_id);
    auth::require(actor, auth::Action::ViewClasses, {*actor.school_id, relation});
    json::array items;
    for (const auto& r : tx->query(std::string(kFields) + "WHERE e.class_id = ? AND e.date >= ? AND e.date <= ? "
                                                          "ORDER BY e.date, e.lesson_number, e.id",
                                   {class_id, format_date(from), format_date(to)})) {
        json::object o = event_json(r);
        if (o.at("kind").as_string() == "parent_meeting") {
            json::array answers;
            for (const auto& a : tx->query("SELECT a.parent_id, u.first_name, u.last_name, a.attending, a.answered_at "
                                           "FROM meeting_answers a JOIN users u ON u.id = a.parent_id "
                                           "WHERE a.event_id = ? ORDER BY u.last_name, u.first_name",
                                           {o.at("id").as_int64()}))
                answers.push_back(json::object{
                    {"parent", {{"id", a[0].as_int()}, {"first_name", a[1].as_text()}, {"last_name", a[2].as_text()}}},
                    {"attending", a[3].as_bool()},
                    {"answered_at", format_instant(a[4].as_int())}});
            o["answers"] = std::move(answers);
        }
        items.push_back(std::move(o));
    }
    return {{"class", {{"id", klass.id}, {"name", klass.name}}}, {"items", std::move(items)}};
}

json::object answer_meeting(Context& ctx, const auth::Actor& actor, std::int64_t event_id, const json::object& input) {
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto row = tx.query_one("SELECT class_id, kind, school_id FROM events WHERE id = ?", {event_id});
        bool parent_of_class = row && actor.role == auth::Role::Parent &&
                               tx.query_one(
                                     "SELECT 1 FROM guardianships g JOIN students s ON s.user_id = g.student_id "
                                     "WHERE g.parent_id = ? AND s.class_id = ?",
                                     {actor.user_id, (*row)[0].as_int()})
                                   .has_value();
        if (!parent_of_class || (*row)[1].as_text() != "parent_meeting") throw errors::not_found();
        json::FieldReader fields(input);
        auto attending = fields.optional_bool("attending");
        if (!attending) fields.fail("attending", {"Odpowiedz: true albo false.", "Answer true or false."});
        fields.check();
        tx.execute("DELETE FROM meeting_answers WHERE event_id = ? AND parent_id = ?", {event_id, actor.user_id});
        tx.execute("INSERT INTO meeting_answers (event_id, parent_id, attending, answered_at) VALUES (?, ?, ?, ?)",
                   {event_id, actor.user_id, *attending, Clock::now()});
        json::object out{{"event_id", event_id}, {"attending", *attending}};
        audit::record(tx, actor, (*row)[2].as_int(), "meeting.answer", "event", event_id, std::nullopt, out);
        return out;
    });
}

}  // namespace kreda::events
