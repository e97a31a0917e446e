// Classes and groups.
#include "modules/organisation/organisation_store.hpp"

#include <map>

namespace kreda::organisation::store {

namespace {
const std::string kClassSelect =
    "SELECT c.id, c.name, (SELECT COUNT(*) FROM students s WHERE s.class_id = c.id), c.homeroom_teacher_id, "
    "t.first_name, t.last_name FROM classes c LEFT JOIN users t ON t.id = c.homeroom_teacher_id ";
const std::string kClassesOf = kClassSelect + "WHERE c.school_id = ? ORDER BY c.name";
const std::string kFindClass = kClassSelect + "WHERE c.school_id = ? AND c.id = ?";
const std::string kClassByName = kClassSelect + "WHERE c.school_id = ? AND LOWER(c.name) = LOWER(?)";
constexpr std::string_view kClassNames = "SELECT id, name FROM classes WHERE school_id = ?";
constexpr std::string_view kInsertClass = "INSERT INTO classes (school_id, name) VALUES (?, ?) RETURNING id";
constexpr std::string_view kUpdateClass = "UPDATE classes SET name = ?, homeroom_teacher_id = ? WHERE id = ?";
constexpr std::string_view kStaffRole =
    "SELECT role FROM users WHERE school_id = ? AND id = ? AND role NOT IN ('parent', 'student') AND active = 1";
constexpr std::string_view kStudentsOfClass =
    "SELECT u.id, u.first_name, u.last_name FROM students s JOIN users u ON u.id = s.user_id "
    "WHERE s.school_id = ? AND s.class_id = ?";
constexpr std::string_view kSetRegisterNumber = "UPDATE students SET register_number = ? WHERE user_id = ?";
const std::string kGroupSelect =
    "SELECT g.id, g.class_id, c.name, g.name FROM class_groups g JOIN classes c ON c.id = g.class_id ";
const std::string kGroupsOfSchool = kGroupSelect + "WHERE g.school_id = ? ORDER BY c.name, g.name";
const std::string kGroupsOfClass = kGroupSelect + "WHERE g.school_id = ? AND g.class_id = ? ORDER BY g.name";
const std::string kFindGroup = kGroupSelect + "WHERE g.school_id = ? AND g.id = ?";
constexpr std::string_view kMembersOfSchool =
    "SELECT m.group_id, m.student_id FROM group_members m JOIN class_groups g ON g.id = m.group_id "
    "WHERE g.school_id = ? ORDER BY m.student_id";
constexpr std::string_view kInsertGroup =
    "INSERT INTO class_groups (school_id, class_id, name) VALUES (?, ?, ?) RETURNING id";
constexpr std::string_view kDeleteMembers = "DELETE FROM group_members WHERE group_id = ?";
constexpr std::string_view kInsertMember = "INSERT INTO group_members (group_id, student_id) VALUES (?, ?)";
constexpr std::string_view kGroupsOfStudent = "SELECT group_id FROM group_members WHERE student_id = ?";

SchoolClass class_of(const storage::Row& r) {
    SchoolClass c{r[0].as_int(), r[1].as_text(), r[2].as_int(), std::nullopt};
    if (!r[3].is_null()) c.homeroom_teacher = PersonRef{r[3].as_int(), r[4].as_text(), r[5].as_text()};
    return c;
}

std::optional<SchoolClass> one_class(storage::Transaction& tx, std::string_view sql, const storage::Params& params) {
    auto row = tx.query_one(sql, params);
    if (!row) return std::nullopt;
    return class_of(*row);
}

Group group_of(const storage::Row& r) {
    return {r[0].as_int(), r[1].as_int(), r[2].as_text(), r[3].as_text(), {}};
}

void attach_members(storage::Transaction& tx, std::int64_t school_id, std::vector<Group>& groups) {
    std::map<std::int64_t, Group*> by_id;
    for (auto& g : groups) by_id[g.id] = &g;
    for (const auto& r : tx.query(kMembersOfSchool, {school_id}))
        if (auto it = by_id.find(r[0].as_int()); it != by_id.end()) it->second->student_ids.push_back(r[1].as_int());
}
}  // namespace

std::vector<SchoolClass> class_names_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<SchoolClass> out;
    for (const auto& r : tx.query(kClassNames, {school_id}))
        out.push_back({r[0].as_int(), r[1].as_text(), 0, std::nullopt});
    return out;
}

std::vector<Group> group_names_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<Group> out;
    for (const auto& row : tx.query(kGroupsOfSchool, {school_id})) out.push_back(group_of(row));
    return out;
}

std::vector<SchoolClass> classes_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<SchoolClass> out;
    for (const auto& row : tx.query(kClassesOf, {school_id})) out.push_back(class_of(row));
    return out;
}

std::optional<SchoolClass> find_class(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id) {
    return one_class(tx, kFindClass, {school_id, class_id});
}

std::optional<SchoolClass> find_class_by_name(storage::Transaction& tx, std::int64_t school_id,
                                              const std::string& name) {
    return one_class(tx, kClassByName, {school_id, name});
}

std::int64_t insert_class(storage::Transaction& tx, std::int64_t school_id, const std::string& name) {
    return tx.query_one(kInsertClass, {school_id, name})->at(0).as_int();
}

void update_class(storage::Transaction& tx, std::int64_t class_id, const std::string& name,
                  std::optional<std::int64_t> homeroom_teacher_id) {
    tx.execute(kUpdateClass, {name, homeroom_teacher_id, class_id});
}

std::optional<std::string> staff_role(storage::Transaction& tx, std::int64_t school_id, std::int64_t user_id) {
    auto row = tx.query_one(kStaffRole, {school_id, user_id});
    if (!row) return std::nullopt;
    return (*row)[0].as_text();
}

std::vector<ClassStudent> students_of_class(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id) {
    std::vector<ClassStudent> out;
    for (const auto& r : tx.query(kStudentsOfClass, {school_id, class_id}))
        out.push_back({r[0].as_int(), r[1].as_text(), r[2].as_text()});
    return out;
}

void set_register_number(storage::Transaction& tx, std::int64_t student_id, int number) {
    tx.execute(kSetRegisterNumber, {number, student_id});
}

std::vector<Group> groups_of(storage::Transaction& tx, std::int64_t school_id, std::optional<std::int64_t> class_id) {
    std::vector<Group> out;
    auto rows = class_id ? tx.query(kGroupsOfClass, {school_id, *class_id}) : tx.query(kGroupsOfSchool, {school_id});
    for (const auto& row : rows) out.push_back(group_of(row));
    attach_members(tx, school_id, out);
    return out;
}

std::optional<Group> find_group(storage::Transaction& tx, std::int64_t school_id, std::int64_t group_id) {
    auto row = tx.query_one(kFindGroup, {school_id, group_id});
    if (!row) return std::nullopt;
    std::vector<Group> one{group_of(*row)};
    attach_members(tx, school_id, one);
    return one.front();
}

std::int64_t insert_group(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id,
                          const std::string& name) {
    return tx.query_one(kInsertGroup, {school_id, class_id, name})->at(0).as_int();
}

void replace_members(storage::Transaction& tx, std::int64_t group_id, const std::vector<std::int64_t>& student_ids) {
    tx.execute(kDeleteMembers, {group_id});
    for (auto id : student_ids) tx.execute(kInsertMember, {group_id, id});
}

std::vector<std::int64_t> groups_of_student(storage::Transaction& tx, std::int64_t student_id) {
    std::vector<std::int64_t> out;
    for (const auto& r : tx.query(kGroupsOfStudent, {student_id})) out.push_back(r[0].as_int());
    return out;
}

}  // namespace kreda::organisation::store
