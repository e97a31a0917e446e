// The grade book (DOMAIN.md "Grades"): the school's scale settings and categories, the teacher's grid of
// columns and grades, term and annual grades, behaviour, what families see with its change history, and
// statistics for teachers and the office.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/date.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"
#include "modules/grades/average.hpp"
#include "modules/grades/scale.hpp"
#include "modules/grades/view_cache.hpp"

namespace kreda::grades {

struct GradeSettings {
    ScaleRules rules;
    ImprovementRule improvement = ImprovementRule::Better;
    bool families_see_averages = true;
    bool families_see_class_average = false;
    std::optional<Date> predicted_visible_from;  //!< families see predicted grades from this date; none: at once
    bool behaviour_points = false;
    int behaviour_start_points = 100;
};

struct Category {
    std::int64_t id = 0;
    std::optional<std::int64_t> subject_id;  //!< none: for every subject
    std::string name;
    int weight = 1;
    bool counts = true;
    std::string colour;
    ColumnKind kind = ColumnKind::Scale;
    std::optional<int> max_points;
};

//! Kinds of term and annual grades, for subjects and for behaviour.
enum class SummaryKind { PredictedTerm, Term, PredictedAnnual, Annual };
std::optional<SummaryKind> parse_summary_kind(std::string_view text);
std::string_view to_string(SummaryKind kind);

json::object to_json(const GradeSettings& settings);
json::object to_json(const Category& category);

// settings_service.cpp
//! The school's settings (read in the caller's transaction; defaults when never set).
GradeSettings settings_of(storage::Transaction& tx, std::int64_t school_id);
//! The school's categories, creating the standard set the first time.
std::vector<Category> categories_of(storage::Transaction& tx, std::int64_t school_id);
GradeSettings get_settings(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
//! {plus, minus (0.01–0.99), improvement_rule, families_see_averages, families_see_class_average,
//! predicted_visible_from (date or null), behaviour_points, behaviour_start_points, custom_marks}: director, admin.
GradeSettings update_settings(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                              const json::object& input);
std::vector<Category> list_categories(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
//! {name, weight 0–10, counts, colour, kind scale|points|descriptive, max_points?, subject_id?}.
Category create_category(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
Category update_category(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t category_id,
                         const json::object& input);

// gradebook_service.cpp
//! The teacher's grid of an assignment for a term (default: today's): students, columns, grades, averages,
//! and the term and annual grades.
json::object gradebook(Context& ctx, const auth::Actor& actor, std::int64_t assignment_id, std::optional<int> term);
//! POST /grades: {assignment_id, columns: [{column_id | category_id + date + description?,
//! grades: [{student_id, value, comment?, improves_id?}]}]} in one transaction; any invalid value is a 422
//! naming the student and the value, and nothing is saved.
json::object add_grades(Context& ctx, const auth::Actor& actor, const json::object& input);
//! {value?, comment?}: the change is kept in the family's history.
json::object update_grade(Context& ctx, const auth::Actor& actor, std::int64_t grade_id, const json::object& input);
void delete_grade(Context& ctx, const auth::Actor& actor, std::int64_t grade_id);
//! {category_id?, date?, description?}
json::object update_column(Context& ctx, const auth::Actor& actor, std::int64_t column_id, const json::object& input);
//! Only an empty column can go.
void delete_column(Context& ctx, const auth::Actor& actor, std::int64_t column_id);

// summary_service.cpp
//! {kind, grades: [{student_id, value (1–6 or words, null clears), description?}]} by the subject's teacher.
json::object set_summary_grades(Context& ctx, const auth::Actor& actor, std::int64_t assignment_id,
                                const json::object& input);
//! The class's behaviour grades and points for the year (homeroom teacher, office).
json::object class_behaviour(Context& ctx, const auth::Actor& actor, std::int64_t class_id);
//! {kind, grades: [{student_id, value (wz…ng, null clears)}]} by the homeroom teacher.
json::object set_behaviour(Context& ctx, const auth::Actor& actor, std::int64_t class_id, const json::object& input);
//! {points (−100…100, not 0), reason, date?}: a behaviour entry on the points system, by the school's teachers.
json::object add_behaviour_points(Context& ctx, const auth::Actor& actor, std::int64_t student_id,
                                  const json::object& input);

// family_view.cpp
//! What a family sees (and the student's teachers): per subject the grades, averages, predicted and final grades;
//! behaviour; the change history; the rules for the browser's calculators.
//! Serialised: cached per student (see view_cache.hpp) with the caller's `seen_at` put in front; grades newer than
//! `seen_at` (their `modified_at`) are new to the caller.
struct GradesView {
    std::string own;     //!< `{"seen_at":…,`: the caller's part, opening the object
    cache::Body shared;  //!< the rest, the same for every reader of the student (also compressed once)
    std::string text() const;
    //! One gzip member of the whole, the shared part compressed once, not per answer.
    std::string gzipped() const { return gzip::joined(own, shared->compressed); }
};
GradesView student_grades(Context& ctx, const auth::Actor& actor, std::int64_t student_id, std::optional<int> term);
//! The caller has seen the student's grades up to now: they are no longer new.
void mark_seen(Context& ctx, const auth::Actor& actor, std::int64_t student_id);

// statistics_service.cpp
//! Per subject of a class: the distribution of grades, the class average, students at risk.
//! `class_id` is required (a 422 without it, after the caller's school is checked).
json::object class_statistics(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                              std::optional<std::int64_t> class_id, std::optional<int> term);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::grades
