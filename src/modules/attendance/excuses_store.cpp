#include "modules/attendance/excuses_store.hpp"

#include "core/clock.hpp"

namespace kreda::attendance::store {

namespace {
constexpr std::string_view kMarks =
    "SELECT l.id, l.date, l.lesson_number, s.name, t.code FROM attendance_marks m JOIN lessons l ON l.id = m.lesson_id "
    "JOIN subjects s ON s.id = l.subject_id JOIN attendance_types t ON t.id = m.type_id WHERE m.student_id = ? "
    "ORDER BY l.date, l.lesson_number";
constexpr std::string_view kAlreadyExcused =
    "SELECT i.lesson_id FROM excuse_items i JOIN excuses e ON e.id = i.excuse_id "
    "WHERE e.student_id = ? AND e.status IN ('pending', 'accepted')";
constexpr std::string_view kInsert =
    "INSERT INTO excuses (school_id, student_id, submitted_by, reason, note, created_at) VALUES (?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kInsertItem = "INSERT INTO excuse_items (excuse_id, lesson_id) VALUES (?, ?)";
constexpr std::string_view kColumns =
    "SELECT id, school_id, student_id, submitted_by, reason, note, status, comment, created_at, decided_by, decided_at "
    "FROM excuses ";
const std::string kFind = std::string(kColumns) + "WHERE id = ?";
const std::string kOfStudent = std::string(kColumns) + "WHERE student_id = ? ORDER BY id DESC";
const std::string kOfSchool = std::string(kColumns) + "WHERE school_id = ? AND status = ? ORDER BY id";
constexpr std::string_view kItems = "SELECT lesson_id FROM excuse_items WHERE excuse_id = ? ORDER BY lesson_id";
constexpr std::string_view kDecide =
    "UPDATE excuses SET status = ?, comment = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'";
constexpr std::string_view kSetMark =
    "UPDATE attendance_marks SET type_id = (SELECT id FROM attendance_types WHERE school_id = ? AND code = ?), "
    "marked_at = ?, marked_by = ? WHERE lesson_id = ? AND student_id = ?";

ExcuseRow row_of(const storage::Row& r) {
    ExcuseRow e{r[0].as_int(),  r[1].as_int(),  r[2].as_int(), r[3].as_int(), r[4].as_text(), r[5].as_text(),
                r[6].as_text(), r[7].as_text(), r[8].as_int(), std::nullopt,  std::nullopt};
    if (!r[9].is_null()) e.decided_by = r[9].as_int();
    if (!r[10].is_null()) e.decided_at = r[10].as_int();
    return e;
}

std::vector<ExcuseRow> rows(storage::Transaction& tx, std::string_view sql, const storage::Params& params) {
    std::vector<ExcuseRow> out;
    for (const auto& r : tx.query(sql, params)) out.push_back(row_of(r));
    return out;
}
}  // namespace

std::vector<ExcusableMark> marks_for_excuse(storage::Transaction& tx, std::int64_t student_id) {
    std::vector<ExcusableMark> out;
    for (const auto& r : tx.query(kMarks, {student_id}))
        out.push_back({r[0].as_int(), parse_date(r[1].as_text()).value_or(Date{}), static_cast<int>(r[2].as_int()),
                       r[3].as_text(), r[4].as_text()});
    return out;
}

std::vector<std::int64_t> lessons_already_excused(storage::Transaction& tx, std::int64_t student_id) {
    std::vector<std::int64_t> out;
    for (const auto& r : tx.query(kAlreadyExcused, {student_id})) out.push_back(r[0].as_int());
    return out;
}

std::int64_t insert_excuse(storage::Transaction& tx, const ExcuseRow& e, const std::vector<std::int64_t>& lesson_ids) {
    std::int64_t id = tx.query_one(kInsert, {e.school_id, e.student_id, e.submitted_by, e.reason, e.note, e.created_at})
                          ->at(0)
                          .as_int();
    for (auto lesson : lesson_ids) tx.execute(kInsertItem, {id, lesson});
    return id;
}

std::optional<ExcuseRow> find_excuse(storage::Transaction& tx, std::int64_t excuse_id) {
    auto r = tx.query_one(kFind, {excuse_id});
    if (!r) return std::nullopt;
    return row_of(*r);
}

std::vector<ExcuseRow> excuses_of_student(storage::Transaction& tx, std::int64_t student_id) {
    return rows(tx, kOfStudent, {student_id});
}

std::vector<ExcuseRow> excuses_of_school(storage::Transaction& tx, std::int64_t school_id, const std::string& status) {
    return rows(tx, kOfSchool, {school_id, status});
}

std::vector<std::int64_t> lessons_of_excuse(storage::Transaction& tx, std::int64_t excuse_id) {
    std::vector<std::int64_t> out;
    for (const auto& r : tx.query(kItems, {excuse_id})) out.push_back(r[0].as_int());
    return out;
}

void decide(storage::Transaction& tx, std::int64_t excuse_id, const std::string& status, const std::string& comment,
            std::int64_t decided_by, std::int64_t now) {
    tx.execute(kDecide, {status, comment, decided_by, now, excuse_id});
}

void set_mark_code(storage::Transaction& tx, std::int64_t school_id, std::int64_t lesson_id, std::int64_t student_id,
                   const std::string& code, std::int64_t marked_by) {
    tx.execute(kSetMark, {school_id, code, Clock::now(), marked_by, lesson_id, student_id});
}

}  // namespace kreda::attendance::store
