// Passwords: argon2id hashing (libsodium; callers run it on the worker pool) and the strength rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace kreda::auth {

//! argon2id with t=2 and 19 MiB, the encoded string (algorithm, parameters and salt included).
std::string hash_password(std::string_view password);
bool verify_password(std::string_view encoded_hash, std::string_view password);
//! Spends the same time as a real verification, so that unknown logins cannot be told apart by timing.
void verify_dummy_password(std::string_view password);
//! Why a new password is refused (too short, too common, the login itself), or nothing when it is fine.
std::optional<Text> password_weakness(std::string_view password, std::string_view login);
//! True when the password is in the list of common passwords (case-insensitive).
bool is_common_password(std::string_view password);

}  // namespace kreda::auth
