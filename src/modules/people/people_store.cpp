#include "modules/people/people_store.hpp"

#include <map>

#include "core/clock.hpp"

namespace kreda::people::store {

namespace {

constexpr std::string_view kUserColumns =
    "u.id, u.school_id, u.login, u.role, u.first_name, u.last_name, u.email, u.active, "
    "u.password_hash IS NOT NULL, u.totp_enabled";
const std::string kFindUser = "SELECT " + std::string(kUserColumns) + " FROM users u WHERE u.id = ?";
const std::string kStaffOf = "SELECT " + std::string(kUserColumns) +
                             " FROM users u WHERE u.school_id = ? AND u.role NOT IN ('parent', 'student') "
                             "ORDER BY u.last_name, u.first_name, u.id";
constexpr std::string_view kLoginTaken = "SELECT 1 FROM users WHERE login = ?";
constexpr std::string_view kInsertUser =
    "INSERT INTO users (school_id, login, role, first_name, last_name, email, activation_hash, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateUser =
    "UPDATE users SET first_name = ?, last_name = ?, email = ?, active = ? WHERE id = ?";
constexpr std::string_view kSetActivation =
    "UPDATE users SET activation_hash = ?, password_hash = NULL, totp_enabled = 0, totp_secret = NULL WHERE id = ?";
constexpr std::string_view kInsertStudent = "INSERT INTO students (user_id, school_id, class_id) VALUES (?, ?, ?)";
const std::string kStudentSelect =
    "SELECT u.id, s.school_id, u.login, u.first_name, u.last_name, s.class_id, COALESCE(c.name, ''), u.active, "
    "u.password_hash IS NOT NULL, s.register_number FROM students s JOIN users u ON u.id = s.user_id "
    "LEFT JOIN classes c ON c.id = s.class_id ";
const std::string kFindStudent = kStudentSelect + "WHERE s.user_id = ?";
const std::string kStudentsOfSchool =
    kStudentSelect + "WHERE s.school_id = ? ORDER BY c.name, u.last_name, u.first_name, u.id";
const std::string kStudentsOfClass =
    kStudentSelect + "WHERE s.school_id = ? AND s.class_id = ? ORDER BY s.register_number, u.last_name, u.first_name, u.id";
const std::string kChildrenOf = kStudentSelect +
                                "JOIN guardianships g ON g.student_id = s.user_id WHERE g.parent_id = ? "
                                "ORDER BY u.first_name, u.id";
const std::string kParentsOfSchool = "SELECT g.student_id, " + std::string(kUserColumns) +
                                     " FROM guardianships g JOIN users u ON u.id = g.parent_id "
                                     "WHERE g.school_id = ? ORDER BY u.last_name, u.id";
constexpr std::string_view kIsGuardian = "SELECT 1 FROM guardianships WHERE parent_id = ? AND student_id = ?";
constexpr std::string_view kInsertGuardianship =
    "INSERT INTO guardianships (school_id, parent_id, student_id, created_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kDeleteGuardianship =
    "DELETE FROM guardianships WHERE school_id = ? AND parent_id = ? AND student_id = ?";
constexpr std::string_view kClassExists = "SELECT 1 FROM classes WHERE school_id = ? AND id = ?";
constexpr std::string_view kClassName = "SELECT name FROM classes WHERE id = ?";

User user_of(const storage::Row& r, std::size_t at = 0) {
    User u;
    u.id = r[at].as_int();
    if (!r[at + 1].is_null()) u.school_id = r[at + 1].as_int();
    u.login = r[at + 2].as_text();
    u.role = auth::parse_role(r[at + 3].as_text()).value_or(auth::Role::Student);
    u.first_name = r[at + 4].as_text();
    u.last_name = r[at + 5].as_text();
    if (!r[at + 6].is_null()) u.email = r[at + 6].as_text();
    u.active = r[at + 7].as_bool();
    u.activated = r[at + 8].as_bool();
    u.totp_enabled = r[at + 9].as_bool();
    return u;
}

StudentSummary student_of(const storage::Row& r) {
    StudentSummary s;
    s.id = r[0].as_int();
    s.school_id = r[1].as_int();
    s.login = r[2].as_text();
    s.first_name = r[3].as_text();
    s.last_name = r[4].as_text();
    if (!r[5].is_null()) s.class_id = r[5].as_int();
    s.class_name = r[6].as_text();
    s.active = r[7].as_bool();
    s.activated = r[8].as_bool();
    if (!r[9].is_null()) s.register_number = static_cast<int>(r[9].as_int());
    return s;
}

std::vector<StudentSummary> students(storage::Transaction& tx, std::string_view sql, const storage::Params& params) {
    std::vector<StudentSummary> out;
    for (const auto& row : tx.query(sql, params)) out.push_back(student_of(row));
    return out;
}

}  // namespace

std::optional<User> find_user(storage::Transaction& tx, std::int64_t user_id) {
    auto row = tx.query_one(kFindUser, {user_id});
    if (!row) return std::nullopt;
    return user_of(*row);
}

std::vector<User> staff_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<User> out;
    for (const auto& row : tx.query(kStaffOf, {school_id})) out.push_back(user_of(row));
    return out;
}

bool login_taken(storage::Transaction& tx, const std::string& login) {
    return tx.query_one(kLoginTaken, {login}).has_value();
}

std::int64_t insert_user(storage::Transaction& tx, const NewAccount& a, const std::string& activation_hash) {
    return tx
        .query_one(kInsertUser, {a.school_id, a.login, std::string(auth::to_string(a.role)), a.first_name, a.last_name,
                                 a.email, activation_hash, Clock::now()})
        ->at(0)
        .as_int();
}

void update_user(storage::Transaction& tx, const User& u) {
    tx.execute(kUpdateUser, {u.first_name, u.last_name, u.email, u.active, u.id});
}

void set_activation(storage::Transaction& tx, std::int64_t user_id, const std::string& activation_hash) {
    tx.execute(kSetActivation, {activation_hash, user_id});
}

void insert_student(storage::Transaction& tx, std::int64_t user_id, std::int64_t school_id, std::int64_t class_id) {
    tx.execute(kInsertStudent, {user_id, school_id, class_id});
}

std::optional<StudentSummary> find_student(storage::Transaction& tx, std::int64_t student_id) {
    auto row = tx.query_one(kFindStudent, {student_id});
    if (!row) return std::nullopt;
    return student_of(*row);
}

std::vector<StudentSummary> students_of(storage::Transaction& tx, std::int64_t school_id,
                                        std::optional<std::int64_t> class_id) {
    if (class_id) return students(tx, kStudentsOfClass, {school_id, *class_id});
    return students(tx, kStudentsOfSchool, {school_id});
}

std::vector<StudentSummary> children_of(storage::Transaction& tx, std::int64_t parent_id) {
    return students(tx, kChildrenOf, {parent_id});
}

void attach_parents(storage::Transaction& tx, std::vector<StudentSummary>& list) {
    if (list.empty()) return;
    std::map<std::int64_t, StudentSummary*> by_id;
    for (auto& s : list) by_id[s.id] = &s;
    for (const auto& row : tx.query(kParentsOfSchool, {list.front().school_id}))
        if (auto it = by_id.find(row[0].as_int()); it != by_id.end()) it->second->parents.push_back(user_of(row, 1));
}

bool is_guardian(storage::Transaction& tx, std::int64_t parent_id, std::int64_t student_id) {
    return tx.query_one(kIsGuardian, {parent_id, student_id}).has_value();
}

void insert_guardianship(storage::Transaction& tx, std::int64_t school_id, std::int64_t parent_id,
                         std::int64_t student_id) {
    tx.execute(kInsertGuardianship, {school_id, parent_id, student_id, Clock::now()});
}

bool delete_guardianship(storage::Transaction& tx, std::int64_t school_id, std::int64_t parent_id,
                         std::int64_t student_id) {
    return tx.execute(kDeleteGuardianship, {school_id, parent_id, student_id}) > 0;
}

bool class_exists(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id) {
    return tx.query_one(kClassExists, {school_id, class_id}).has_value();
}

std::string class_name(storage::Transaction& tx, std::int64_t class_id) {
    auto row = tx.query_one(kClassName, {class_id});
    return row ? (*row)[0].as_text() : "";
}

}  // namespace kreda::people::store
