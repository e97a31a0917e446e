// People: accounts of staff, parents and students; guardianship; activation codes and slips.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::people {

struct User {
    std::int64_t id = 0;
    std::optional<std::int64_t> school_id;
    std::string login;
    auth::Role role = auth::Role::Student;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> email;
    bool active = true;
    bool activated = false;  //!< has set an own password
    bool totp_enabled = false;
};

struct StudentSummary {
    std::int64_t id = 0;
    std::int64_t school_id = 0;
    std::string login;
    std::string first_name;
    std::string last_name;
    std::optional<std::int64_t> class_id;
    std::string class_name;
    std::optional<int> register_number;
    bool active = true;
    bool activated = false;
    std::vector<User> parents;
};

struct NewAccount {
    std::optional<std::int64_t> school_id;
    auth::Role role;
    std::string first_name;
    std::string last_name;
    std::optional<std::string> email;
    std::string login;  //!< empty: a fresh 7-digit number
};

struct CreatedAccount {
    User user;
    std::string activation_code;
};

json::object to_json(const User& user);
json::object to_json(const StudentSummary& student);
json::object brief_json(const StudentSummary& student);

//! A fresh one-time activation code, e.g. "k7m2p-x9qtr" (about 49 bits).
std::string new_activation_code();
//! The stored form of an activation code: SHA-256 of its letters and digits, lower-cased.
std::string activation_hash(std::string_view code);

// Services (each checks the actor's rights first).
CreatedAccount create_account(storage::Transaction& tx, const auth::Actor& actor, const NewAccount& account);
CreatedAccount create_staff(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
std::vector<User> list_staff(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                             std::optional<auth::Role> role);
User update_user(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t user_id,
                 const json::object& input);
CreatedAccount reset_credentials(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t user_id);

struct CreatedStudent {
    StudentSummary student;
    User parent;
    std::string student_code;
    std::optional<std::string> parent_code;
};
CreatedStudent create_student(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                              const json::object& input);
struct NewStudent {
    NewAccount student;
    std::int64_t class_id = 0;
    std::optional<std::int64_t> parent_id;  //!< an existing parent (a sibling), or
    std::optional<NewAccount> new_parent;   //!< a new parent account
};
//! The student, their parent account (or the link to an existing one) and guardianship, in the caller's transaction.
CreatedStudent create_student_in(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id,
                                 NewStudent input);
//! Imports a whole school's students with their parents from CSV, all or nothing; errors name the line.
json::object import_students(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                             std::string_view content_type, std::string_view csv_text);
std::vector<StudentSummary> list_students(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                                          std::optional<std::int64_t> class_id);
StudentSummary get_student(Context& ctx, const auth::Actor& actor, std::int64_t student_id);
void link_guardian(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t parent_id,
                   std::int64_t student_id);
void unlink_guardian(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t parent_id,
                     std::int64_t student_id);
//! New slips for the class's accounts that have not set a password yet.
json::object issue_slips(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t class_id);
//! The school's staff, in the caller's transaction (for other modules' services: no permission check).
std::vector<User> staff_of(storage::Transaction& tx, std::int64_t school_id);
//! The students of a class in register order, in the caller's transaction (no permission check).
std::vector<StudentSummary> students_of_class(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id);
//! One student, in the caller's transaction (no permission check).
std::optional<StudentSummary> find_student(storage::Transaction& tx, std::int64_t student_id);
//! Throws 404 unless the actor may see this student (themself, their guardian, the school's staff).
StudentSummary require_student(storage::Transaction& tx, const auth::Actor& actor, std::int64_t student_id);
//! GET /me: the user, their school, the students they may see, the session's CSRF token and pending steps.
json::object me(Context& ctx, const auth::Actor& actor);
//! The students the actor may see: a parent's children, a student themself.
std::vector<StudentSummary> visible_students(Context& ctx, const auth::Actor& actor);
std::vector<StudentSummary> visible_students(storage::Transaction& tx, const auth::Actor& actor);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::people
