// The people module's SQL.
#pragma once

#include "modules/people/people.hpp"

namespace kreda::people::store {

std::optional<User> find_user(storage::Transaction& tx, std::int64_t user_id);
std::vector<User> staff_of(storage::Transaction& tx, std::int64_t school_id);
bool login_taken(storage::Transaction& tx, const std::string& login);
std::int64_t insert_user(storage::Transaction& tx, const NewAccount& account, const std::string& activation_hash);
void update_user(storage::Transaction& tx, const User& user);
//! Replaces the account's credentials with a new activation code (the own password is forgotten).
void set_activation(storage::Transaction& tx, std::int64_t user_id, const std::string& activation_hash);

void insert_student(storage::Transaction& tx, std::int64_t user_id, std::int64_t school_id, std::int64_t class_id);
std::optional<StudentSummary> find_student(storage::Transaction& tx, std::int64_t student_id);
std::vector<StudentSummary> students_of(storage::Transaction& tx, std::int64_t school_id,
                                        std::optional<std::int64_t> class_id);
std::vector<StudentSummary> children_of(storage::Transaction& tx, std::int64_t parent_id);
//! Fills `parents` of each student.
void attach_parents(storage::Transaction& tx, std::vector<StudentSummary>& students);

bool is_guardian(storage::Transaction& tx, std::int64_t parent_id, std::int64_t student_id);
void insert_guardianship(storage::Transaction& tx, std::int64_t school_id, std::int64_t parent_id,
                         std::int64_t student_id);
bool delete_guardianship(storage::Transaction& tx, std::int64_t school_id, std::int64_t parent_id,
                         std::int64_t student_id);
bool class_exists(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id);
std::string class_name(storage::Transaction& tx, std::int64_t class_id);

}  // namespace kreda::people::store
