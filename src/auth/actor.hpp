// Who is acting: the signed-in user as the services see them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kreda::auth {

//! `Family` is a family account (an e-mail sign-in over linked school accounts) that acts as none of them yet.
enum class Role { Operator, Admin, Director, Secretary, Teacher, Pedagogue, Parent, Student, Family };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
//! Staff are the school's employees (every role but operator, parent, student and family).
bool is_staff(Role role);
//! The school office: admin, director, secretary.
bool is_office(Role role);

//! What a session may do before the user finishes a required step.
//! A family account's session that acts as no linked school account may only manage the family account.
enum class SessionState { Full, MustChangePassword, MustEnrolTotp, FamilyWithoutLink };

struct Actor {
    std::int64_t user_id = 0;  //!< in a family account's session: the linked school account it acts as
    //! The family account behind the session (0: a school or operator account signed in directly).
    std::int64_t family_id = 0;
    std::optional<std::int64_t> school_id;  //!< none for the deployment's operators
    Role role = Role::Student;
    std::string login;
    std::string first_name;
    std::string last_name;
    std::int64_t session_id = 0;
    SessionState state = SessionState::Full;
    std::string address;  //!< the client's address, for the audit history
    std::string csrf_token;
};

}  // namespace kreda::auth
