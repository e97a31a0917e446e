#include <algorithm>
#include <set>

#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/attendance/attendance.hpp"
#include "modules/attendance/excuses.hpp"
#include "modules/attendance/excuses_store.hpp"
#include "modules/audit/audit.hpp"
#include "modules/feed/feed.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"
#include "modules/school/school.hpp"

namespace kreda::attendance {

namespace {

constexpr std::string_view kReasons[] = {"illness", "family", "other"};

//! The code an excused mark gets: absences become "u", lateness "su"; nothing else is excusable.
std::optional<std::string> excused_code(const std::string& code, const std::map<std::string, PresenceKind>& kinds) {
    if (code == "sp") return "su";
    auto kind = kinds.find(code);
    if (kind != kinds.end() && kind->second == PresenceKind::Absent) return "u";
    return std::nullopt;
}

std::map<std::string, PresenceKind> kinds_of(storage::Transaction& tx, std::int64_t school_id) {
    std::map<std::string, PresenceKind> kinds;
    for (const auto& t : types_of(tx, school_id)) kinds[t.code] = t.kind;
    return kinds;
}

json::object excuse_json(storage::Transaction& tx, const store::ExcuseRow& e) {
    auto student = people::find_student(tx, e.student_id);
    std::set<std::int64_t> lessons;
    for (auto id : store::lessons_of_excuse(tx, e.id)) lessons.insert(id);
    json::array items;
    for (const auto& m : store::marks_for_excuse(tx, e.student_id))
        if (lessons.count(m.lesson_id))
            items.push_back(json::object{{"lesson_id", m.lesson_id},
                                         {"date", format_date(m.date)},
                                         {"lesson_number", m.lesson_number},
                                         {"subject", m.subject_name},
                                         {"code", m.code}});
    return {{"id", e.id},
            {"student",
             {{"id", e.student_id},
              {"first_name", student ? student->first_name : ""},
              {"last_name", student ? student->last_name : ""},
              {"class_name", student ? student->class_name : ""}}},
            {"submitted_by", e.submitted_by},
            {"reason", e.reason},
            {"note", e.note},
            {"status", e.status},
            {"comment", e.comment},
            {"created_at", format_instant(e.created_at)},
            {"decided_at", e.decided_at ? json::value(format_instant(*e.decided_at)) : json::value(nullptr)},
            {"lessons", std::move(items)}};
}

bool is_homeroom_of(storage::Transaction& tx, const auth::Actor& actor, const people::StudentSummary& student) {
    if (!student.class_id) return false;
    auto school_class = organisation::find_class(tx, student.school_id, *student.class_id);
    return school_class && school_class->homeroom_teacher && school_class->homeroom_teacher->id == actor.user_id;
}

}  // namespace

json::object submit_excuse(Context& ctx, const auth::Actor& actor, std::int64_t student_id, const json::object& input) {
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto student = people::require_student(tx, actor, student_id);
        auth::Relation relation = actor.role == auth::Role::Parent ? auth::Relation::Guardian
                                  : actor.user_id == student_id    ? auth::Relation::Self
                                                                   : auth::Relation::None;
        auth::require(actor, auth::Action::SubmitExcuse, {student.school_id, relation});
        auto school = school::find(tx, student.school_id);
        if (relation == auth::Relation::Self && !(school && school->adult_students_excuse))
            throw ApiError(
                403, "students_cannot_excuse",
                {"W tej szkole nieobecności usprawiedliwia rodzic.", "In this school a parent excuses absences."});
        json::FieldReader fields(input);
        auto lesson_ids = fields.ids("lesson_ids");
        std::set<Date> dates;
        if (auto it = input.find("dates"); it != input.end() && it->value().is_array())
            for (const auto& d : it->value().as_array()) {
                auto parsed = d.is_string() ? parse_date(d.as_string()) : std::nullopt;
                if (parsed)
                    dates.insert(*parsed);
                else
                    fields.fail("dates", {"Podaj daty w formacie RRRR-MM-DD.", "Give dates as YYYY-MM-DD."});
            }
        std::string reason = fields.text("reason", 20);
        std::string note = fields.optional_text("note", 500).value_or("");
        if (std::find(std::begin(kReasons), std::end(kReasons), reason) == std::end(kReasons))
            fields.fail("reason", {"Powód: illness, family albo other.", "Reason: illness, family or other."});
        if (lesson_ids.empty() && dates.empty())
            fields.fail("lesson_ids", {"Wybierz nieobecności do usprawiedliwienia.", "Choose the absences to excuse."});
        fields.check();

        auto kinds = kinds_of(tx, student.school_id);
        std::set<std::int64_t> wanted(lesson_ids.begin(), lesson_ids.end()), chosen;
        for (const auto& m : store::marks_for_excuse(tx, student_id)) {
            if (!excused_code(m.code, kinds)) continue;
            if (wanted.erase(m.lesson_id) || dates.count(m.date)) chosen.insert(m.lesson_id);
        }
        if (!wanted.empty())
            throw errors::invalid({{"lesson_ids",
                                    {"Można usprawiedliwić tylko nieobecności i spóźnienia tego ucznia.",
                                     "Only this student's absences and lateness can be excused."}}});
        if (chosen.empty())
            throw errors::invalid({{"dates",
                                    {"W tych dniach nie ma nieobecności do usprawiedliwienia.",
                                     "There are no absences to excuse on these days."}}});
        for (auto id : store::lessons_already_excused(tx, student_id))
            if (chosen.count(id))
                throw errors::conflict("already_excused", {"Część tych nieobecności ma już usprawiedliwienie.",
                                                           "Some of these absences already have an excuse."});
        store::ExcuseRow row;
        row.school_id = student.school_id;
        row.student_id = student_id;
        row.submitted_by = actor.user_id;
        row.reason = reason;
        row.note = note;
        row.created_at = Clock::now();
        row.id = store::insert_excuse(tx, row, std::vector<std::int64_t>(chosen.begin(), chosen.end()));
        row.status = "pending";
        json::object out = excuse_json(tx, row);
        audit::record(tx, actor, student.school_id, "excuse.submit", "excuse", row.id, std::nullopt, out);
        return out;
    });
}

json::object student_excuses(Context& ctx, const auth::Actor& actor, std::int64_t student_id) {
    auto tx = ctx.db.begin(storage::Access::Read);
    people::require_student(*tx, actor, student_id);
    json::array items;
    for (const auto& e : store::excuses_of_student(*tx, student_id)) items.push_back(excuse_json(*tx, e));
    return {{"items", std::move(items)}};
}

json::object excuse_inbox(Context& ctx, const auth::Actor& actor, std::optional<std::string> status) {
    if (!actor.school_id || !auth::is_staff(actor.role)) throw errors::forbidden();
    auto tx = ctx.db.begin(storage::Access::Read);
    bool office = actor.role == auth::Role::Admin || actor.role == auth::Role::Secretary;
    json::array items;
    for (const auto& e : store::excuses_of_school(*tx, *actor.school_id, status.value_or("pending"))) {
        auto student = people::find_student(*tx, e.student_id);
        if (student && (office || is_homeroom_of(*tx, actor, *student))) items.push_back(excuse_json(*tx, e));
    }
    return {{"items", std::move(items)}};
}

json::object decide_excuse(Context& ctx, const auth::Actor& actor, std::int64_t excuse_id, const json::object& input) {
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto excuse = store::find_excuse(tx, excuse_id);
        if (!excuse) throw errors::not_found();
        auto student = people::find_student(tx, excuse->student_id);
        if (!student) throw errors::not_found();
        bool homeroom = is_homeroom_of(tx, actor, *student);
        auth::require(actor, auth::Action::DecideExcuse,
                      {excuse->school_id, homeroom ? auth::Relation::Homeroom : auth::Relation::None});
        json::FieldReader fields(input);
        std::string decision = fields.text("decision", 20);
        std::string comment = fields.optional_text("comment", 500).value_or("");
        if (decision != "accepted" && decision != "rejected")
            fields.fail("decision", {"Decyzja: accepted albo rejected.", "Decision: accepted or rejected."});
        if (decision == "rejected" && comment.empty())
            fields.fail("comment",
                        {"Napisz, dlaczego usprawiedliwienie jest odrzucone.", "Say why the excuse is rejected."});
        fields.check();
        if (excuse->status != "pending")
            throw errors::conflict("already_decided", {"To usprawiedliwienie jest już rozpatrzone.",
                                                       "This excuse has already been decided."});
        json::object before = excuse_json(tx, *excuse);
        if (decision == "accepted") {
            auto kinds = kinds_of(tx, excuse->school_id);
            std::set<std::int64_t> lessons;
            for (auto id : store::lessons_of_excuse(tx, excuse_id)) lessons.insert(id);
            for (const auto& m : store::marks_for_excuse(tx, excuse->student_id))
                if (lessons.count(m.lesson_id))
                    if (auto code = excused_code(m.code, kinds))
                        store::set_mark_code(tx, excuse->school_id, m.lesson_id, excuse->student_id, *code,
                                             actor.user_id);
        }
        store::decide(tx, excuse_id, decision, comment, actor.user_id, Clock::now());
        json::object after = excuse_json(tx, *store::find_excuse(tx, excuse_id));
        audit::record(tx, actor, excuse->school_id, decision == "accepted" ? "excuse.accept" : "excuse.reject",
                      "excuse", excuse_id, before, after);
        // For the parents: what they wrote may be about the child's health, which the student's feed never shows.
        feed::publish(
            tx, {feed::for_student(excuse->school_id, excuse->student_id, "excuse.decided",
                                   {{"excuse_id", excuse_id}, {"decision", decision}, {"comment", comment}}, true)});
        return after;
    });
}

}  // namespace kreda::attendance
