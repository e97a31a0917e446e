#include "modules/grades/grades_support.hpp"
#include "modules/feed/feed.hpp"

#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace kreda::grades {

school::SchoolYear year_at(storage::Transaction& tx, std::int64_t school_id, Date date) {
    auto years = school::years_of(tx, school_id);  // newest first
    for (const auto& y : years)
        if (y.starts_on <= date && date <= y.ends_on) return y;
    for (const auto& y : years)
        if (y.starts_on <= date) return y;
    if (!years.empty()) return years.back();
    throw errors::conflict("no_school_year",
                           {"Szkoła nie ma jeszcze roku szkolnego: sekretariat zakłada go w kalendarzu.",
                            "The school has no school year yet: the office sets it up in the calendar."});
}

int term_at(const school::SchoolYear& year, Date date) {
    for (const auto& t : year.terms)
        if (t.number == 2 && t.starts_on <= date) return 2;
    return 1;
}

std::pair<Date, Date> term_bounds(const school::SchoolYear& year, int term) {
    for (const auto& t : year.terms)
        if (t.number == term) return {t.starts_on, t.ends_on};
    return {year.starts_on, year.ends_on};
}

Date today() {
    return warsaw_date(Clock::now());
}

organisation::Assignment require_assignment(storage::Transaction& tx, const auth::Actor& actor,
                                            std::int64_t assignment_id, auth::Action action) {
    if (!actor.school_id) throw errors::not_found();
    for (const auto& a : organisation::assignments_of(tx, *actor.school_id)) {
        if (a.id != assignment_id) continue;
        auth::Relation relation = auth::Relation::None;
        if (a.teacher.id == actor.user_id) {
            relation = auth::Relation::Teaches;
        } else if (auto c = organisation::find_class(tx, *actor.school_id, a.class_id);
                   c && c->homeroom_teacher && c->homeroom_teacher->id == actor.user_id) {
            relation = auth::Relation::Homeroom;
        }
        auth::require(actor, action, {*actor.school_id, relation});
        return a;
    }
    throw errors::not_found();
}

std::vector<people::StudentSummary> students_of(storage::Transaction& tx, std::int64_t school_id,
                                                const organisation::Assignment& a) {
    auto students = people::students_of_class(tx, school_id, a.class_id);
    if (a.group_id) {
        auto members = store::group_members(tx, *a.group_id);
        std::set<std::int64_t> in_group(members.begin(), members.end());
        std::erase_if(students, [&](const auto& s) { return !in_group.count(s.id); });
    }
    return students;
}

CategoryMap by_id(const std::vector<Category>& categories) {
    CategoryMap out;
    for (const auto& c : categories) out[c.id] = c;
    return out;
}

Mark mark_of(const store::GradeRow& grade, const Category& category, const GradeSettings& settings) {
    auto mark = parse_mark(grade.value, category.kind, settings.rules, category.max_points.value_or(0));
    if (mark) return *mark;
    return Mark{MarkKind::Special, grade.value, 0, 0};
}

GradeFact fact_of(const store::GradeRow& grade, const Mark& mark, const Category& category) {
    GradeFact fact;
    fact.id = grade.id;
    if (mark.kind == MarkKind::Scale) fact.hundredths = mark.hundredths;
    fact.weight = category.weight;
    fact.counts = category.counts;
    fact.improves_id = grade.improves_id;
    fact.order = days_since_epoch(grade.date) * 1'000'000'000LL + grade.id;
    return fact;
}

json::value optional_number(std::optional<double> value) {
    return value ? json::value(*value) : json::value(nullptr);
}

json::object grade_json(const store::GradeRow& g, const Mark& mark, const Category& category) {
    static constexpr std::string_view kinds[] = {"scale", "special", "points", "descriptive"};
    bool counts = mark.kind == MarkKind::Scale && category.counts && category.weight > 0;
    return {{"id", g.id},
            {"value", mark.symbol},
            {"kind", kinds[static_cast<int>(mark.kind)]},
            {"counts", counts},
            {"category_id", g.category_id},
            {"date", format_date(g.date)},
            {"term", g.term},
            {"teacher_id", g.teacher_id},
            {"comment", g.comment},
            {"improves_id", g.improves_id ? json::value(*g.improves_id) : json::value(nullptr)},
            {"description", g.description},
            {"modified_at", format_instant(g.modified_at)}};
}

json::object averages_json(const std::vector<GradeFact>& term1, const std::vector<GradeFact>& term2,
                           ImprovementRule rule) {
    std::vector<GradeFact> year = term1;
    year.insert(year.end(), term2.begin(), term2.end());
    return {{"term1", optional_number(weighted_average(term1, rule))},
            {"term2", optional_number(weighted_average(term2, rule))},
            {"year", optional_number(weighted_average(year, rule))}};
}

std::string name_of(const people::StudentSummary& s) {
    return s.first_name + " " + s.last_name;
}

json::object column_json(const store::ColumnRow& c) {
    return {{"id", c.id},
            {"category_id", c.category_id},
            {"date", format_date(c.date)},
            {"term", c.term},
            {"description", c.description}};
}

json::object audit_json(const store::GradeRow& g) {
    return {{"student_id", g.student_id},
            {"column_id", g.column_id},
            {"value", g.value},
            {"comment", g.comment},
            {"date", format_date(g.date)},
            {"improves_id", g.improves_id ? json::value(*g.improves_id) : json::value(nullptr)}};
}

void record_change(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id, std::int64_t student_id,
                   std::int64_t year_id, store::ChangeRow change) {
    change.changed_by = actor.user_id;
    store::insert_change(tx, school_id, student_id, year_id, change);
    std::optional<std::string> subject;
    if (change.subject_id)
        if (auto row = tx.query_one("SELECT name FROM subjects WHERE id = ?", {*change.subject_id}))
            subject = (*row)[0].as_text();
    auto text = [](const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); };
    feed::publish(
        tx, {feed::for_student(school_id, student_id, "grade.changed",
                               {{"what", change.what},
                                {"subject", text(subject)},
                                {"grade_id", change.grade_id ? json::value(*change.grade_id) : json::value(nullptr)},
                                {"before", text(change.before)},
                                {"after", text(change.after)},
                                {"detail", change.detail}})});
}

}  // namespace kreda::grades
