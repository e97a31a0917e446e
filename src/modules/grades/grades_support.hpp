// What the grade book's services share: the year and term of a date, an assignment with the actor's relation to
// it, its students, and how a stored grade reads to the averages and to JSON.
#pragma once

#include <map>
#include <optional>

#include "auth/policy.hpp"
#include "modules/grades/grades.hpp"
#include "modules/grades/grades_store.hpp"
#include "modules/grades/view_cache.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"
#include "modules/school/calendar.hpp"

namespace kreda::grades {

//! The school year that contains `date`, else the latest that began before it; 409 when the school has none.
school::SchoolYear year_at(storage::Transaction& tx, std::int64_t school_id, Date date);
//! 1 or 2: the term of `date` in `year` (dates before the second term are in the first).
int term_at(const school::SchoolYear& year, Date date);
//! The first and last day of term 1 or 2 of `year` (the year's own bounds when the term is not set up).
std::pair<Date, Date> term_bounds(const school::SchoolYear& year, int term);
//! Today in Warsaw.
Date today();

//! The assignment and the actor's relation to it (Teaches, Homeroom or None), after `require(action)`.
organisation::Assignment require_assignment(storage::Transaction& tx, const auth::Actor& actor,
                                            std::int64_t assignment_id, auth::Action action);
//! The students an assignment teaches: its class, or the members of its group; in register order.
std::vector<people::StudentSummary> students_of(storage::Transaction& tx, std::int64_t school_id,
                                                const organisation::Assignment& a);

using CategoryMap = std::map<std::int64_t, Category>;
CategoryMap by_id(const std::vector<Category>& categories);

//! How a stored grade reads under the school's current rules; a value the rules no longer accept reads as special.
Mark mark_of(const store::GradeRow& grade, const Category& category, const GradeSettings& settings);
GradeFact fact_of(const store::GradeRow& grade, const Mark& mark, const Category& category);
//! {id, value, kind, counts, category_id, date, term, teacher_id, comment, improves_id, description, modified_at}
json::object grade_json(const store::GradeRow& grade, const Mark& mark, const Category& category);
//! Per student (or subject): the weighted averages of term 1, term 2 and the year.
json::object averages_json(const std::vector<GradeFact>& term1, const std::vector<GradeFact>& term2,
                           ImprovementRule rule);
json::value optional_number(std::optional<double> value);

std::string name_of(const people::StudentSummary& student);
json::object column_json(const store::ColumnRow& column);
//! A grade's state for the audit history.
json::object audit_json(const store::GradeRow& grade);

//! The student's and the actor's view on what changed, for the family's history and the audit.
void record_change(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id, std::int64_t student_id,
                   std::int64_t year_id, store::ChangeRow change);

}  // namespace kreda::grades
