#include "core/clock.hpp"
#include "modules/timetable/lessons.hpp"

namespace kreda::timetable::store {

namespace {
constexpr std::string_view kEnsure =
    "INSERT INTO lessons (school_id, date, lesson_number, assignment_id, teacher_id, subject_id, class_id, group_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (school_id, date, lesson_number, assignment_id) DO UPDATE SET "
    "teacher_id = excluded.teacher_id, subject_id = excluded.subject_id WHERE lessons.recorded_at IS NULL";
constexpr std::string_view kFindByKey =
    "SELECT id FROM lessons WHERE school_id = ? AND date = ? AND lesson_number = ? AND assignment_id = ?";
constexpr std::string_view kCurrent =
    "SELECT id, teacher_id, subject_id, recorded_at FROM lessons "
    "WHERE school_id = ? AND date = ? AND lesson_number = ? AND assignment_id = ?";
constexpr std::string_view kColumns =
    "SELECT id, school_id, date, lesson_number, assignment_id, teacher_id, subject_id, class_id, group_id, topic, "
    "curriculum_number, recorded_at FROM lessons ";
const std::string kFind = std::string(kColumns) + "WHERE id = ?";
const std::string kRecorded = std::string(kColumns) +
                              "WHERE school_id = ? AND class_id = ? AND date >= ? AND date <= ? AND recorded_at IS NOT "
                              "NULL ORDER BY date, lesson_number";
constexpr std::string_view kRecord =
    "UPDATE lessons SET topic = ?, curriculum_number = ?, recorded_at = ?, recorded_by = ? WHERE id = ?";

LessonRow row_of(const storage::Row& r) {
    LessonRow l;
    l.id = r[0].as_int();
    l.school_id = r[1].as_int();
    l.date = parse_date(r[2].as_text()).value_or(Date{});
    l.lesson_number = static_cast<int>(r[3].as_int());
    l.assignment_id = r[4].as_int();
    l.teacher_id = r[5].as_int();
    l.subject_id = r[6].as_int();
    l.class_id = r[7].as_int();
    if (!r[8].is_null()) l.group_id = r[8].as_int();
    if (!r[9].is_null()) l.topic = r[9].as_text();
    if (!r[10].is_null()) l.curriculum_number = static_cast<int>(r[10].as_int());
    if (!r[11].is_null()) l.recorded_at = r[11].as_int();
    return l;
}
}  // namespace

std::int64_t ensure_lesson(storage::Transaction& tx, std::int64_t school_id, const ResolvedLesson& l) {
    std::string date = format_date(l.date);
    tx.execute(kEnsure,
               {school_id, date, l.lesson_number, l.assignment_id, l.teacher_id, l.subject_id, l.class_id, l.group_id});
    return tx.query_one(kFindByKey, {school_id, date, l.lesson_number, l.assignment_id})->at(0).as_int();
}

std::optional<std::int64_t> current_lesson(storage::Transaction& tx, std::int64_t school_id, const ResolvedLesson& l) {
    auto r = tx.query_one(kCurrent, {school_id, format_date(l.date), l.lesson_number, l.assignment_id});
    if (!r) return std::nullopt;
    bool recorded = !(*r)[3].is_null();
    if (!recorded && ((*r)[1].as_int() != l.teacher_id || (*r)[2].as_int() != l.subject_id)) return std::nullopt;
    return (*r)[0].as_int();
}

std::optional<LessonRow> find_lesson(storage::Transaction& tx, std::int64_t lesson_id) {
    auto r = tx.query_one(kFind, {lesson_id});
    if (!r) return std::nullopt;
    return row_of(*r);
}

void record(storage::Transaction& tx, std::int64_t lesson_id, const std::string& topic,
            std::optional<int> curriculum_number, std::int64_t recorded_by) {
    tx.execute(kRecord, {topic, curriculum_number ? storage::Value(*curriculum_number) : storage::Value(), Clock::now(),
                         recorded_by, lesson_id});
}

std::vector<LessonRow> recorded_lessons(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id,
                                        Date from, Date to) {
    std::vector<LessonRow> out;
    for (const auto& r : tx.query(kRecorded, {school_id, class_id, format_date(from), format_date(to)}))
        out.push_back(row_of(r));
    return out;
}

}  // namespace kreda::timetable::store
