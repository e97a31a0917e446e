// What a family sees of a student's grades, and what the student's teachers see of them.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/grades/grades_support.hpp"

namespace kreda::grades {

namespace {

bool is_family(const auth::Actor& actor) {
    return actor.role == auth::Role::Parent || actor.role == auth::Role::Student;
}

json::value summary_json(const store::SummaryRow* row) {
    if (!row) return nullptr;
    json::value value = row->value.empty() ? json::value(nullptr) : json::value(std::stoi(row->value));
    std::string_view name = row->value.empty() ? std::string_view{} : whole_grade_name(std::stoi(row->value));
    return json::object{{"value", value},
                        {"name", name},
                        {"description", row->description},
                        {"teacher_id", row->teacher_id},
                        {"modified_at", format_instant(row->modified_at)}};
}

//! Per subject, the mean of the class's students' averages (term 1, term 2, year).
std::map<std::int64_t, json::object> class_averages(storage::Transaction& tx, std::int64_t class_id,
                                                    std::int64_t year_id, const CategoryMap& categories,
                                                    const GradeSettings& settings) {
    std::map<std::int64_t, std::map<std::int64_t, std::vector<GradeFact>[2]>> facts;  // subject → student → terms
    for (const auto& g : store::grades_of_class(tx, class_id, year_id)) {
        auto category = categories.find(g.category_id);
        if (category == categories.end()) continue;
        facts[g.subject_id][g.student_id][g.term == 2 ? 1 : 0].push_back(
            fact_of(g, mark_of(g, category->second, settings), category->second));
    }
    std::map<std::int64_t, json::object> out;
    for (auto& [subject, students] : facts) {
        double sums[3] = {0, 0, 0};
        int counts[3] = {0, 0, 0};
        for (auto& [student, terms] : students) {
            std::vector<GradeFact> year = terms[0];
            year.insert(year.end(), terms[1].begin(), terms[1].end());
            std::optional<double> averages[3] = {weighted_average(terms[0], settings.improvement),
                                                 weighted_average(terms[1], settings.improvement),
                                                 weighted_average(year, settings.improvement)};
            for (int i = 0; i < 3; ++i)
                if (averages[i]) sums[i] += *averages[i], ++counts[i];
        }
        auto mean = [&](int i) {
            return counts[i] ? json::value(std::floor(sums[i] / counts[i] * 100 + 0.5) / 100) : json::value(nullptr);
        };
        out[subject] = {{"term1", mean(0)}, {"term2", mean(1)}, {"year", mean(2)}};
    }
    return out;
}

//! The view without the caller's own `seen_at`: the same for every family member (or every staff member).
json::object build_view(storage::Transaction& tx_, const people::StudentSummary& student, bool family, Date now,
                        std::optional<int> term) {
    auto* tx = &tx_;
    std::int64_t student_id = student.id;
    auto year = year_at(*tx, student.school_id, now);
    auto settings = settings_of(*tx, student.school_id);
    auto categories = by_id(store::categories_of(*tx, student.school_id));
    bool show_predicted = !family || !settings.predicted_visible_from || now >= *settings.predicted_visible_from;
    bool show_averages = !family || settings.families_see_averages;
    bool show_class = show_averages && (!family || settings.families_see_class_average) && student.class_id;

    std::map<std::int64_t, json::array> grades;
    std::map<std::int64_t, std::vector<GradeFact>[2]> facts;
    for (const auto& g : store::grades_of_student(*tx, student_id, year.id)) {
        const Category& category = categories[g.category_id];
        Mark mark = mark_of(g, category, settings);
        facts[g.subject_id][g.term == 2 ? 1 : 0].push_back(fact_of(g, mark, category));
        if (term && g.term != *term) continue;
        json::object o = grade_json(g, mark, category);
        o["numeric"] = mark.kind == MarkKind::Scale ? json::value(mark.value()) : json::value(nullptr);
        grades[g.subject_id].push_back(std::move(o));
    }
    std::map<std::int64_t, std::map<SummaryKind, store::SummaryRow>> summaries;
    std::vector<int> term_finals, annual_finals;
    for (const auto& s : store::summaries_of_student(*tx, student_id, year.id)) {
        summaries[s.subject_id][s.kind] = s;
        if (!s.value.empty() && s.kind == SummaryKind::Term) term_finals.push_back(std::stoi(s.value));
        if (!s.value.empty() && s.kind == SummaryKind::Annual) annual_finals.push_back(std::stoi(s.value));
    }
    std::map<std::int64_t, json::object> class_avg;
    if (show_class) class_avg = class_averages(*tx, *student.class_id, year.id, categories, settings);

    json::array subjects;
    for (const auto& subject : store::subjects_of_student(*tx, student_id, student.class_id.value_or(0), year.id)) {
        auto& own = summaries[subject.id];
        auto pick = [&](SummaryKind kind) -> json::value {
            bool predicted = kind == SummaryKind::PredictedTerm || kind == SummaryKind::PredictedAnnual;
            auto found = own.find(kind);
            if (found == own.end() || (predicted && !show_predicted)) return nullptr;
            return summary_json(&found->second);
        };
        json::object o{{"subject", {{"id", subject.id}, {"name", subject.name}, {"short_name", subject.short_name}}},
                       {"grades", std::move(grades[subject.id])},
                       {"predicted_term", pick(SummaryKind::PredictedTerm)},
                       {"term_grade", pick(SummaryKind::Term)},
                       {"predicted_annual", pick(SummaryKind::PredictedAnnual)},
                       {"annual_grade", pick(SummaryKind::Annual)}};
        auto& f = facts[subject.id];
        o["averages"] =
            show_averages ? json::value(averages_json(f[0], f[1], settings.improvement)) : json::value(nullptr);
        if (show_class)
            o["class_averages"] =
                class_avg.count(subject.id) ? json::value(class_avg[subject.id]) : json::value(nullptr);
        subjects.push_back(std::move(o));
    }

    json::object behaviour;
    for (const auto& b : store::behaviour_of(*tx, student_id, false, year.id)) {
        bool predicted = b.kind == SummaryKind::PredictedTerm || b.kind == SummaryKind::PredictedAnnual;
        if (!predicted || show_predicted) behaviour[to_string(b.kind)] = b.value;
    }
    if (settings.behaviour_points) {
        json::array entries;
        int total = settings.behaviour_start_points;
        for (const auto& p : store::points_of(*tx, student_id, false, year.id)) {
            total += p.points;
            entries.push_back(json::object{{"id", p.id},
                                           {"date", format_date(p.date)},
                                           {"points", p.points},
                                           {"reason", p.reason},
                                           {"teacher_id", p.teacher_id}});
        }
        behaviour["points"] =
            json::object{{"start", settings.behaviour_start_points}, {"total", total}, {"entries", std::move(entries)}};
    }

    json::array changes;
    for (const auto& c : store::changes_of(*tx, student_id, year.id)) {
        bool predicted = c.what.find("predicted") != std::string::npos;
        if (predicted && !show_predicted) continue;
        changes.push_back(json::object{{"what", c.what},
                                       {"subject_id", c.subject_id ? json::value(*c.subject_id) : json::value(nullptr)},
                                       {"grade_id", c.grade_id ? json::value(*c.grade_id) : json::value(nullptr)},
                                       {"before", c.before ? json::value(*c.before) : json::value(nullptr)},
                                       {"after", c.after ? json::value(*c.after) : json::value(nullptr)},
                                       {"detail", c.detail},
                                       {"changed_by", c.changed_by},
                                       {"changed_at", format_instant(c.changed_at)}});
    }
    json::array teachers, category_list;
    for (const auto& t : store::teachers_of_student(*tx, student_id, year.id))
        teachers.push_back(json::object{{"id", t.id}, {"first_name", t.first_name}, {"last_name", t.last_name}});
    for (const auto& [id, c] : categories) category_list.push_back(to_json(c));

    return {{"student", people::brief_json(student)},
            {"year", {{"id", year.id}, {"name", year.name}}},
            {"term", term ? json::value(*term) : json::value(nullptr)},
            {"current_term", term_at(year, now)},
            {"rules", to_json(settings)},
            {"visibility",
             {{"averages", show_averages}, {"class_averages", bool(show_class)}, {"predicted", show_predicted}}},
            {"categories", std::move(category_list)},
            {"teachers", std::move(teachers)},
            {"subjects", std::move(subjects)},
            {"final_averages",
             {{"term", optional_number(mean_of_finals(term_finals))},
              {"annual", optional_number(mean_of_finals(annual_finals))}}},
            {"behaviour", std::move(behaviour)},
            {"changes", std::move(changes)}};
}

}  // namespace

GradesView student_grades(Context& ctx, const auth::Actor& actor, std::int64_t student_id, std::optional<int> term) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto student = people::require_student(*tx, actor, student_id);
    bool family = is_family(actor);
    cache::Key key{student_id, student.class_id.value_or(0), student.school_id, term.value_or(0), family, today()};
    auto versions = cache::versions_of(*tx, key);
    std::optional<std::int64_t> seen = family ? store::seen_at(*tx, actor.user_id, student_id) : std::nullopt;
    auto body = cache::find(key, versions);
    if (!body) {
        body = std::make_shared<const cache::View>(json::to_string(build_view(*tx, student, family, key.today, term)));
        cache::store(key, versions, body);
    }
    // The caller's own part goes in front: {"seen_at": …, <the shared view>}.
    std::string own = "{\"seen_at\":";
    own += seen ? "\"" + format_instant(*seen) + "\"" : "null";
    if (body->json.size() > 2) own += ",";
    return {std::move(own), std::move(body)};
}

std::string GradesView::text() const {
    std::string out;
    out.reserve(own.size() + shared->json.size());
    out += own;
    out.append(shared->json, 1);
    return out;
}

void mark_seen(Context& ctx, const auth::Actor& actor, std::int64_t student_id) {
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        people::require_student(tx, actor, student_id);
        if (!is_family(actor)) throw errors::forbidden();  // staff have nothing unread
        store::set_seen(tx, actor.user_id, student_id, Clock::now());
    });
}

}  // namespace kreda::grades
