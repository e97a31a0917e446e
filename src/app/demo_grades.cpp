// The demo school's grade book: every assignment's columns from September to today (tests, quizzes, oral
// answers, homework, activity) with grades that follow each pupil's steady level, some special marks,
// improvements of failed tests, comments, predicted term grades and the homeroom teachers' behaviour proposals.
#include <map>

#include "app/demo.hpp"
#include "core/clock.hpp"
#include "modules/grades/grades.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"
#include "modules/school/calendar.hpp"

namespace kreda::app {

namespace {

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2));
    h ^= h >> 31;
    return h * 0xBF58476D1CE4E5B9ULL;
}

//! A pupil's steady level in a subject, in hundredths (about 2.3 to 5.7).
int level_of(std::int64_t student, std::int64_t subject) {
    return 230 + static_cast<int>(mix(student, 7) % 240) + static_cast<int>(mix(student, subject) % 100);
}

std::string grade_for(int level, std::uint64_t noise) {
    int value = level + static_cast<int>(noise % 160) - 80;  // ±0.8
    value = std::clamp(value, 100, 600);
    int base = value / 100, rest = value % 100;
    if (rest >= 75 && base < 6) return std::to_string(base + 1) + "-";
    if (rest >= 40 && base < 6) return std::to_string(base) + "+";
    return std::to_string(base);
}

struct Plan {
    const char* category;
    int share;  //!< of the class graded, in percent
};

//! What a week's column is, by week number: a test every fourth week, quizzes and answers between.
Plan plan_for(int week, std::int64_t assignment) {
    switch ((week + assignment) % 4) {
        case 0:
            return {"Sprawdzian", 100};
        case 1:
            return {"Kartkówka", 100};
        case 2:
            return {(week + assignment) % 8 == 2 ? "Zadanie domowe" : "Aktywność", 30};
        default:
            return {"Odpowiedź ustna", 20};
    }
}

const char* comment_for(const std::string& value, std::uint64_t noise) {
    if (noise % 11 != 0) return "";
    if (value[0] >= '5') return "Świetna praca, tak trzymać!";
    if (value[0] <= '2') return "Proszę uzupełnić wiadomości z tego działu.";
    return "Drobne błędy rachunkowe.";
}

//! A descriptive term grade (classes 1–3) for a pupil's level.
std::string describe(int level) {
    if (level >= 500)
        return "Pracuje samodzielnie i starannie, chętnie pomaga innym; wiadomości opanował bardzo dobrze.";
    if (level >= 400)
        return "Dobrze radzi sobie z zadaniami; warto ćwiczyć staranność pisma i czytanie ze zrozumieniem.";
    if (level >= 300) return "Robi postępy; potrzebuje wsparcia przy samodzielnym rozwiązywaniu zadań tekstowych.";
    return "Wymaga systematycznej pomocy w czytaniu i liczeniu; zachęcamy do codziennych ćwiczeń w domu.";
}

auth::Actor teacher_actor(const organisation::PersonRef& teacher, std::int64_t school_id) {
    return acting_as(teacher.id, auth::Role::Teacher, school_id);
}

}  // namespace

void seed_grades(Context& ctx, const auth::Actor& admin, std::int64_t school_id) {
    Date today = warsaw_date(Clock::now());
    std::vector<organisation::Assignment> assignments;
    std::map<std::int64_t, std::string> category_ids;
    std::map<std::string, std::int64_t> category_by_name;
    std::map<std::int64_t, std::vector<people::StudentSummary>> taught;
    std::map<std::int64_t, organisation::SchoolClass> classes;
    school::SchoolYear year;
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        assignments = organisation::assignments_of(tx, school_id);
        for (const auto& c : grades::categories_of(tx, school_id)) category_by_name[c.name] = c.id;
        year = school::years_of(tx, school_id).front();
        auto directory = organisation::directory_of(tx, school_id);
        for (const auto& [id, c] : directory.classes) classes[id] = c;
        for (const auto& a : assignments) {
            auto students = people::students_of_class(tx, school_id, a.class_id);
            if (a.group_id) {
                const auto& members = directory.groups[*a.group_id].student_ids;
                std::erase_if(students, [&](const auto& s) {
                    return std::find(members.begin(), members.end(), s.id) == members.end();
                });
            }
            taught[a.id] = students;
        }
    });
    Date first_monday = week_start(add_days(year.starts_on, 7));
    for (const auto& a : assignments) {
        auth::Actor teacher = teacher_actor(a.teacher, school_id);
        json::array columns;
        std::vector<std::pair<std::int64_t, std::string>> failed;  // student, date of the failed test
        int week = 0;
        for (Date monday = first_monday; add_days(monday, 2) < today; monday = add_days(monday, 7), ++week) {
            Plan plan = plan_for(week, a.id);
            Date date = add_days(monday, static_cast<int>((a.id + week) % 5));
            if (date >= today) continue;
            json::array grades;
            for (const auto& s : taught[a.id]) {
                std::uint64_t noise = mix(s.id * 131 + week, a.id);
                if (static_cast<int>(noise % 100) >= plan.share) continue;
                std::string value = grade_for(level_of(s.id, a.subject.id), noise >> 8);
                if (plan.category == std::string("Sprawdzian") && noise % 23 == 0) value = "nb";
                if (plan.category == std::string("Odpowiedź ustna") && noise % 17 == 0) value = "np";
                if (plan.category == std::string("Sprawdzian") && (value[0] == '1' || value[0] == '2'))
                    failed.emplace_back(s.id, format_date(date));
                grades.push_back(
                    json::object{{"student_id", s.id}, {"value", value}, {"comment", comment_for(value, noise >> 16)}});
            }
            if (grades.empty()) continue;
            columns.push_back(
                json::object{{"category_id", category_by_name[plan.category]},
                             {"date", format_date(date)},
                             {"description", std::string(plan.category) + " — tydzień " + std::to_string(week + 1)},
                             {"grades", std::move(grades)}});
        }
        json::array saved_grades;
        for (std::size_t from = 0; from < columns.size(); from += 20) {
            json::array chunk(columns.begin() + from, columns.begin() + std::min(columns.size(), from + 20));
            auto saved = grades::add_grades(ctx, teacher, {{"assignment_id", a.id}, {"columns", std::move(chunk)}});
            for (auto& g : saved["grades"].as_array()) saved_grades.push_back(g);
        }
        // Half of the failed tests are improved a week later.
        std::map<std::int64_t, json::array> improvements;  // column → grades
        for (const auto& g : saved_grades) {
            const auto& o = g.as_object();
            std::string value(o.at("value").as_string());
            if (value.empty() || (value[0] != '1' && value[0] != '2')) continue;
            auto date = parse_date(std::string(o.at("date").as_string()));
            std::int64_t student = o.at("student_id").as_int64();
            bool was_test = std::any_of(failed.begin(), failed.end(), [&](const auto& f) {
                return f.first == student && f.second == std::string(o.at("date").as_string());
            });
            Date retake = add_days(*date, 7);
            if (!was_test || mix(student, o.at("id").as_int64()) % 2 || retake >= today) continue;
            improvements[o.at("column_id").as_int64()].push_back(
                json::object{{"student_id", student},
                             {"value", std::to_string(value[0] - '0' + 1 + static_cast<int>(student % 2))},
                             {"improves_id", o.at("id")},
                             {"date", format_date(retake)},
                             {"comment", "Poprawa sprawdzianu"}});
        }
        json::array improved;
        for (auto& [column, grades] : improvements)
            improved.push_back(json::object{{"column_id", column}, {"grades", std::move(grades)}});
        for (std::size_t from = 0; from < improved.size(); from += 20) {
            json::array chunk(improved.begin() + from, improved.begin() + std::min(improved.size(), from + 20));
            grades::add_grades(ctx, teacher, {{"assignment_id", a.id}, {"columns", std::move(chunk)}});
        }
        // Predicted term grades: the rounded level; in classes 1–3 a description instead (ocena opisowa).
        bool early_years = !a.class_name.empty() && a.class_name[0] >= '1' && a.class_name[0] <= '3';
        json::array predicted;
        for (const auto& s : taught[a.id]) {
            int level = level_of(s.id, a.subject.id);
            if (early_years)
                predicted.push_back(
                    json::object{{"student_id", s.id}, {"value", nullptr}, {"description", describe(level)}});
            else
                predicted.push_back(json::object{{"student_id", s.id},
                                                 {"value", std::to_string(std::clamp((level + 50) / 100, 1, 6))}});
        }
        grades::set_summary_grades(ctx, teacher, a.id, {{"kind", "predicted_term"}, {"grades", std::move(predicted)}});
    }
    // The homeroom teachers' behaviour proposals.
    static constexpr const char* kBehaviour[] = {"wz", "bdb", "bdb", "db", "db", "db", "popr", "bdb"};
    for (const auto& [id, c] : classes) {
        if (!c.homeroom_teacher) continue;
        json::array proposals;
        in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
            for (const auto& s : people::students_of_class(tx, school_id, id))
                proposals.push_back(
                    json::object{{"student_id", s.id}, {"value", kBehaviour[mix(s.id, 3) % std::size(kBehaviour)]}});
        });
        grades::set_behaviour(ctx, teacher_actor(*c.homeroom_teacher, school_id), id,
                              {{"kind", "predicted_term"}, {"grades", std::move(proposals)}});
    }
    // The director's choice in the demo: families compare with the class average.
    grades::update_settings(ctx, admin, school_id, {{"families_see_class_average", true}});
}

}  // namespace kreda::app
