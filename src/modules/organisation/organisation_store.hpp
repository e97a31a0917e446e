// The organisation module's SQL.
#pragma once

#include <optional>

#include "modules/organisation/organisation.hpp"

namespace kreda::organisation::store {

std::vector<SchoolClass> classes_of(storage::Transaction& tx, std::int64_t school_id);
//! Classes and groups with their names only (no counts, no members).
std::vector<SchoolClass> class_names_of(storage::Transaction& tx, std::int64_t school_id);
std::vector<Group> group_names_of(storage::Transaction& tx, std::int64_t school_id);
std::optional<SchoolClass> find_class(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id);
std::optional<SchoolClass> find_class_by_name(storage::Transaction& tx, std::int64_t school_id,
                                              const std::string& name);
std::int64_t insert_class(storage::Transaction& tx, std::int64_t school_id, const std::string& name);
void update_class(storage::Transaction& tx, std::int64_t class_id, const std::string& name,
                  std::optional<std::int64_t> homeroom_teacher_id);
//! The role of a staff member of the school, or nothing.
std::optional<std::string> staff_role(storage::Transaction& tx, std::int64_t school_id, std::int64_t user_id);
struct ClassStudent {
    std::int64_t id;
    std::string first_name, last_name;
};
std::vector<ClassStudent> students_of_class(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id);
void set_register_number(storage::Transaction& tx, std::int64_t student_id, int number);

std::vector<Group> groups_of(storage::Transaction& tx, std::int64_t school_id, std::optional<std::int64_t> class_id);
std::optional<Group> find_group(storage::Transaction& tx, std::int64_t school_id, std::int64_t group_id);
std::int64_t insert_group(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id,
                          const std::string& name);
void replace_members(storage::Transaction& tx, std::int64_t group_id, const std::vector<std::int64_t>& student_ids);
std::vector<std::int64_t> groups_of_student(storage::Transaction& tx, std::int64_t student_id);

std::vector<Subject> subjects_of(storage::Transaction& tx, std::int64_t school_id);
std::optional<Subject> find_subject(storage::Transaction& tx, std::int64_t school_id, std::int64_t subject_id);
std::int64_t insert_subject(storage::Transaction& tx, std::int64_t school_id, const Subject& subject);
std::vector<Room> rooms_of(storage::Transaction& tx, std::int64_t school_id);
std::int64_t insert_room(storage::Transaction& tx, std::int64_t school_id, const std::string& name);

std::vector<Assignment> assignments_of(storage::Transaction& tx, std::int64_t school_id);
std::int64_t insert_assignment(storage::Transaction& tx, std::int64_t school_id, std::int64_t teacher_id,
                               std::int64_t subject_id, std::int64_t class_id, std::optional<std::int64_t> group_id);
bool delete_assignment(storage::Transaction& tx, std::int64_t school_id, std::int64_t assignment_id);

std::vector<BellLesson> bell_schedule_of(storage::Transaction& tx, std::int64_t school_id);
void replace_bell_schedule(storage::Transaction& tx, std::int64_t school_id, const std::vector<BellLesson>& lessons);

}  // namespace kreda::organisation::store
