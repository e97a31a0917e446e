// A family account moves to a new e-mail address: asked for with the password, confirmed through a link mailed to
// the new address (so nobody moves an account to an address they cannot read), with notices to the old one. A new
// password voids a pending change: the owner who follows the notice's advice also stops whoever asked.
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "modules/family/family.hpp"
#include "modules/family/family_support.hpp"
#include "modules/mail/mail.hpp"
#include "modules/people/signin.hpp"

namespace kreda::family {

namespace {

constexpr std::int64_t kLinkSeconds = 24 * 3600;

constexpr std::string_view kTaken = "SELECT id FROM users WHERE login = ?";
constexpr std::string_view kAccount =
    "SELECT f.language, u.password_hash FROM family_accounts f JOIN users u ON u.id = f.user_id WHERE f.user_id = ?";
// One pending change per account: asking again replaces it (the older link stops working). The seal is a hash of
// the password's hash at the time: any new password makes it differ.
constexpr std::string_view kPending =
    "INSERT INTO family_email_changes (user_id, new_email, token_hash, expires_at, password_seal) VALUES (?, ?, ?, "
    "?, ?) ON CONFLICT (user_id) DO UPDATE SET new_email = excluded.new_email, token_hash = excluded.token_hash, "
    "expires_at = excluded.expires_at, password_seal = excluded.password_seal";
constexpr std::string_view kCancel = "DELETE FROM family_email_changes WHERE user_id = ?";
// Claimed by deleting it: of two confirmations at once, or a confirmation and a new request, one wins.
constexpr std::string_view kClaim =
    "DELETE FROM family_email_changes WHERE token_hash = ? RETURNING user_id, new_email, expires_at, password_seal";
constexpr std::string_view kCurrent =
    "SELECT u.login, u.password_hash, f.language FROM users u JOIN family_accounts f ON f.user_id = u.id "
    "WHERE u.id = ? AND u.role = 'family'";
constexpr std::string_view kMove = "UPDATE users SET login = ?, email = ? WHERE id = ? AND role = 'family'";

const Text kBadLink{"Ten link jest nieważny albo został już użyty.", "This link is invalid or has been used."};
const Text kExpired{"Ten link wygasł (działa 24 godziny).", "This link has expired (it works for 24 hours)."};
const Text kTakenNow{"Ten adres ma już inne konto. Adres konta się nie zmienił.",
                     "Another account has this address now. The account's address did not change."};

std::string seal_of(const storage::Value& password_hash) {
    return crypto::sha256_hex(password_hash.is_null() ? "" : password_hash.as_text());
}

}  // namespace

void request_email_change(Context& ctx, const auth::Actor& actor, const json::object& input) {
    require_family_account(actor);
    json::FieldReader fields(input);
    std::string email = people::normal_login(fields.text("email", 254));
    if (!email.empty() && !plausible_email(email))
        fields.fail("email", {"Niepoprawny adres e-mail.", "Invalid e-mail address."});
    std::string password = fields.text("password", 256);
    fields.check();
    std::string current = require_own_password(ctx, actor, password);
    if (email == current)
        throw errors::invalid({{"email", {"To jest obecny adres konta.", "This is the account's address already."}}});
    // Every request mails someone: counted like sign-ups, per account and per network address.
    std::int64_t now = Clock::now();
    std::string key = "family-email:" + std::to_string(actor.family_id), from = "family-email:" + actor.address;
    if (auto wait = ctx.limiter.retry_after(key, from, now); wait > 0)
        throw errors::too_many_attempts(static_cast<int>(wait));
    ctx.limiter.record_failure(key, from, now);
    std::string token = crypto::random_hex(32);
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto account = tx.query_one(kAccount, {actor.family_id});
        Language language = language_from_code((*account)[0].as_text());
        // The answer is the same when the address is taken: its owner is told instead of getting a link. Either
        // way a link sent earlier (to a mistyped address, say) stops working.
        tx.execute(kCancel, {actor.family_id});
        if (tx.query_one(kTaken, {email})) {
            mail::enqueue(tx, mail::render("family_email_taken", language, email,
                                           {{"signin", ctx.settings.public_url + "/login"}}));
        } else {
            tx.execute(kPending,
                       {actor.family_id, email, crypto::sha256_hex(token), now + kLinkSeconds, seal_of((*account)[1])});
            mail::enqueue(
                tx, mail::render("family_email_change", language, email,
                                 {{"old", current}, {"link", ctx.settings.public_url + "/confirm-email#" + token}}));
        }
        mail::enqueue(tx, mail::render("family_email_notice", language, current,
                                       {{"email", email}, {"reset", ctx.settings.public_url + "/forgot-password"}}));
    });
}

json::object confirm_email_change(Context& ctx, const json::object& input, const std::string& address) {
    json::FieldReader fields(input);
    std::string token = fields.text("token", 128);
    fields.check();
    std::int64_t now = Clock::now();
    // Guessing links is slowed per network address: a guesser elsewhere must not hold up everyone's links.
    std::string key = "family-email-link:" + address;
    if (auto wait = ctx.limiter.retry_after(key, address, now); wait > 0)
        throw errors::too_many_attempts(static_cast<int>(wait));
    auto moved = in_write_transaction(ctx.db, [&](storage::Transaction& tx) -> std::optional<json::object> {
        auto claimed = tx.query_one(kClaim, {crypto::sha256_hex(token)});
        if (!claimed) return std::nullopt;
        std::int64_t user_id = (*claimed)[0].as_int();
        std::string email = (*claimed)[1].as_text();
        auto account = tx.query_one(kCurrent, {user_id});
        if (!account || seal_of((*account)[1]) != (*claimed)[3].as_text())
            return std::nullopt;  // a new password since: the link is used up
        if ((*claimed)[2].as_int() <= now) throw ApiError(422, "link_expired", kExpired, {{"token", kExpired}});
        if (tx.query_one(kTaken, {email})) throw ApiError(409, "email_taken", kTakenNow);
        try {
            tx.execute(kMove, {email, email, user_id});
        } catch (const storage::StorageError& e) {
            if (!e.is_constraint()) throw;
            throw ApiError(409, "email_taken", kTakenNow);  // by a sign-up committed a moment ago
        }
        mail::enqueue(
            tx, mail::render("family_email_moved", language_from_code((*account)[2].as_text()), (*account)[0].as_text(),
                             {{"email", email}, {"reset", ctx.settings.public_url + "/forgot-password"}}));
        ctx.sessions.refresh_user(tx, user_id);
        return json::object{{"email", email}};
    });
    if (!moved) {
        ctx.limiter.record_failure(key, address, now);
        throw ApiError(422, "link_invalid", kBadLink, {{"token", kBadLink}});
    }
    log::info("a family account moved to a new e-mail address");
    return *moved;
}

}  // namespace kreda::family
