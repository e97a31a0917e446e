#include "modules/people/signin_store.hpp"

namespace kreda::people::store {

namespace {
const std::string kCredentials =
    "SELECT u.id, u.school_id, u.role, u.active, u.password_hash, u.activation_hash, u.totp_secret, u.totp_enabled, "
    "COALESCE(sc.require_staff_totp, 0), u.login FROM users u LEFT JOIN schools sc ON sc.id = u.school_id ";
const std::string kByLogin = kCredentials + "WHERE u.login = ?";
const std::string kById = kCredentials + "WHERE u.id = ?";
constexpr std::string_view kSetPassword =
    "UPDATE users SET password_hash = ?, activation_hash = NULL, password_changed_at = ? WHERE id = ?";
constexpr std::string_view kSetTotpSecret = "UPDATE users SET totp_secret = ?, totp_enabled = 0 WHERE id = ?";
constexpr std::string_view kEnableTotp = "UPDATE users SET totp_enabled = 1, totp_last_step = ? WHERE id = ?";
constexpr std::string_view kDisableTotp = "UPDATE users SET totp_enabled = 0, totp_secret = NULL WHERE id = ?";
constexpr std::string_view kClaimStep = "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?";
constexpr std::string_view kDeleteRecovery = "DELETE FROM recovery_codes WHERE user_id = ?";
constexpr std::string_view kInsertRecovery = "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)";
constexpr std::string_view kUseRecovery =
    "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL";

std::optional<std::string> optional_text(const storage::Value& v) {
    if (v.is_null()) return std::nullopt;
    return v.as_text();
}

std::optional<Credentials> credentials(storage::Transaction& tx, std::string_view sql, const storage::Params& params) {
    auto row = tx.query_one(sql, params);
    if (!row) return std::nullopt;
    const auto& r = *row;
    Credentials c;
    c.user_id = r[0].as_int();
    if (!r[1].is_null()) c.school_id = r[1].as_int();
    c.role = r[2].as_text();
    c.active = r[3].as_bool();
    c.password_hash = optional_text(r[4]);
    c.activation_hash = optional_text(r[5]);
    c.totp_secret = optional_text(r[6]);
    c.totp_enabled = r[7].as_bool();
    c.school_requires_totp = r[8].as_bool();
    c.login = r[9].as_text();
    return c;
}
}  // namespace

std::optional<Credentials> credentials_by_login(storage::Transaction& tx, const std::string& login) {
    return credentials(tx, kByLogin, {login});
}

std::optional<Credentials> credentials_by_id(storage::Transaction& tx, std::int64_t user_id) {
    return credentials(tx, kById, {user_id});
}

void set_password_hash(storage::Transaction& tx, std::int64_t user_id, const std::string& hash, std::int64_t now) {
    tx.execute(kSetPassword, {hash, now, user_id});
}

void set_totp_secret(storage::Transaction& tx, std::int64_t user_id, const std::string& secret) {
    tx.execute(kSetTotpSecret, {secret, user_id});
}

void enable_totp(storage::Transaction& tx, std::int64_t user_id, std::int64_t step) {
    tx.execute(kEnableTotp, {step, user_id});
}

void disable_totp(storage::Transaction& tx, std::int64_t user_id) {
    tx.execute(kDisableTotp, {user_id});
    tx.execute(kDeleteRecovery, {user_id});
}

bool claim_totp_step(storage::Transaction& tx, std::int64_t user_id, std::int64_t step) {
    return tx.execute(kClaimStep, {step, user_id, step}) == 1;
}

void replace_recovery_codes(storage::Transaction& tx, std::int64_t user_id, const std::vector<std::string>& hashes) {
    tx.execute(kDeleteRecovery, {user_id});
    for (const auto& hash : hashes) tx.execute(kInsertRecovery, {user_id, hash});
}

bool use_recovery_code(storage::Transaction& tx, std::int64_t user_id, const std::string& hash, std::int64_t now) {
    return tx.execute(kUseRecovery, {now, user_id, hash}) == 1;
}

}  // namespace kreda::people::store
