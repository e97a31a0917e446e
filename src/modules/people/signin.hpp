// Signing in: passwords and one-time activation codes, the first own password, TOTP for staff, sign-out.
#pragma once

#include <optional>
#include <string>

#include "modules/people/people.hpp"

namespace kreda::people {

struct LoginInput {
    std::string login;
    std::string password;             //!< the own password, or the one-time activation code from the slip
    std::optional<std::string> totp;  //!< a 6-digit code or a recovery code
    auth::SessionKind kind = auth::SessionKind::Browser;
    std::string address;
};

struct LoginResult {
    auth::IssuedSession session;
    User user;
    bool must_change_password = false;
    bool must_enrol_totp = false;
};

LoginResult login(Context& ctx, const LoginInput& input);
//! Signs the session out; {push_endpoint} (optional, ignored unless a text) names this browser's push
//! subscription, to silence it too.
void logout(Context& ctx, const auth::Actor& actor, const json::object& input);
User change_password(Context& ctx, const auth::Actor& actor, const json::object& input);
//! Starts TOTP enrolment: {secret, otpauth_uri, qr_svg}. Staff only.
json::object enrol_totp(Context& ctx, const auth::Actor& actor);
//! Confirms enrolment with a first code: {recovery_codes: [...]}.
json::object confirm_totp(Context& ctx, const auth::Actor& actor, const json::object& input);
void disable_totp(Context& ctx, const auth::Actor& actor, const json::object& input);

//! An account whose own password someone has just proven they know.
struct VerifiedAccount {
    std::int64_t user_id = 0;
    std::optional<std::int64_t> school_id;
    auth::Role role = auth::Role::Student;
    std::string login;
    bool active = false;
};
//! The account with this login, when `password` is its own password (not a one-time activation code); argon2id,
//! taking the same time whether or not the login exists. Runs on the hashing pool.
std::optional<VerifiedAccount> verify_own_password(Context& ctx, const std::string& login, const std::string& password);

//! A login as stored: lower case, without spaces.
std::string normal_login(std::string_view login);

// password_reset.cpp
//! A link to set a new password, by e-mail to the address of each active account with this login (or, given an
//! e-mail address, with this address) that has set a password. Answers the same whoever asks (no one learns
//! which logins or addresses exist); 429 when asked too often for one login or from one address.
void request_password_reset(Context& ctx, const std::string& login_or_email, const std::string& address,
                            Language language);
//! Sets the new password through a link: valid for an hour, once; ends every session of the account.
void reset_password(Context& ctx, const std::string& token, const std::string& password, const std::string& address);

//! Sets an own password without the first-sign-in step (the operator's account, the demo's ready sign-ins).
void set_password(storage::Transaction& tx, std::int64_t user_id, const std::string& password);
enum class IfExists { Fail, SetPassword };
//! The deployment's operator account (kreda operator add); an existing operator may get the new password.
User create_operator(Context& ctx, const std::string& login, const std::string& password,
                     IfExists if_exists = IfExists::Fail);

void register_signin_routes(http::Router& router, Context& ctx);

}  // namespace kreda::people
