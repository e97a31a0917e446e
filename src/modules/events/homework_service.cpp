// Homework per teaching assignment: the teacher sets it; families see what is due and when.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/events/events.hpp"
#include "modules/events/events_support.hpp"
#include "modules/people/people.hpp"

namespace kreda::events {

namespace {

constexpr std::string_view kFields =
    "SELECT h.id, h.assignment_id, a.class_id, a.group_id, j.id, j.name, h.set_on, h.due_on, h.text, h.created_by, "
    "u.first_name, u.last_name FROM homework h JOIN assignments a ON a.id = h.assignment_id "
    "JOIN subjects j ON j.id = a.subject_id JOIN users u ON u.id = h.created_by ";

json::object homework_json(const storage::Row& r) {
    return {{"id", r[0].as_int()},
            {"assignment_id", r[1].as_int()},
            {"class_id", r[2].as_int()},
            {"group_id", r[3].is_null() ? json::value(nullptr) : json::value(r[3].as_int())},
            {"subject", {{"id", r[4].as_int()}, {"name", r[5].as_text()}}},
            {"set_on", r[6].as_text()},
            {"due_on", r[7].as_text()},
            {"text", r[8].as_text()},
            {"teacher", {{"id", r[9].as_int()}, {"first_name", r[10].as_text()}, {"last_name", r[11].as_text()}}}};
}

//! The assignment's school and teacher; 404 outside the actor's school.
std::pair<std::int64_t, std::int64_t> assignment_of(storage::Transaction& tx, const auth::Actor& actor,
                                                    std::int64_t assignment_id) {
    auto row = tx.query_one("SELECT school_id, teacher_id FROM assignments WHERE id = ?", {assignment_id});
    if (!row || !actor.school_id || (*row)[0].as_int() != *actor.school_id) throw errors::not_found();
    return {(*row)[0].as_int(), (*row)[1].as_int()};
}

}  // namespace

json::object create_homework(Context& ctx, const auth::Actor& actor, const json::object& input) {
    json::FieldReader fields(input);
    std::int64_t assignment_id = fields.id("assignment_id");
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto [school_id, teacher_id] = assignment_of(tx, actor, assignment_id);
        auto relation = teacher_id == actor.user_id ? auth::Relation::Teaches : auth::Relation::None;
        auth::require(actor, auth::Action::SetHomework, {school_id, relation});
        Date set_on = fields.optional_date("set_on").value_or(warsaw_date(Clock::now()));
        Date due_on = fields.date("due_on");
        std::string text = fields.text("text", 4000);
        if (due_on < set_on)
            fields.fail("due_on", {"Termin nie może być przed dniem zadania.", "Due before it was set."});
        fields.check();
        std::int64_t id = tx.query(
                                "INSERT INTO homework (school_id, assignment_id, set_on, due_on, text, created_by, "
                                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                {school_id, assignment_id, format_date(set_on), format_date(due_on), text,
                                 actor.user_id, Clock::now()})
                              .front()[0]
                              .as_int();
        json::object out = homework_json(*tx.query_one(std::string(kFields) + "WHERE h.id = ?", {id}));
        audit::record(tx, actor, school_id, "homework.create", "homework", id, std::nullopt, out);
        return out;
    });
}

void delete_homework(Context& ctx, const auth::Actor& actor, std::int64_t homework_id) {
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto row = tx.query_one(std::string(kFields) + "WHERE h.id = ?", {homework_id});
        if (!row) throw errors::not_found();
        json::object before = homework_json(*row);
        auto [school_id, teacher_id] = assignment_of(tx, actor, before.at("assignment_id").as_int64());
        auto relation = teacher_id == actor.user_id ? auth::Relation::Teaches : auth::Relation::None;
        auth::require(actor, auth::Action::SetHomework, {school_id, relation});
        tx.execute("DELETE FROM homework WHERE id = ?", {homework_id});
        audit::record(tx, actor, school_id, "homework.delete", "homework", homework_id, before, std::nullopt);
    });
}

json::object student_homework(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date from, Date to) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto student = people::require_student(*tx, actor, student_id);
    json::array items;
    if (student.class_id) {
        auto groups = groups_of(*tx, student_id);
        for (const auto& r :
             tx->query(std::string(kFields) + "WHERE a.class_id = ? AND h.due_on >= ? AND h.due_on <= ? "
                                              "ORDER BY h.due_on, h.id",
                       {*student.class_id, format_date(from), format_date(to)}))
            if (r[3].is_null() || groups.count(r[3].as_int())) items.push_back(homework_json(r));
    }
    return {{"from", format_date(from)}, {"to", format_date(to)}, {"items", std::move(items)}};
}

}  // namespace kreda::events
