#include "modules/attendance/attendance_store.hpp"

#include "core/clock.hpp"

namespace kreda::attendance::store {

namespace {
constexpr std::string_view kTypesOf =
    "SELECT id, code, name_pl, name_en, colour, kind FROM attendance_types WHERE school_id = ? ORDER BY id";
constexpr std::string_view kInsertType =
    "INSERT INTO attendance_types (school_id, code, name_pl, name_en, colour, kind) VALUES (?, ?, ?, ?, ?, ?)";
constexpr std::string_view kMarksOfLesson =
    "SELECT m.student_id, t.code FROM attendance_marks m JOIN attendance_types t ON t.id = m.type_id "
    "WHERE m.lesson_id = ?";
constexpr std::string_view kUpdateMark =
    "UPDATE attendance_marks SET type_id = ?, marked_at = ?, marked_by = ? WHERE lesson_id = ? AND student_id = ?";
constexpr std::string_view kInsertMark =
    "INSERT INTO attendance_marks (lesson_id, student_id, school_id, type_id, marked_at, marked_by) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr std::string_view kMarksOfStudent =
    "SELECT l.id, l.date, l.lesson_number, l.subject_id, s.name, t.code FROM attendance_marks m "
    "JOIN lessons l ON l.id = m.lesson_id JOIN subjects s ON s.id = l.subject_id "
    "JOIN attendance_types t ON t.id = m.type_id WHERE m.student_id = ? AND l.date >= ? AND l.date <= ? "
    "ORDER BY l.date, l.lesson_number";
}  // namespace

std::vector<AttendanceType> types_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<AttendanceType> out;
    for (const auto& r : tx.query(kTypesOf, {school_id}))
        out.push_back({r[0].as_int(), r[1].as_text(), r[2].as_text(), r[3].as_text(), r[4].as_text(),
                       parse_presence_kind(r[5].as_text()).value_or(PresenceKind::Present)});
    return out;
}

void insert_type(storage::Transaction& tx, std::int64_t school_id, const AttendanceType& t) {
    tx.execute(kInsertType, {school_id, t.code, t.name_pl, t.name_en, t.colour, std::string(to_string(t.kind))});
}

std::map<std::int64_t, std::string> marks_of_lesson(storage::Transaction& tx, std::int64_t lesson_id) {
    std::map<std::int64_t, std::string> out;
    for (const auto& r : tx.query(kMarksOfLesson, {lesson_id})) out[r[0].as_int()] = r[1].as_text();
    return out;
}

void upsert_mark(storage::Transaction& tx, std::int64_t school_id, std::int64_t lesson_id, std::int64_t student_id,
                 std::int64_t type_id, std::int64_t marked_by) {
    std::int64_t now = Clock::now();
    if (tx.execute(kUpdateMark, {type_id, now, marked_by, lesson_id, student_id}) == 0)
        tx.execute(kInsertMark, {lesson_id, student_id, school_id, type_id, now, marked_by});
}

std::vector<StudentMark> marks_of_student(storage::Transaction& tx, std::int64_t student_id, Date from, Date to) {
    std::vector<StudentMark> out;
    for (const auto& r : tx.query(kMarksOfStudent, {student_id, format_date(from), format_date(to)}))
        out.push_back({r[0].as_int(), parse_date(r[1].as_text()).value_or(Date{}), static_cast<int>(r[2].as_int()),
                       r[3].as_int(), r[4].as_text(), r[5].as_text()});
    return out;
}

}  // namespace kreda::attendance::store
