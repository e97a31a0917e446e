// Forgotten passwords: a single-use, hour-long link by e-mail to the address on the account.
#include "auth/passwords.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/mail/mail.hpp"
#include "modules/people/signin.hpp"
#include "modules/people/signin_store.hpp"

namespace kreda::people {

namespace {

constexpr std::int64_t kLinkSeconds = 60 * 60;

const Text kBadLink{"Ten link wygasł albo został już użyty. Poproś o nowy.",
                    "This link has expired or has been used. Ask for a new one."};

void audit_reset(storage::Transaction& tx, std::int64_t user_id, std::optional<std::int64_t> school_id,
                 const std::string& login, const std::string& address, std::string action) {
    audit::append(tx, audit::Entry{school_id, user_id, login, address, std::move(action), "user", user_id, std::nullopt,
                                   std::nullopt});
}

}  // namespace

void request_password_reset(Context& ctx, const std::string& login_or_email, const std::string& address,
                            Language language) {
    bool by_email = login_or_email.find('@') != std::string::npos;
    std::string key = "reset:" + (by_email ? login_or_email : normal_login(login_or_email));
    std::int64_t now = Clock::now();
    if (auto wait = ctx.limiter.retry_after(key, address, now); wait > 0)
        throw errors::too_many_attempts(static_cast<int>(wait));
    ctx.limiter.record_failure(key, address, now);  // every request counts: a mailbox is not to be flooded
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto accounts = tx.query(
            std::string("SELECT id, school_id, login, first_name, email FROM users WHERE active = 1 AND email IS NOT "
                        "NULL AND email <> '' AND password_hash IS NOT NULL AND ") +
                (by_email ? "lower(email) = lower(?)" : "login = ?"),
            {by_email ? login_or_email : normal_login(login_or_email)});
        for (const auto& r : accounts) {
            std::string token = crypto::random_hex(32);
            tx.execute("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                       {crypto::sha256_hex(token), r[0].as_int(), now, now + kLinkSeconds});
            // The token after '#': browsers never send it to a server, so it stays out of logs and Referer headers.
            mail::enqueue(tx, mail::render("password_reset", language, r[4].as_text(),
                                           {{"name", r[3].as_text()},
                                            {"login", r[2].as_text()},
                                            {"link", ctx.settings.public_url + "/reset-password#" + token}}));
            std::optional<std::int64_t> school;
            if (!r[1].is_null()) school = r[1].as_int();
            audit_reset(tx, r[0].as_int(), school, r[2].as_text(), address, "auth.password_reset_requested");
        }
    });
}

void reset_password(Context& ctx, const std::string& token, const std::string& password, const std::string& address) {
    std::int64_t now = Clock::now();
    if (auto wait = ctx.limiter.retry_after("reset-link:" + address, address, now); wait > 0)
        throw errors::too_many_attempts(static_cast<int>(wait));
    std::optional<store::Credentials> who;
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        auto row = tx->query_one(
            "SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND "
            "expires_at > ?",
            {crypto::sha256_hex(token), now});
        if (row) who = store::credentials_by_id(*tx, (*row)[0].as_int());
    }
    if (!who || !who->active) {
        ctx.limiter.record_failure("reset-link:" + address, address, now);
        throw ApiError(422, "link_invalid", kBadLink, {{"token", kBadLink}});
    }
    if (auto weakness = auth::password_weakness(password, who->login)) throw errors::invalid({{"password", *weakness}});
    std::string hash = auth::hash_password(password);  // argon2id, on the hashing pool
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        // Used at most once, also when two requests race: only the one that marks it goes on.
        if (tx.execute("UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                       {now, crypto::sha256_hex(token)}) != 1)
            throw ApiError(422, "link_invalid", kBadLink, {{"token", kBadLink}});
        tx.execute("DELETE FROM password_resets WHERE user_id = ? AND used_at IS NULL", {who->user_id});
        store::set_password_hash(tx, who->user_id, hash, now);
        ctx.sessions.end_all(tx, who->user_id);
        audit_reset(tx, who->user_id, who->school_id, who->login, address, "user.password_reset");
    });
}

}  // namespace kreda::people
