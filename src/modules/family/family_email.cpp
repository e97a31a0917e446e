// A family account moves to a new e-mail address: asked for with the password, confirmed through a link mailed to
// the new address (so nobody moves an account to an address they cannot read), with a notice to the old one.
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
constexpr std::string_view kLanguage = "SELECT language FROM family_accounts WHERE user_id = ?";
// One pending change per account: asking again replaces it (the older link stops working).
constexpr std::string_view kPending =
    "INSERT INTO family_email_changes (user_id, new_email, token_hash, expires_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (user_id) DO UPDATE SET new_email = excluded.new_email, token_hash = excluded.token_hash, "
    "expires_at = excluded.expires_at";
constexpr std::string_view kFindPending =
    "SELECT c.user_id, c.new_email, c.expires_at, u.login FROM family_email_changes c JOIN users u ON u.id = "
    "c.user_id WHERE c.token_hash = ?";
constexpr std::string_view kMove = "UPDATE users SET login = ?, email = ? WHERE id = ? AND role = 'family'";
constexpr std::string_view kDone = "DELETE FROM family_email_changes WHERE user_id = ?";

const Text kBadLink{"Ten link jest nieważny albo został już użyty.", "This link is invalid or has been used."};
const Text kExpired{"Ten link wygasł (działa 24 godziny). Poproś o zmianę adresu jeszcze raz.",
                    "This link has expired (it works for 24 hours). Ask for the change again."};
const Text kTakenNow{"Ten adres ma już inne konto. Adres konta się nie zmienił.",
                     "Another account has this address now. The account's address did not change."};

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
    std::string token = crypto::random_hex(32);
    std::int64_t expires = Clock::now() + kLinkSeconds;
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        Language language =
            tx.query_one(kLanguage, {actor.family_id})->at(0).as_text() == "en" ? Language::English : Language::Polish;
        // The answer is the same when the address is taken; its owner is told instead of getting a link.
        if (tx.query_one(kTaken, {email})) {
            mail::enqueue(tx, mail::render("family_email_taken", language, email,
                                           {{"signin", ctx.settings.public_url + "/login"}}));
        } else {
            tx.execute(kPending, {actor.family_id, email, crypto::sha256_hex(token), expires});
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
    if (auto wait = ctx.limiter.retry_after("family-email-link:" + address, address, now); wait > 0)
        throw errors::too_many_attempts(static_cast<int>(wait));
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto row = tx.query_one(kFindPending, {crypto::sha256_hex(token)});
        if (!row) {
            ctx.limiter.record_failure("family-email-link:" + address, address, now);
            throw ApiError(422, "link_invalid", kBadLink, {{"token", kBadLink}});
        }
        std::int64_t user_id = (*row)[0].as_int();
        std::string email = (*row)[1].as_text();
        if ((*row)[2].as_int() <= now) throw ApiError(422, "link_expired", kExpired, {{"token", kExpired}});
        if (tx.query_one(kTaken, {email})) throw ApiError(409, "email_taken", kTakenNow);
        tx.execute(kMove, {email, email, user_id});
        tx.execute(kDone, {user_id});
        ctx.sessions.refresh_user(tx, user_id);
        log::info("a family account moved to a new e-mail address");
        return json::object{{"email", email}};
    });
}

}  // namespace kreda::family
