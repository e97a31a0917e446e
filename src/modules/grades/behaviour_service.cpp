// Behaviour (zachowanie): proposed and final grades per term and year by the homeroom teacher, and, where the
// school runs it on points, entries by the school's teachers.
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/grades/grades_support.hpp"

namespace kreda::grades {

namespace {

json::value optional_text(const std::optional<std::string>& text) {
    return text ? json::value(*text) : json::value(nullptr);
}

}  // namespace

json::object class_behaviour(Context& ctx, const auth::Actor& actor, std::int64_t class_id) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto c = organisation::require_class(*tx, actor, class_id, auth::Action::ViewGradebook);
    auto year = year_at(*tx, *actor.school_id, today());
    auto settings = settings_of(*tx, *actor.school_id);
    std::map<std::int64_t, json::object> grades;
    for (const auto& b : store::behaviour_of(*tx, class_id, true, year.id))
        grades[b.student_id][to_string(b.kind)] = b.value;
    std::map<std::int64_t, int> points;
    for (const auto& p : store::points_of(*tx, class_id, true, year.id)) points[p.student_id] += p.points;
    json::array students;
    for (const auto& s : people::students_of_class(*tx, *actor.school_id, class_id)) {
        json::object g;
        for (auto kind :
             {SummaryKind::PredictedTerm, SummaryKind::Term, SummaryKind::PredictedAnnual, SummaryKind::Annual}) {
            auto found = grades[s.id].find(to_string(kind));
            g[to_string(kind)] = found != grades[s.id].end() ? found->value() : json::value(nullptr);
        }
        json::object o{{"id", s.id},
                       {"first_name", s.first_name},
                       {"last_name", s.last_name},
                       {"register_number", s.register_number ? json::value(*s.register_number) : json::value(nullptr)},
                       {"grades", std::move(g)}};
        if (settings.behaviour_points) o["points"] = settings.behaviour_start_points + points[s.id];
        students.push_back(std::move(o));
    }
    return {{"class", {{"id", c.id}, {"name", c.name}}},
            {"year", {{"id", year.id}, {"name", year.name}}},
            {"can_edit", c.homeroom_teacher && c.homeroom_teacher->id == actor.user_id},
            {"behaviour_points", settings.behaviour_points},
            {"students", std::move(students)}};
}

json::object set_behaviour(Context& ctx, const auth::Actor& actor, std::int64_t class_id, const json::object& input) {
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        organisation::require_class(tx, actor, class_id, auth::Action::SetBehaviour);
        std::int64_t school_id = *actor.school_id;
        auto year = year_at(tx, school_id, today());
        std::map<std::int64_t, people::StudentSummary> students;
        for (auto& s : people::students_of_class(tx, school_id, class_id)) students.emplace(s.id, s);
        json::FieldReader fields(input);
        auto kind = parse_summary_kind(input.contains("kind") && input.at("kind").is_string()
                                           ? std::string_view(input.at("kind").as_string())
                                           : std::string_view());
        if (!kind)
            fields.fail("kind", {"Rodzaj: predicted_term, term, predicted_annual albo annual.",
                                 "Kind: predicted_term, term, predicted_annual or annual."});
        const json::array* list = input.contains("grades") ? input.at("grades").if_array() : nullptr;
        if (!list) fields.fail("grades", {"Lista ocen.", "A list of grades."});
        fields.check();
        std::map<std::int64_t, std::string> current;
        for (const auto& b : store::behaviour_of(tx, class_id, true, year.id))
            if (b.kind == *kind) current[b.student_id] = b.value;
        std::vector<std::pair<std::int64_t, std::optional<std::string>>> entries;
        for (std::size_t i = 0; i < list->size(); ++i) {
            std::string at = "grades[" + std::to_string(i) + "]";
            const auto* o = (*list)[i].if_object();
            auto id =
                o && o->contains("student_id") && o->at("student_id").is_int64() ? o->at("student_id").as_int64() : 0;
            if (!students.count(id)) {
                fields.fail(at, {"Ten uczeń nie należy do tej klasy.", "This student is not in this class."});
                continue;
            }
            const auto& v = o->contains("value") ? o->at("value") : json::value(nullptr);
            std::optional<std::string> value;
            if (!v.is_null()) {
                value = v.is_string() ? parse_behaviour(v.as_string()) : std::nullopt;
                if (!value)
                    fields.fail(at, {name_of(students[id]) + ": zachowanie to wz, bdb, db, popr, ndp albo ng.",
                                     name_of(students[id]) + ": behaviour is wz, bdb, db, popr, ndp or ng."});
            }
            entries.emplace_back(id, value);
        }
        fields.check();
        json::array saved;
        for (const auto& [student_id, value] : entries) {
            std::optional<std::string> before;
            if (current.count(student_id)) before = current[student_id];
            if (before == value) continue;
            cache::bump_class(tx, class_id);
            store::put_behaviour(tx, school_id, year.id,
                                 {student_id, 0, *kind, value.value_or(""), "", actor.user_id, 0}, !value);
            if (before)
                record_change(
                    tx, actor, school_id, student_id, year.id,
                    {0, std::nullopt, std::nullopt, "behaviour_" + std::string(to_string(*kind)), before, value});
            audit::record(tx, actor, school_id, "behaviour.set", "student", student_id,
                          json::object{{"kind", to_string(*kind)}, {"value", optional_text(before)}},
                          json::object{{"kind", to_string(*kind)}, {"value", optional_text(value)}});
            saved.push_back(json::object{{"student_id", student_id}, {"value", optional_text(value)}});
        }
        return json::object{{"kind", to_string(*kind)}, {"saved", std::move(saved)}};
    });
}

json::object add_behaviour_points(Context& ctx, const auth::Actor& actor, std::int64_t student_id,
                                  const json::object& input) {
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto student = people::require_student(tx, actor, student_id);
        auth::require(actor, auth::Action::AddBehaviourPoints, {student.school_id});
        json::FieldReader fields(input);
        int points = fields.integer("points", -100, 100);
        std::string reason = fields.text("reason", 300);
        auto date = fields.optional_date("date");
        if (points == 0) fields.fail("points", {"Punkty nie mogą być zerem.", "Points cannot be zero."});
        fields.check();
        auto settings = settings_of(tx, student.school_id);
        if (!settings.behaviour_points)
            throw errors::conflict("behaviour_points_off", {"Szkoła nie prowadzi zachowania na punkty.",
                                                            "The school does not run behaviour on points."});
        Date on = date.value_or(today());
        auto year = year_at(tx, student.school_id, on);
        store::PointsRow row{0, student_id, on, points, reason, actor.user_id};
        row.id = store::insert_points(tx, student.school_id, year.id, row);
        cache::bump_student(tx, student_id);
        json::object out{{"id", row.id},     {"student_id", student_id}, {"date", format_date(on)},
                         {"points", points}, {"reason", reason},         {"teacher_id", actor.user_id}};
        audit::record(tx, actor, student.school_id, "behaviour_points.create", "student", student_id, std::nullopt,
                      out);
        return out;
    });
}

}  // namespace kreda::grades
