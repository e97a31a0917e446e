// Grade statistics of a class for teachers and the office: per subject the distribution, the class average and
// the students at risk (an average under 2.0, or too few grades with the term's end near).
#include <set>

#include "core/error.hpp"
#include "modules/grades/grades_support.hpp"

namespace kreda::grades {

namespace {

constexpr double kRiskAverage = 2.0;
constexpr std::size_t kFewGrades = 3;
constexpr int kTermEndNear = 28;  //!< days

struct SubjectStats {
    std::map<std::int64_t, std::vector<GradeFact>> by_student;
    int distribution[6] = {0, 0, 0, 0, 0, 0};
    int grade_count = 0;
};

}  // namespace

json::object class_statistics(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                              std::optional<std::int64_t> class_choice, std::optional<int> term) {
    if (actor.school_id != school_id || !auth::is_staff(actor.role))
        auth::require(actor, auth::Action::ViewGradeStatistics, {school_id});  // outsiders and families: 404
    if (!class_choice) throw errors::invalid({{"class_id", {"Wybierz klasę.", "Choose a class."}}});
    std::int64_t class_id = *class_choice;
    auto tx = ctx.db.begin(storage::Access::Read);
    auto found = organisation::find_class(*tx, school_id, class_id);
    if (!found || actor.school_id != school_id) {
        auth::require(actor, auth::Action::ViewGradeStatistics, {school_id});
        throw errors::not_found();
    }
    auto assignments = organisation::assignments_of(*tx, school_id);
    std::erase_if(assignments, [&](const auto& a) { return a.class_id != class_id; });
    bool teaches = std::any_of(assignments.begin(), assignments.end(),
                               [&](const auto& a) { return a.teacher.id == actor.user_id; });
    bool homeroom = found->homeroom_teacher && found->homeroom_teacher->id == actor.user_id;
    auth::require(actor, auth::Action::ViewGradeStatistics,
                  {school_id, homeroom  ? auth::Relation::Homeroom
                              : teaches ? auth::Relation::Teaches
                                        : auth::Relation::None});
    Date now = today();
    auto year = year_at(*tx, school_id, now);
    int shown_term = term.value_or(term_at(year, now));
    Date term_end = year.ends_on;
    for (const auto& t : year.terms)
        if (t.number == shown_term) term_end = t.ends_on;
    bool end_near = now <= term_end && days_between(now, term_end) <= kTermEndNear;
    auto settings = settings_of(*tx, school_id);
    auto categories = by_id(store::categories_of(*tx, school_id));

    std::map<std::int64_t, SubjectStats> stats;
    for (const auto& g : store::grades_of_class(*tx, class_id, year.id)) {
        if (g.term != shown_term) continue;
        auto category = categories.find(g.category_id);
        if (category == categories.end()) continue;
        Mark mark = mark_of(g, category->second, settings);
        auto& s = stats[g.subject_id];
        s.by_student[g.student_id].push_back(fact_of(g, mark, category->second));
        if (mark.kind == MarkKind::Scale) ++s.distribution[mark.base - 1], ++s.grade_count;
    }

    std::map<std::int64_t, people::StudentSummary> people_by_id;
    std::map<std::int64_t, std::set<std::int64_t>> taught;  // subject → students
    std::map<std::int64_t, std::pair<organisation::Subject, json::array>> subjects;
    for (const auto& a : assignments) {
        for (auto& s : students_of(*tx, school_id, a)) {
            taught[a.subject.id].insert(s.id);
            people_by_id.emplace(s.id, s);
        }
        auto& entry = subjects[a.subject.id];
        entry.first = a.subject;
        bool listed = std::any_of(entry.second.begin(), entry.second.end(),
                                  [&](const auto& t) { return t.at("id").as_int64() == a.teacher.id; });
        if (!listed)  // a teacher of two groups is one teacher
            entry.second.push_back(json::object{
                {"id", a.teacher.id}, {"first_name", a.teacher.first_name}, {"last_name", a.teacher.last_name}});
    }

    json::array out;
    for (auto& [subject_id, entry] : subjects) {
        auto& s = stats[subject_id];
        double sum = 0;
        int averaged = 0;
        json::array at_risk;
        for (auto student_id : taught[subject_id]) {
            auto& facts = s.by_student[student_id];
            auto average = weighted_average(facts, settings.improvement);
            std::size_t counted = counted_grades(facts, settings.improvement).size();
            if (average) sum += *average, ++averaged;
            json::array reasons;
            if (average && *average < kRiskAverage) reasons.push_back("low_average");
            if (counted < kFewGrades && end_near) reasons.push_back("few_grades");
            if (reasons.empty()) continue;
            const auto& p = people_by_id[student_id];
            at_risk.push_back(
                json::object{{"student", {{"id", p.id}, {"first_name", p.first_name}, {"last_name", p.last_name}}},
                             {"average", optional_number(average)},
                             {"counted_grades", counted},
                             {"reasons", std::move(reasons)}});
        }
        json::object distribution;
        for (int i = 0; i < 6; ++i) distribution[std::to_string(i + 1)] = s.distribution[i];
        out.push_back(
            json::object{{"subject", organisation::to_json(entry.first)},
                         {"teachers", std::move(entry.second)},
                         {"grade_count", s.grade_count},
                         {"distribution", std::move(distribution)},
                         {"class_average",
                          averaged ? json::value(std::floor(sum / averaged * 100 + 0.5) / 100) : json::value(nullptr)},
                         {"students_at_risk", std::move(at_risk)}});
    }
    return {{"class", {{"id", found->id}, {"name", found->name}}},
            {"year", {{"id", year.id}, {"name", year.name}}},
            {"term", shown_term},
            {"term_ends_on", format_date(term_end)},
            {"subjects", std::move(out)}};
}

}  // namespace kreda::grades
