// Subjects, rooms, teaching assignments and the bell schedule.
#include "modules/organisation/organisation_store.hpp"

namespace kreda::organisation::store {

namespace {
constexpr std::string_view kSubjectsOf =
    "SELECT id, name, short_name FROM subjects WHERE school_id = ? ORDER BY name";
constexpr std::string_view kFindSubject = "SELECT id, name, short_name FROM subjects WHERE school_id = ? AND id = ?";
constexpr std::string_view kInsertSubject =
    "INSERT INTO subjects (school_id, name, short_name) VALUES (?, ?, ?) RETURNING id";
constexpr std::string_view kRoomsOf = "SELECT id, name FROM rooms WHERE school_id = ? ORDER BY name";
constexpr std::string_view kInsertRoom = "INSERT INTO rooms (school_id, name) VALUES (?, ?) RETURNING id";
constexpr std::string_view kAssignmentsOf =
    "SELECT a.id, a.teacher_id, t.first_name, t.last_name, a.subject_id, s.name, s.short_name, a.class_id, c.name, "
    "a.group_id, COALESCE(g.name, '') FROM assignments a JOIN users t ON t.id = a.teacher_id "
    "JOIN subjects s ON s.id = a.subject_id JOIN classes c ON c.id = a.class_id "
    "LEFT JOIN class_groups g ON g.id = a.group_id WHERE a.school_id = ? ORDER BY c.name, s.name, g.name";
constexpr std::string_view kInsertAssignment =
    "INSERT INTO assignments (school_id, teacher_id, subject_id, class_id, group_id) VALUES (?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kDeleteAssignment = "DELETE FROM assignments WHERE school_id = ? AND id = ?";
constexpr std::string_view kBellOf =
    "SELECT lesson_number, starts_at, ends_at FROM bell_schedule WHERE school_id = ? ORDER BY lesson_number";
constexpr std::string_view kDeleteBell = "DELETE FROM bell_schedule WHERE school_id = ?";
constexpr std::string_view kInsertBell =
    "INSERT INTO bell_schedule (school_id, lesson_number, starts_at, ends_at) VALUES (?, ?, ?, ?)";
}  // namespace

std::vector<Subject> subjects_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<Subject> out;
    for (const auto& r : tx.query(kSubjectsOf, {school_id})) out.push_back({r[0].as_int(), r[1].as_text(), r[2].as_text()});
    return out;
}

std::optional<Subject> find_subject(storage::Transaction& tx, std::int64_t school_id, std::int64_t subject_id) {
    auto r = tx.query_one(kFindSubject, {school_id, subject_id});
    if (!r) return std::nullopt;
    return Subject{(*r)[0].as_int(), (*r)[1].as_text(), (*r)[2].as_text()};
}

std::int64_t insert_subject(storage::Transaction& tx, std::int64_t school_id, const Subject& subject) {
    return tx.query_one(kInsertSubject, {school_id, subject.name, subject.short_name})->at(0).as_int();
}

std::vector<Room> rooms_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<Room> out;
    for (const auto& r : tx.query(kRoomsOf, {school_id})) out.push_back({r[0].as_int(), r[1].as_text()});
    return out;
}

std::int64_t insert_room(storage::Transaction& tx, std::int64_t school_id, const std::string& name) {
    return tx.query_one(kInsertRoom, {school_id, name})->at(0).as_int();
}

std::vector<Assignment> assignments_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<Assignment> out;
    for (const auto& r : tx.query(kAssignmentsOf, {school_id})) {
        Assignment a;
        a.id = r[0].as_int();
        a.teacher = {r[1].as_int(), r[2].as_text(), r[3].as_text()};
        a.subject = {r[4].as_int(), r[5].as_text(), r[6].as_text()};
        a.class_id = r[7].as_int();
        a.class_name = r[8].as_text();
        if (!r[9].is_null()) a.group_id = r[9].as_int();
        a.group_name = r[10].as_text();
        out.push_back(std::move(a));
    }
    return out;
}

std::int64_t insert_assignment(storage::Transaction& tx, std::int64_t school_id, std::int64_t teacher_id,
                               std::int64_t subject_id, std::int64_t class_id, std::optional<std::int64_t> group_id) {
    return tx.query_one(kInsertAssignment, {school_id, teacher_id, subject_id, class_id, group_id})->at(0).as_int();
}

bool delete_assignment(storage::Transaction& tx, std::int64_t school_id, std::int64_t assignment_id) {
    return tx.execute(kDeleteAssignment, {school_id, assignment_id}) > 0;
}

std::vector<BellLesson> bell_schedule_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<BellLesson> out;
    for (const auto& r : tx.query(kBellOf, {school_id}))
        out.push_back({static_cast<int>(r[0].as_int()), parse_clock_time(r[1].as_text()).value_or(0),
                       parse_clock_time(r[2].as_text()).value_or(0)});
    return out;
}

void replace_bell_schedule(storage::Transaction& tx, std::int64_t school_id, const std::vector<BellLesson>& lessons) {
    tx.execute(kDeleteBell, {school_id});
    for (const auto& l : lessons)
        tx.execute(kInsertBell, {school_id, l.number, format_clock_time(l.starts_at), format_clock_time(l.ends_at)});
}

}  // namespace kreda::organisation::store
