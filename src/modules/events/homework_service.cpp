// Homework per teaching assignment: the teacher sets it (with files to hand out); families see what is due and when;
// the teacher sees it on the lesson page.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/events/events.hpp"
#include "modules/events/events_support.hpp"
#include "modules/feed/feed.hpp"
#include "modules/files/files.hpp"
#include "modules/people/people.hpp"

namespace kreda::events {

namespace {

constexpr std::string_view kFields =
    "SELECT h.id, h.assignment_id, a.class_id, a.group_id, j.id, j.name, h.set_on, h.due_on, h.text, h.created_by, "
    "u.first_name, u.last_name FROM homework h JOIN assignments a ON a.id = h.assignment_id "
    "JOIN subjects j ON j.id = a.subject_id JOIN users u ON u.id = h.created_by ";

json::object homework_json(storage::Transaction& tx, const storage::Row& r) {
    return {{"id", r[0].as_int()},
            {"assignment_id", r[1].as_int()},
            {"class_id", r[2].as_int()},
            {"group_id", r[3].is_null() ? json::value(nullptr) : json::value(r[3].as_int())},
            {"subject", {{"id", r[4].as_int()}, {"name", r[5].as_text()}}},
            {"set_on", r[6].as_text()},
            {"due_on", r[7].as_text()},
            {"text", r[8].as_text()},
            {"teacher", {{"id", r[9].as_int()}, {"first_name", r[10].as_text()}, {"last_name", r[11].as_text()}}},
            {"attachments", files::linked(tx, "homework_attachments", "homework_id", r[0].as_int())}};
}

json::array homework_where(storage::Transaction& tx, std::string_view where, const std::vector<storage::Value>& args) {
    json::array out;
    for (const auto& r : tx.query(std::string(kFields) + std::string(where), args)) out.push_back(homework_json(tx, r));
    return out;
}

struct Assignment {
    std::int64_t school_id = 0, teacher_id = 0, class_id = 0;
    std::optional<std::int64_t> group_id;
};

//! The assignment; 404 outside the actor's school.
Assignment assignment_of(storage::Transaction& tx, const auth::Actor& actor, std::int64_t assignment_id) {
    auto row =
        tx.query_one("SELECT school_id, teacher_id, class_id, group_id FROM assignments WHERE id = ?", {assignment_id});
    if (!row || !actor.school_id || (*row)[0].as_int() != *actor.school_id) throw errors::not_found();
    Assignment a{(*row)[0].as_int(), (*row)[1].as_int(), (*row)[2].as_int(), std::nullopt};
    if (!(*row)[3].is_null()) a.group_id = (*row)[3].as_int();
    return a;
}

//! Only the assignment's teacher sets, changes and deletes its homework.
Assignment require_teacher(storage::Transaction& tx, const auth::Actor& actor, std::int64_t assignment_id) {
    Assignment a = assignment_of(tx, actor, assignment_id);
    auto relation = a.teacher_id == actor.user_id ? auth::Relation::Teaches : auth::Relation::None;
    auth::require(actor, auth::Action::SetHomework, {a.school_id, relation});
    return a;
}

void link_files(storage::Transaction& tx, const auth::Actor& actor, std::int64_t homework_id,
                const std::vector<std::int64_t>& attachment_ids) {
    files::require_own_uploads(tx, actor, attachment_ids);
    tx.execute("DELETE FROM homework_attachments WHERE homework_id = ?", {homework_id});
    for (auto id : attachment_ids)
        tx.execute(
            "INSERT INTO homework_attachments (homework_id, attachment_id) VALUES (?, ?) "
            "ON CONFLICT (homework_id, attachment_id) DO NOTHING",
            {homework_id, id});
}

void check_dates(json::FieldReader& fields, Date set_on, Date due_on) {
    if (due_on < set_on) fields.fail("due_on", {"Termin nie może być przed dniem zadania.", "Due before it was set."});
}

}  // namespace

json::object create_homework(Context& ctx, const auth::Actor& actor, const json::object& input) {
    json::FieldReader fields(input);
    std::int64_t assignment_id = fields.id("assignment_id");
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        Assignment a = require_teacher(tx, actor, assignment_id);
        Date set_on = fields.optional_date("set_on").value_or(warsaw_date(Clock::now()));
        Date due_on = fields.date("due_on");
        std::string text = fields.text("text", 4000);
        auto attachment_ids = fields.ids("attachment_ids");
        check_dates(fields, set_on, due_on);
        fields.check();
        std::int64_t id = tx.query(
                                "INSERT INTO homework (school_id, assignment_id, set_on, due_on, text, created_by, "
                                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                {a.school_id, assignment_id, format_date(set_on), format_date(due_on), text,
                                 actor.user_id, Clock::now()})
                              .front()[0]
                              .as_int();
        link_files(tx, actor, id, attachment_ids);
        json::object out = homework_where(tx, "WHERE h.id = ?", {id}).front().as_object();
        audit::record(tx, actor, a.school_id, "homework.create", "homework", id, std::nullopt, out);
        feed::publish(tx, {feed::for_class(a.school_id, a.class_id, a.group_id, "homework.set", out)});
        return out;
    });
}

json::object update_homework(Context& ctx, const auth::Actor& actor, std::int64_t homework_id,
                             const json::object& input) {
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto found = homework_where(tx, "WHERE h.id = ?", {homework_id});
        if (found.empty()) throw errors::not_found();
        json::object before = found.front().as_object();
        Assignment a = require_teacher(tx, actor, before.at("assignment_id").as_int64());
        json::FieldReader fields(input);
        Date set_on = *parse_date(before.at("set_on").as_string());
        Date due_on = fields.optional_date("due_on").value_or(*parse_date(before.at("due_on").as_string()));
        std::string text = fields.has("text") ? fields.text("text", 4000) : std::string(before.at("text").as_string());
        std::optional<std::vector<std::int64_t>> attachment_ids;
        if (fields.has("attachment_ids")) attachment_ids = fields.ids("attachment_ids");
        check_dates(fields, set_on, due_on);
        fields.check();
        if (attachment_ids) link_files(tx, actor, homework_id, *attachment_ids);
        tx.execute("UPDATE homework SET due_on = ?, text = ? WHERE id = ?", {format_date(due_on), text, homework_id});
        json::object after = homework_where(tx, "WHERE h.id = ?", {homework_id}).front().as_object();
        audit::record(tx, actor, a.school_id, "homework.update", "homework", homework_id, before, after);
        feed::publish(tx, {feed::for_class(a.school_id, a.class_id, a.group_id, "homework.changed", after)});
        return after;
    });
}

void delete_homework(Context& ctx, const auth::Actor& actor, std::int64_t homework_id) {
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto found = homework_where(tx, "WHERE h.id = ?", {homework_id});
        if (found.empty()) throw errors::not_found();
        json::object before = found.front().as_object();
        Assignment a = require_teacher(tx, actor, before.at("assignment_id").as_int64());
        tx.execute("DELETE FROM homework_attachments WHERE homework_id = ?", {homework_id});
        tx.execute("DELETE FROM homework WHERE id = ?", {homework_id});
        audit::record(tx, actor, a.school_id, "homework.delete", "homework", homework_id, before, std::nullopt);
        feed::publish(tx, {feed::for_class(a.school_id, a.class_id, a.group_id, "homework.deleted", before)});
    });
}

json::object student_homework(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date from, Date to) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto student = people::require_student(*tx, actor, student_id);
    json::array items;
    if (student.class_id) {
        auto groups = groups_of(*tx, student_id);
        for (auto& item : homework_where(*tx,
                                         "WHERE a.class_id = ? AND h.due_on >= ? AND h.due_on <= ? "
                                         "ORDER BY h.due_on, h.id",
                                         {*student.class_id, format_date(from), format_date(to)})) {
            const auto& group = item.as_object().at("group_id");
            if (group.is_null() || groups.count(group.as_int64())) items.push_back(std::move(item));
        }
    }
    return {{"from", format_date(from)}, {"to", format_date(to)}, {"items", std::move(items)}};
}

json::object assignment_homework(Context& ctx, const auth::Actor& actor, std::int64_t assignment_id, Date from,
                                 Date to) {
    auto tx = ctx.db.begin(storage::Access::Read);
    Assignment a = assignment_of(*tx, actor, assignment_id);
    auto [klass, relation] = organisation::class_relation(*tx, actor, a.class_id);
    auth::require(actor, auth::Action::ViewHomework, {a.school_id, relation});
    return {{"from", format_date(from)},
            {"to", format_date(to)},
            {"items", homework_where(*tx,
                                     "WHERE h.assignment_id = ? AND h.due_on >= ? AND h.due_on <= ? "
                                     "ORDER BY h.due_on, h.id",
                                     {assignment_id, format_date(from), format_date(to)})}};
}

json::object homework_of_lesson(storage::Transaction& tx, std::int64_t assignment_id, Date date) {
    std::string day = format_date(date);
    return {
        {"due", homework_where(tx, "WHERE h.assignment_id = ? AND h.due_on = ? ORDER BY h.id", {assignment_id, day})},
        {"set", homework_where(tx, "WHERE h.assignment_id = ? AND h.set_on = ? ORDER BY h.id", {assignment_id, day})}};
}

bool may_read_attachment(storage::Transaction& tx, const auth::Actor& actor, std::int64_t attachment_id) {
    for (const auto& r :
         tx.query("SELECT a.school_id, a.class_id, a.group_id FROM homework_attachments l "
                  "JOIN homework h ON h.id = l.homework_id JOIN assignments a ON a.id = h.assignment_id "
                  "WHERE l.attachment_id = ?",
                  {attachment_id})) {
        if (!actor.school_id || *actor.school_id != r[0].as_int()) continue;
        if (auth::is_staff(actor.role)) return true;
        // A student of the class (and of the group, for a group's homework), or their parent.
        std::string pupils = actor.role == auth::Role::Parent
                                 ? "SELECT s.user_id FROM guardianships g JOIN students s ON s.user_id = g.student_id "
                                   "WHERE g.parent_id = ? AND s.class_id = ?"
                                 : "SELECT user_id FROM students WHERE user_id = ? AND class_id = ?";
        for (const auto& pupil : tx.query(pupils, {actor.user_id, r[1].as_int()}))
            if (r[2].is_null() || groups_of(tx, pupil[0].as_int()).count(r[2].as_int())) return true;
    }
    return false;
}

}  // namespace kreda::events
