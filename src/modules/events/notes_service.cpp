// Notes (uwagi): positive, negative or neutral, with a category, by a teacher about a student.
#include <set>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/events/events.hpp"
#include "modules/events/events_support.hpp"
#include "modules/feed/feed.hpp"
#include "modules/people/people.hpp"

namespace kreda::events {

namespace {

constexpr std::string_view kFields =
    "SELECT n.id, n.student_id, n.kind, n.category, n.text, n.teacher_id, u.first_name, u.last_name, n.created_at "
    "FROM notes n JOIN users u ON u.id = n.teacher_id ";

json::object note_json(const storage::Row& r) {
    return {{"id", r[0].as_int()},
            {"student_id", r[1].as_int()},
            {"kind", r[2].as_text()},
            {"category", r[3].as_text()},
            {"text", r[4].as_text()},
            {"teacher", {{"id", r[5].as_int()}, {"first_name", r[6].as_text()}, {"last_name", r[7].as_text()}}},
            {"created_at", format_instant(r[8].as_int())}};
}

}  // namespace

json::object create_note(Context& ctx, const auth::Actor& actor, const json::object& input) {
    json::FieldReader fields(input);
    std::int64_t student_id = fields.id("student_id");
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto student = people::require_student(tx, actor, student_id);
        auth::require(actor, auth::Action::WriteNotes, {student.school_id});
        std::string kind = fields.text("kind", 10);
        std::string category = fields.text("category", 100);
        std::string text = fields.text("text", 2000);
        if (kind != "positive" && kind != "negative" && kind != "neutral")
            fields.fail("kind", {"Rodzaj: positive, negative albo neutral.", "Kind: positive, negative or neutral."});
        fields.check();
        std::int64_t id = tx.query(
                                "INSERT INTO notes (school_id, student_id, kind, category, text, teacher_id, "
                                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                {student.school_id, student_id, kind, category, text, actor.user_id, Clock::now()})
                              .front()[0]
                              .as_int();
        json::object out = note_json(*tx.query_one(std::string(kFields) + "WHERE n.id = ?", {id}));
        audit::record(tx, actor, student.school_id, "note.create", "note", id, std::nullopt, out);
        feed::publish(tx, {feed::for_student(student.school_id, student_id, "note.added", out)});
        return out;
    });
}

json::object student_notes(Context& ctx, const auth::Actor& actor, std::int64_t student_id) {
    auto tx = ctx.db.begin(storage::Access::Read);
    people::require_student(*tx, actor, student_id);
    json::array items;
    for (const auto& r : tx->query(std::string(kFields) + "WHERE n.student_id = ? ORDER BY n.id DESC", {student_id}))
        items.push_back(note_json(r));
    return {{"items", std::move(items)}};
}

json::object class_notes(Context& ctx, const auth::Actor& actor, std::int64_t class_id) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto [klass, relation] = organisation::class_relation(*tx, actor, class_id);
    auth::require(actor, auth::Action::ViewClassNotes, {*actor.school_id, relation});
    json::array items;
    for (const auto& r :
         tx->query(std::string(kFields) + "WHERE n.student_id IN (SELECT user_id FROM students WHERE class_id = ?) "
                                          "ORDER BY n.id DESC",
                   {class_id}))
        items.push_back(note_json(r));
    return {{"class", {{"id", klass.id}, {"name", klass.name}}}, {"items", std::move(items)}};
}

}  // namespace kreda::events
