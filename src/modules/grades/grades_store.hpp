// SQL of the grade book. No permission checks: the services decide.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "modules/grades/grades.hpp"
#include "storage/database.hpp"

namespace kreda::grades::store {

struct ColumnRow {
    std::int64_t id = 0, school_id = 0, assignment_id = 0, year_id = 0;
    int term = 1;
    std::int64_t category_id = 0;
    Date date{};
    std::string description;
};

struct GradeRow {
    std::int64_t id = 0, column_id = 0, student_id = 0, subject_id = 0, year_id = 0;
    std::string value;
    std::optional<std::int64_t> improves_id;
    Date date{};
    std::string comment;
    std::int64_t teacher_id = 0, modified_at = 0;
    // from the column
    int term = 1;
    std::int64_t category_id = 0;
    std::string description;
    std::int64_t school_id = 0, assignment_id = 0;
};

struct SummaryRow {
    std::int64_t student_id = 0, subject_id = 0;  //!< subject 0 for behaviour
    SummaryKind kind = SummaryKind::Term;
    std::string value;  //!< "1"–"6" or a behaviour code; empty with a description only
    std::string description;
    std::int64_t teacher_id = 0, modified_at = 0;
};

struct ChangeRow {
    std::int64_t id = 0;
    std::optional<std::int64_t> subject_id, grade_id;
    std::string what;
    std::optional<std::string> before, after;
    std::int64_t changed_by = 0, changed_at = 0;
    std::string detail = {};  //!< which grade: "Sprawdzian, 2026-11-12 (Ułamki)"
};

struct PointsRow {
    std::int64_t id = 0, student_id = 0;
    Date date{};
    int points = 0;
    std::string reason;
    std::int64_t teacher_id = 0;
};

struct Person {
    std::int64_t id = 0;
    std::string first_name, last_name;
};

struct SubjectRow {
    std::int64_t id = 0;
    std::string name, short_name;
};

std::optional<GradeSettings> settings_of(storage::Transaction& tx, std::int64_t school_id);
void save_settings(storage::Transaction& tx, std::int64_t school_id, const GradeSettings& settings);

std::vector<Category> categories_of(storage::Transaction& tx, std::int64_t school_id);
std::int64_t insert_category(storage::Transaction& tx, std::int64_t school_id, const Category& category);
void update_category(storage::Transaction& tx, const Category& category);

std::optional<ColumnRow> find_column(storage::Transaction& tx, std::int64_t column_id);
std::vector<ColumnRow> columns_of(storage::Transaction& tx, std::int64_t assignment_id, std::int64_t year_id);
std::int64_t insert_column(storage::Transaction& tx, const ColumnRow& column, std::int64_t created_by);
void update_column(storage::Transaction& tx, const ColumnRow& column);
void delete_column(storage::Transaction& tx, std::int64_t column_id);

std::optional<GradeRow> find_grade(storage::Transaction& tx, std::int64_t grade_id);
std::vector<GradeRow> grades_of_columns(storage::Transaction& tx, std::int64_t assignment_id, std::int64_t year_id);
std::vector<GradeRow> grades_of_column(storage::Transaction& tx, std::int64_t column_id);
std::vector<GradeRow> grades_of_student(storage::Transaction& tx, std::int64_t student_id, std::int64_t year_id);
std::vector<GradeRow> grades_of_class(storage::Transaction& tx, std::int64_t class_id, std::int64_t year_id);
std::int64_t insert_grade(storage::Transaction& tx, const GradeRow& grade);
void update_grade(storage::Transaction& tx, std::int64_t grade_id, const std::string& value,
                  const std::string& comment);
void delete_grade(storage::Transaction& tx, std::int64_t grade_id);
std::int64_t improvements_of(storage::Transaction& tx, std::int64_t grade_id);
std::int64_t grades_in_column(storage::Transaction& tx, std::int64_t column_id);
void refresh_column_grades(storage::Transaction& tx, const ColumnRow& column);

std::vector<SummaryRow> summaries_of_student(storage::Transaction& tx, std::int64_t student_id, std::int64_t year_id);
//! The summary grades of a subject for the students of a class.
std::vector<SummaryRow> summaries_of_subject(storage::Transaction& tx, std::int64_t subject_id, std::int64_t year_id,
                                             std::int64_t class_id);
std::vector<SummaryRow> summaries_of_class(storage::Transaction& tx, std::int64_t class_id, std::int64_t year_id);
//! Writes (value or description given) or clears a subject's summary grade.
void put_summary(storage::Transaction& tx, std::int64_t school_id, std::int64_t year_id, const SummaryRow& row,
                 bool clear);
//! Behaviour grades of one student, or (by_class) of every student of a class.
std::vector<SummaryRow> behaviour_of(storage::Transaction& tx, std::int64_t id, bool by_class, std::int64_t year_id);
void put_behaviour(storage::Transaction& tx, std::int64_t school_id, std::int64_t year_id, const SummaryRow& row,
                   bool clear);

std::vector<PointsRow> points_of(storage::Transaction& tx, std::int64_t id, bool by_class, std::int64_t year_id);
std::int64_t insert_points(storage::Transaction& tx, std::int64_t school_id, std::int64_t year_id,
                           const PointsRow& row);

void insert_change(storage::Transaction& tx, std::int64_t school_id, std::int64_t student_id, std::int64_t year_id,
                   const ChangeRow& change);
std::vector<ChangeRow> changes_of(storage::Transaction& tx, std::int64_t student_id, std::int64_t year_id);

std::optional<std::int64_t> seen_at(storage::Transaction& tx, std::int64_t user_id, std::int64_t student_id);
void set_seen(storage::Transaction& tx, std::int64_t user_id, std::int64_t student_id, std::int64_t at);

std::vector<std::int64_t> group_members(storage::Transaction& tx, std::int64_t group_id);
//! Subjects a student is taught (their class's and groups' assignments) or has grades in this year, by name.
std::vector<SubjectRow> subjects_of_student(storage::Transaction& tx, std::int64_t student_id, std::int64_t class_id,
                                            std::int64_t year_id);
//! The teachers of a student's grades and summary grades this year, and whoever changed them.
std::vector<Person> teachers_of_student(storage::Transaction& tx, std::int64_t student_id, std::int64_t year_id);

}  // namespace kreda::grades::store
