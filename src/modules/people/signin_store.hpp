// SQL of sign-in: credentials, TOTP and recovery codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace kreda::people::store {

struct Credentials {
    std::int64_t user_id = 0;
    std::optional<std::int64_t> school_id;
    std::string role;
    bool active = false;
    std::optional<std::string> password_hash;
    std::optional<std::string> activation_hash;
    std::optional<std::string> totp_secret;
    bool totp_enabled = false;
    bool school_requires_totp = false;
    std::string login;
};

std::optional<Credentials> credentials_by_login(storage::Transaction& tx, const std::string& login);
std::optional<Credentials> credentials_by_id(storage::Transaction& tx, std::int64_t user_id);
void set_password_hash(storage::Transaction& tx, std::int64_t user_id, const std::string& hash, std::int64_t now);
void set_totp_secret(storage::Transaction& tx, std::int64_t user_id, const std::string& secret);
void enable_totp(storage::Transaction& tx, std::int64_t user_id, std::int64_t step);
void disable_totp(storage::Transaction& tx, std::int64_t user_id);
//! Records a used TOTP step; false when that step (or a later one) was used already: a replay.
bool claim_totp_step(storage::Transaction& tx, std::int64_t user_id, std::int64_t step);
void replace_recovery_codes(storage::Transaction& tx, std::int64_t user_id, const std::vector<std::string>& hashes);
//! Marks a recovery code used; false when it does not exist or was used already.
bool use_recovery_code(storage::Transaction& tx, std::int64_t user_id, const std::string& hash, std::int64_t now);

}  // namespace kreda::people::store
