#include "modules/grades/grades_store.hpp"

#include <sstream>

#include "core/clock.hpp"

namespace kreda::grades::store {

namespace {

constexpr std::string_view kSettings =
    "SELECT plus_hundredths, minus_hundredths, improvement_rule, families_see_averages, "
    "families_see_class_average, predicted_visible_from, behaviour_points, behaviour_start_points, custom_marks "
    "FROM grade_settings WHERE school_id = ?";
constexpr std::string_view kUpdateSettings =
    "UPDATE grade_settings SET plus_hundredths = ?, minus_hundredths = ?, improvement_rule = ?, "
    "families_see_averages = ?, families_see_class_average = ?, predicted_visible_from = ?, behaviour_points = ?, "
    "behaviour_start_points = ?, custom_marks = ? WHERE school_id = ?";
constexpr std::string_view kInsertSettings =
    "INSERT INTO grade_settings (plus_hundredths, minus_hundredths, improvement_rule, families_see_averages, "
    "families_see_class_average, predicted_visible_from, behaviour_points, behaviour_start_points, custom_marks, "
    "school_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr std::string_view kCategories =
    "SELECT id, subject_id, name, weight, counts, colour, kind, max_points FROM grade_categories "
    "WHERE school_id = ? ORDER BY id";
constexpr std::string_view kInsertCategory =
    "INSERT INTO grade_categories (school_id, subject_id, name, weight, counts, colour, kind, max_points) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateCategory =
    "UPDATE grade_categories SET subject_id = ?, name = ?, weight = ?, counts = ?, colour = ?, max_points = ? "
    "WHERE id = ?";

constexpr std::string_view kColumnFields =
    "SELECT id, school_id, assignment_id, year_id, term, category_id, date, description FROM grade_columns ";
constexpr std::string_view kInsertColumn =
    "INSERT INTO grade_columns (school_id, assignment_id, year_id, term, category_id, date, description, "
    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateColumn =
    "UPDATE grade_columns SET term = ?, category_id = ?, date = ?, description = ? WHERE id = ?";

constexpr std::string_view kGradeFields =
    "SELECT g.id, g.column_id, g.student_id, g.subject_id, g.year_id, g.value, g.improves_id, g.date, g.comment, "
    "g.teacher_id, g.modified_at, c.term, c.category_id, c.description, g.school_id, c.assignment_id "
    "FROM grades g JOIN grade_columns c ON c.id = g.column_id ";
constexpr std::string_view kInsertGrade =
    "INSERT INTO grades (school_id, column_id, student_id, subject_id, year_id, value, improves_id, date, comment, "
    "teacher_id, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

std::string at(std::string_view head, std::string_view tail) {
    std::string out(head);
    out += tail;
    return out;
}

ColumnRow column_of(const storage::Row& r) {
    return {r[0].as_int(),
            r[1].as_int(),
            r[2].as_int(),
            r[3].as_int(),
            static_cast<int>(r[4].as_int()),
            r[5].as_int(),
            parse_date(r[6].as_text()).value_or(Date{}),
            r[7].as_text()};
}

GradeRow grade_of(const storage::Row& r) {
    GradeRow g;
    g.id = r[0].as_int();
    g.column_id = r[1].as_int();
    g.student_id = r[2].as_int();
    g.subject_id = r[3].as_int();
    g.year_id = r[4].as_int();
    g.value = r[5].as_text();
    if (!r[6].is_null()) g.improves_id = r[6].as_int();
    g.date = parse_date(r[7].as_text()).value_or(Date{});
    g.comment = r[8].as_text();
    g.teacher_id = r[9].as_int();
    g.modified_at = r[10].as_int();
    g.term = static_cast<int>(r[11].as_int());
    g.category_id = r[12].as_int();
    g.description = r[13].as_text();
    g.school_id = r[14].as_int();
    g.assignment_id = r[15].as_int();
    return g;
}

std::vector<GradeRow> grades_where(storage::Transaction& tx, std::string_view where, const storage::Params& params) {
    std::vector<GradeRow> out;
    for (const auto& r : tx.query(at(kGradeFields, where), params)) out.push_back(grade_of(r));
    return out;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
    return out;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) out.push_back(part);
    return out;
}

}  // namespace

std::optional<GradeSettings> settings_of(storage::Transaction& tx, std::int64_t school_id) {
    auto r = tx.query_one(kSettings, {school_id});
    if (!r) return std::nullopt;
    GradeSettings s;
    s.rules.plus = static_cast<int>((*r)[0].as_int());
    s.rules.minus = static_cast<int>((*r)[1].as_int());
    s.improvement = parse_improvement_rule((*r)[2].as_text()).value_or(ImprovementRule::Better);
    s.families_see_averages = (*r)[3].as_bool();
    s.families_see_class_average = (*r)[4].as_bool();
    if (!(*r)[5].is_null()) s.predicted_visible_from = parse_date((*r)[5].as_text());
    s.behaviour_points = (*r)[6].as_bool();
    s.behaviour_start_points = static_cast<int>((*r)[7].as_int());
    s.rules.custom_marks = split((*r)[8].as_text());
    return s;
}

void save_settings(storage::Transaction& tx, std::int64_t school_id, const GradeSettings& s) {
    std::optional<std::string> visible;
    if (s.predicted_visible_from) visible = format_date(*s.predicted_visible_from);
    storage::Params params = {s.rules.plus,
                              s.rules.minus,
                              std::string(to_string(s.improvement)),
                              s.families_see_averages,
                              s.families_see_class_average,
                              visible,
                              s.behaviour_points,
                              s.behaviour_start_points,
                              join(s.rules.custom_marks),
                              school_id};
    if (tx.execute(kUpdateSettings, params) == 0) tx.execute(kInsertSettings, params);
}

std::vector<Category> categories_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<Category> out;
    for (const auto& r : tx.query(kCategories, {school_id})) {
        Category c;
        c.id = r[0].as_int();
        if (!r[1].is_null()) c.subject_id = r[1].as_int();
        c.name = r[2].as_text();
        c.weight = static_cast<int>(r[3].as_int());
        c.counts = r[4].as_bool();
        c.colour = r[5].as_text();
        std::string kind = r[6].as_text();
        c.kind = kind == "points"        ? ColumnKind::Points
                 : kind == "descriptive" ? ColumnKind::Descriptive
                                         : ColumnKind::Scale;
        if (!r[7].is_null()) c.max_points = static_cast<int>(r[7].as_int());
        out.push_back(std::move(c));
    }
    return out;
}

std::int64_t insert_category(storage::Transaction& tx, std::int64_t school_id, const Category& c) {
    std::string kind = c.kind == ColumnKind::Points        ? "points"
                       : c.kind == ColumnKind::Descriptive ? "descriptive"
                                                           : "scale";
    return tx
        .query(kInsertCategory, {school_id, c.subject_id, c.name, c.weight, c.counts, c.colour, kind, c.max_points})
        .front()[0]
        .as_int();
}

void update_category(storage::Transaction& tx, const Category& c) {
    tx.execute(kUpdateCategory, {c.subject_id, c.name, c.weight, c.counts, c.colour, c.max_points, c.id});
}

std::optional<ColumnRow> find_column(storage::Transaction& tx, std::int64_t column_id) {
    auto r = tx.query_one(at(kColumnFields, "WHERE id = ?"), {column_id});
    if (!r) return std::nullopt;
    return column_of(*r);
}

std::vector<ColumnRow> columns_of(storage::Transaction& tx, std::int64_t assignment_id, std::int64_t year_id) {
    std::vector<ColumnRow> out;
    for (const auto& r : tx.query(at(kColumnFields, "WHERE assignment_id = ? AND year_id = ? ORDER BY date, id"),
                                  {assignment_id, year_id}))
        out.push_back(column_of(r));
    return out;
}

std::int64_t insert_column(storage::Transaction& tx, const ColumnRow& c, std::int64_t created_by) {
    return tx
        .query(kInsertColumn, {c.school_id, c.assignment_id, c.year_id, c.term, c.category_id, format_date(c.date),
                               c.description, created_by, Clock::now()})
        .front()[0]
        .as_int();
}

void update_column(storage::Transaction& tx, const ColumnRow& c) {
    tx.execute(kUpdateColumn, {c.term, c.category_id, format_date(c.date), c.description, c.id});
}

void delete_column(storage::Transaction& tx, std::int64_t column_id) {
    tx.execute("DELETE FROM grade_columns WHERE id = ?", {column_id});
}

std::optional<GradeRow> find_grade(storage::Transaction& tx, std::int64_t grade_id) {
    auto rows = grades_where(tx, "WHERE g.id = ?", {grade_id});
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<GradeRow> grades_of_columns(storage::Transaction& tx, std::int64_t assignment_id, std::int64_t year_id) {
    return grades_where(tx, "WHERE c.assignment_id = ? AND c.year_id = ? ORDER BY g.date, g.id",
                        {assignment_id, year_id});
}

std::vector<GradeRow> grades_of_column(storage::Transaction& tx, std::int64_t column_id) {
    return grades_where(tx, "WHERE g.column_id = ? ORDER BY g.id", {column_id});
}

std::vector<GradeRow> grades_of_student(storage::Transaction& tx, std::int64_t student_id, std::int64_t year_id) {
    return grades_where(tx, "WHERE g.student_id = ? AND g.year_id = ? ORDER BY g.date, g.id", {student_id, year_id});
}

std::vector<GradeRow> grades_of_class(storage::Transaction& tx, std::int64_t class_id, std::int64_t year_id) {
    return grades_where(tx,
                        "WHERE g.student_id IN (SELECT user_id FROM students WHERE class_id = ?) AND g.year_id = ? "
                        "ORDER BY g.date, g.id",
                        {class_id, year_id});
}

std::int64_t insert_grade(storage::Transaction& tx, const GradeRow& g) {
    std::int64_t now = Clock::now();
    return tx
        .query(kInsertGrade, {g.school_id, g.column_id, g.student_id, g.subject_id, g.year_id, g.value, g.improves_id,
                              format_date(g.date), g.comment, g.teacher_id, now, now})
        .front()[0]
        .as_int();
}

void update_grade(storage::Transaction& tx, std::int64_t grade_id, const std::string& value,
                  const std::string& comment) {
    tx.execute("UPDATE grades SET value = ?, comment = ?, modified_at = ? WHERE id = ?",
               {value, comment, Clock::now(), grade_id});
}

void delete_grade(storage::Transaction& tx, std::int64_t grade_id) {
    tx.execute("DELETE FROM grades WHERE id = ?", {grade_id});
}

std::int64_t improvements_of(storage::Transaction& tx, std::int64_t grade_id) {
    return tx.query("SELECT COUNT(*) FROM grades WHERE improves_id = ?", {grade_id}).front()[0].as_int();
}

std::int64_t grades_in_column(storage::Transaction& tx, std::int64_t column_id) {
    return tx.query("SELECT COUNT(*) FROM grades WHERE column_id = ?", {column_id}).front()[0].as_int();
}

void refresh_column_grades(storage::Transaction& tx, const ColumnRow& column) {
    tx.execute("UPDATE grades SET modified_at = ? WHERE column_id = ?", {Clock::now(), column.id});
}

}  // namespace kreda::grades::store
