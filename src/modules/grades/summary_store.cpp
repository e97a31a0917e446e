// SQL of term and annual grades, behaviour, the families' change history and read marks, and the lookups the
// family view needs.
#include "modules/grades/grades_store.hpp"

#include <sstream>

#include "core/clock.hpp"

namespace kreda::grades::store {

namespace {

constexpr std::string_view kSummaryFields =
    "SELECT student_id, subject_id, kind, value, description, teacher_id, modified_at FROM summary_grades ";
constexpr std::string_view kBehaviourFields =
    "SELECT student_id, 0, kind, value, '', teacher_id, modified_at FROM behaviour_grades ";
constexpr std::string_view kPointsFields =
    "SELECT id, student_id, date, points, reason, teacher_id FROM behaviour_points ";
constexpr std::string_view kInClass = "student_id IN (SELECT user_id FROM students WHERE class_id = ?)";

std::string at(std::string_view head, std::string_view tail) {
    std::string out(head);
    out += tail;
    return out;
}

SummaryRow summary_of(const storage::Row& r) {
    return {r[0].as_int(),
            r[1].as_int(),
            parse_summary_kind(r[2].as_text()).value_or(SummaryKind::Term),
            r[3].is_null() ? std::string() : r[3].as_text(),
            r[4].as_text(),
            r[5].as_int(),
            r[6].as_int()};
}

std::vector<SummaryRow> summaries(storage::Transaction& tx, std::string sql, const storage::Params& params) {
    std::vector<SummaryRow> out;
    for (const auto& r : tx.query(sql, params)) out.push_back(summary_of(r));
    return out;
}

}  // namespace

std::vector<SummaryRow> summaries_of_student(storage::Transaction& tx, std::int64_t student_id, std::int64_t year_id) {
    return summaries(tx, at(kSummaryFields, "WHERE student_id = ? AND year_id = ?"), {student_id, year_id});
}

std::vector<SummaryRow> summaries_of_subject(storage::Transaction& tx, std::int64_t subject_id, std::int64_t year_id,
                                             std::int64_t class_id) {
    return summaries(tx, at(kSummaryFields, at("WHERE subject_id = ? AND year_id = ? AND ", kInClass)),
                     {subject_id, year_id, class_id});
}

std::vector<SummaryRow> summaries_of_class(storage::Transaction& tx, std::int64_t class_id, std::int64_t year_id) {
    return summaries(tx, at(kSummaryFields, at("WHERE year_id = ? AND ", kInClass)), {year_id, class_id});
}

void put_summary(storage::Transaction& tx, std::int64_t school_id, std::int64_t year_id, const SummaryRow& row,
                 bool clear) {
    std::string kind(to_string(row.kind));
    tx.execute("DELETE FROM summary_grades WHERE student_id = ? AND subject_id = ? AND year_id = ? AND kind = ?",
               {row.student_id, row.subject_id, year_id, kind});
    if (clear) return;
    std::optional<std::int64_t> value;
    if (!row.value.empty()) value = std::stoll(row.value);
    tx.execute(
        "INSERT INTO summary_grades (school_id, student_id, subject_id, year_id, kind, value, description, "
        "teacher_id, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {school_id, row.student_id, row.subject_id, year_id, kind, value, row.description, row.teacher_id,
         Clock::now()});
}

std::vector<SummaryRow> behaviour_of(storage::Transaction& tx, std::int64_t id, bool by_class, std::int64_t year_id) {
    if (by_class) return summaries(tx, at(kBehaviourFields, at("WHERE year_id = ? AND ", kInClass)), {year_id, id});
    return summaries(tx, at(kBehaviourFields, "WHERE year_id = ? AND student_id = ?"), {year_id, id});
}

void put_behaviour(storage::Transaction& tx, std::int64_t school_id, std::int64_t year_id, const SummaryRow& row,
                   bool clear) {
    std::string kind(to_string(row.kind));
    tx.execute("DELETE FROM behaviour_grades WHERE student_id = ? AND year_id = ? AND kind = ?",
               {row.student_id, year_id, kind});
    if (clear) return;
    tx.execute(
        "INSERT INTO behaviour_grades (school_id, student_id, year_id, kind, value, teacher_id, modified_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {school_id, row.student_id, year_id, kind, row.value, row.teacher_id, Clock::now()});
}

std::vector<PointsRow> points_of(storage::Transaction& tx, std::int64_t id, bool by_class, std::int64_t year_id) {
    std::string where = by_class ? at("WHERE year_id = ? AND ", kInClass) : "WHERE year_id = ? AND student_id = ?";
    std::vector<PointsRow> out;
    for (const auto& r : tx.query(at(kPointsFields, where + " ORDER BY date, id"), {year_id, id}))
        out.push_back({r[0].as_int(), r[1].as_int(), parse_date(r[2].as_text()).value_or(Date{}),
                       static_cast<int>(r[3].as_int()), r[4].as_text(), r[5].as_int()});
    return out;
}

std::int64_t insert_points(storage::Transaction& tx, std::int64_t school_id, std::int64_t year_id,
                           const PointsRow& row) {
    return tx
        .query(
            "INSERT INTO behaviour_points (school_id, student_id, year_id, date, points, reason, teacher_id, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {school_id, row.student_id, year_id, format_date(row.date), row.points, row.reason, row.teacher_id,
             Clock::now()})
        .front()[0]
        .as_int();
}

void insert_change(storage::Transaction& tx, std::int64_t school_id, std::int64_t student_id, std::int64_t year_id,
                   const ChangeRow& c) {
    tx.execute(
        "INSERT INTO grade_changes (school_id, student_id, year_id, subject_id, grade_id, what, before_value, "
        "after_value, changed_by, changed_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {school_id, student_id, year_id, c.subject_id, c.grade_id, c.what, c.before, c.after, c.changed_by,
         Clock::now(), c.detail});
}

std::vector<ChangeRow> changes_of(storage::Transaction& tx, std::int64_t student_id, std::int64_t year_id) {
    std::vector<ChangeRow> out;
    for (const auto& r :
         tx.query("SELECT id, subject_id, grade_id, what, before_value, after_value, changed_by, "
                  "changed_at, detail FROM grade_changes WHERE student_id = ? AND year_id = ? ORDER BY id",
                  {student_id, year_id})) {
        ChangeRow c;
        c.id = r[0].as_int();
        if (!r[1].is_null()) c.subject_id = r[1].as_int();
        if (!r[2].is_null()) c.grade_id = r[2].as_int();
        c.what = r[3].as_text();
        if (!r[4].is_null()) c.before = r[4].as_text();
        if (!r[5].is_null()) c.after = r[5].as_text();
        c.changed_by = r[6].as_int();
        c.changed_at = r[7].as_int();
        c.detail = r[8].as_text();
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<std::int64_t> seen_at(storage::Transaction& tx, std::int64_t user_id, std::int64_t student_id) {
    auto r = tx.query_one("SELECT seen_at FROM grade_seen WHERE user_id = ? AND student_id = ?", {user_id, student_id});
    if (!r) return std::nullopt;
    return (*r)[0].as_int();
}

void set_seen(storage::Transaction& tx, std::int64_t user_id, std::int64_t student_id, std::int64_t when) {
    if (tx.execute("UPDATE grade_seen SET seen_at = ? WHERE user_id = ? AND student_id = ?",
                   {when, user_id, student_id}) == 0)
        tx.execute("INSERT INTO grade_seen (user_id, student_id, seen_at) VALUES (?, ?, ?)",
                   {user_id, student_id, when});
}

std::vector<std::int64_t> group_members(storage::Transaction& tx, std::int64_t group_id) {
    std::vector<std::int64_t> out;
    for (const auto& r : tx.query("SELECT student_id FROM group_members WHERE group_id = ?", {group_id}))
        out.push_back(r[0].as_int());
    return out;
}

std::vector<SubjectRow> subjects_of_student(storage::Transaction& tx, std::int64_t student_id, std::int64_t class_id,
                                            std::int64_t year_id) {
    std::vector<SubjectRow> out;
    for (const auto& r : tx.query(
             "SELECT s.id, s.name, s.short_name FROM subjects s WHERE s.id IN (SELECT a.subject_id FROM assignments a "
             "WHERE a.class_id = ? AND (a.group_id IS NULL OR a.group_id IN "
             "(SELECT group_id FROM group_members WHERE student_id = ?))) "
             "OR s.id IN (SELECT subject_id FROM grades WHERE student_id = ? AND year_id = ?) "
             "OR s.id IN (SELECT subject_id FROM summary_grades WHERE student_id = ? AND year_id = ?) ORDER BY s.name",
             {class_id, student_id, student_id, year_id, student_id, year_id}))
        out.push_back({r[0].as_int(), r[1].as_text(), r[2].as_text()});
    return out;
}

std::vector<Person> teachers_of_student(storage::Transaction& tx, std::int64_t student_id, std::int64_t year_id) {
    std::vector<Person> out;
    for (const auto& r : tx.query(
             "SELECT id, first_name, last_name FROM users WHERE id IN ("
             "SELECT teacher_id FROM grades WHERE student_id = ? AND year_id = ? "
             "UNION SELECT teacher_id FROM summary_grades WHERE student_id = ? AND year_id = ? "
             "UNION SELECT teacher_id FROM behaviour_grades WHERE student_id = ? AND year_id = ? "
             "UNION SELECT teacher_id FROM behaviour_points WHERE student_id = ? AND year_id = ? "
             "UNION SELECT changed_by FROM grade_changes WHERE student_id = ? AND year_id = ?)",
             {student_id, year_id, student_id, year_id, student_id, year_id, student_id, year_id, student_id, year_id}))
        out.push_back({r[0].as_int(), r[1].as_text(), r[2].as_text()});
    return out;
}

}  // namespace kreda::grades::store
