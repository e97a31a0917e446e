#include "modules/timetable/timetable_store.hpp"

#include <array>

#include "core/clock.hpp"

namespace kreda::timetable::store {

namespace {

constexpr std::string_view kEntryColumns =
    "e.id, e.assignment_id, a.teacher_id, a.subject_id, a.class_id, a.group_id, e.room_id, e.weekday, "
    "e.lesson_number, e.valid_from, e.valid_to, e.online_link FROM timetable_entries e "
    "JOIN assignments a ON a.id = e.assignment_id ";
const std::string kPlanOf = "SELECT " + std::string(kEntryColumns) + "WHERE e.school_id = ? ORDER BY e.id";
const std::string kPlanOfClass =
    "SELECT " + std::string(kEntryColumns) + "WHERE e.school_id = ? AND a.class_id = ? ORDER BY e.id";
const std::string kFindEntry = "SELECT " + std::string(kEntryColumns) + "WHERE e.school_id = ? AND e.id = ?";
constexpr std::string_view kInsertEntry =
    "INSERT INTO timetable_entries (school_id, assignment_id, weekday, lesson_number, room_id, valid_from, valid_to, "
    "online_link) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kEndEntry = "UPDATE timetable_entries SET valid_to = ? WHERE id = ?";
constexpr std::string_view kDeleteEntry = "DELETE FROM timetable_entries WHERE school_id = ? AND id = ?";
constexpr std::string_view kEntryHasChanges = "SELECT 1 FROM timetable_changes WHERE entry_id = ? LIMIT 1";
constexpr std::string_view kChangeColumns =
    "c.id, c.kind, c.date, c.lesson_number, c.entry_id, c.substitute_teacher_id, c.subject_id, c.room_id, "
    "c.moved_to_date, c.moved_to_lesson, c.assignment_id, a.teacher_id, a.class_id, a.group_id, c.note, "
    "a.subject_id FROM timetable_changes c LEFT JOIN assignments a ON a.id = c.assignment_id ";
const std::string kChangesBetween = "SELECT " + std::string(kChangeColumns) +
                                    "WHERE c.school_id = ? AND ((c.date >= ? AND c.date <= ?) OR "
                                    "(c.moved_to_date >= ? AND c.moved_to_date <= ?)) ORDER BY c.id";
const std::string kFindChange = "SELECT " + std::string(kChangeColumns) + "WHERE c.school_id = ? AND c.id = ?";
constexpr std::string_view kInsertChange =
    "INSERT INTO timetable_changes (school_id, kind, date, lesson_number, entry_id, substitute_teacher_id, "
    "subject_id, room_id, moved_to_date, moved_to_lesson, assignment_id, note, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kDeleteChange = "DELETE FROM timetable_changes WHERE school_id = ? AND id = ?";

constexpr std::array<std::pair<ChangeKind, std::string_view>, 5> kKinds = {{{ChangeKind::Substitution, "substitution"},
                                                                            {ChangeKind::Cancellation, "cancellation"},
                                                                            {ChangeKind::RoomChange, "room_change"},
                                                                            {ChangeKind::Moved, "moved"},
                                                                            {ChangeKind::Extra, "extra"}}};

std::optional<std::int64_t> id_or_none(const storage::Value& v) {
    if (v.is_null()) return std::nullopt;
    return v.as_int();
}

std::optional<Date> date_or_none(const storage::Value& v) {
    if (v.is_null()) return std::nullopt;
    return parse_date(v.as_text());
}

PlanEntry entry_of(const storage::Row& r) {
    PlanEntry e;
    e.id = r[0].as_int();
    e.assignment_id = r[1].as_int();
    e.teacher_id = r[2].as_int();
    e.subject_id = r[3].as_int();
    e.class_id = r[4].as_int();
    e.group_id = id_or_none(r[5]);
    e.room_id = id_or_none(r[6]);
    e.weekday = static_cast<int>(r[7].as_int());
    e.lesson_number = static_cast<int>(r[8].as_int());
    e.valid_from = date_or_none(r[9]).value_or(Date{});
    e.valid_to = date_or_none(r[10]);
    if (!r[11].is_null()) e.online_link = r[11].as_text();
    return e;
}

Change change_of(const storage::Row& r) {
    Change c;
    c.id = r[0].as_int();
    c.kind = parse_change_kind(r[1].as_text()).value_or(ChangeKind::Cancellation);
    c.date = date_or_none(r[2]).value_or(Date{});
    c.lesson_number = static_cast<int>(r[3].as_int());
    c.entry_id = id_or_none(r[4]);
    c.substitute_teacher_id = id_or_none(r[5]);
    c.subject_id = id_or_none(r[6]);
    c.room_id = id_or_none(r[7]);
    c.moved_to_date = date_or_none(r[8]);
    if (!r[9].is_null()) c.moved_to_lesson = static_cast<int>(r[9].as_int());
    c.assignment_id = id_or_none(r[10]);
    c.teacher_id = id_or_none(r[11]);
    c.class_id = id_or_none(r[12]);
    c.group_id = id_or_none(r[13]);
    c.note = r[14].as_text();
    if (c.kind == ChangeKind::Extra && !c.subject_id) c.subject_id = id_or_none(r[15]);
    return c;
}

storage::Value date_value(const std::optional<Date>& d) {
    return d ? storage::Value(format_date(*d)) : storage::Value();
}

}  // namespace

std::string_view to_string(ChangeKind kind) {
    for (auto [k, name] : kKinds)
        if (k == kind) return name;
    return "";
}

std::optional<ChangeKind> parse_change_kind(std::string_view text) {
    for (auto [k, name] : kKinds)
        if (name == text) return k;
    return std::nullopt;
}

std::vector<PlanEntry> plan_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<PlanEntry> out;
    for (const auto& r : tx.query(kPlanOf, {school_id})) out.push_back(entry_of(r));
    return out;
}

std::vector<PlanEntry> plan_of_class(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id) {
    std::vector<PlanEntry> out;
    for (const auto& r : tx.query(kPlanOfClass, {school_id, class_id})) out.push_back(entry_of(r));
    return out;
}

std::optional<PlanEntry> find_entry(storage::Transaction& tx, std::int64_t school_id, std::int64_t entry_id) {
    auto r = tx.query_one(kFindEntry, {school_id, entry_id});
    if (!r) return std::nullopt;
    return entry_of(*r);
}

std::int64_t insert_entry(storage::Transaction& tx, std::int64_t school_id, const PlanEntry& e) {
    return tx
        .query_one(kInsertEntry, {school_id, e.assignment_id, e.weekday, e.lesson_number, e.room_id,
                                  format_date(e.valid_from), date_value(e.valid_to), e.online_link})
        ->at(0)
        .as_int();
}

void end_entry(storage::Transaction& tx, std::int64_t entry_id, Date last_day) {
    tx.execute(kEndEntry, {format_date(last_day), entry_id});
}

bool delete_entry(storage::Transaction& tx, std::int64_t school_id, std::int64_t entry_id) {
    return tx.execute(kDeleteEntry, {school_id, entry_id}) > 0;
}

bool entry_has_changes(storage::Transaction& tx, std::int64_t entry_id) {
    return tx.query_one(kEntryHasChanges, {entry_id}).has_value();
}

std::vector<Change> changes_between(storage::Transaction& tx, std::int64_t school_id, Date from, Date to) {
    std::vector<Change> out;
    std::string f = format_date(from), t = format_date(to);
    for (const auto& r : tx.query(kChangesBetween, {school_id, f, t, f, t})) out.push_back(change_of(r));
    return out;
}

std::optional<Change> find_change(storage::Transaction& tx, std::int64_t school_id, std::int64_t change_id) {
    auto r = tx.query_one(kFindChange, {school_id, change_id});
    if (!r) return std::nullopt;
    return change_of(*r);
}

std::int64_t insert_change(storage::Transaction& tx, std::int64_t school_id, const Change& c) {
    return tx
        .query_one(kInsertChange,
                   {school_id, std::string(to_string(c.kind)), format_date(c.date), c.lesson_number, c.entry_id,
                    c.substitute_teacher_id, c.subject_id, c.room_id, date_value(c.moved_to_date),
                    c.moved_to_lesson ? storage::Value(*c.moved_to_lesson) : storage::Value(), c.assignment_id, c.note,
                    Clock::now()})
        ->at(0)
        .as_int();
}

bool delete_change(storage::Transaction& tx, std::int64_t school_id, std::int64_t change_id) {
    return tx.execute(kDeleteChange, {school_id, change_id}) > 0;
}

}  // namespace kreda::timetable::store
