// Signing up, activating, and deleting what was never activated.
#include "auth/passwords.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "modules/audit/audit.hpp"
#include "modules/family/family.hpp"
#include "modules/family/family_support.hpp"
#include "modules/mail/mail.hpp"
#include "modules/people/signin.hpp"

namespace kreda::family {

namespace {

constexpr std::string_view kFindLogin =
    "SELECT u.id, f.user_id, f.activated_at, f.age_bracket, f.parent_email, f.activation_expires_at, f.language "
    "FROM users u LEFT JOIN family_accounts f ON f.user_id = u.id WHERE u.login = ?";
constexpr std::string_view kInsertUser =
    "INSERT INTO users (school_id, login, role, first_name, last_name, email, password_hash, active, created_at, "
    "password_changed_at) VALUES (NULL, ?, 'family', '', '', ?, ?, 0, ?, ?) RETURNING id";
constexpr std::string_view kInsertAccount =
    "INSERT INTO family_accounts (user_id, age_bracket, parent_email, terms_version, created_at, activation_hash, "
    "activation_expires_at, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kNewToken = "UPDATE family_accounts SET activation_hash = ? WHERE user_id = ?";
constexpr std::string_view kFindToken =
    "SELECT f.user_id, f.age_bracket, f.activation_expires_at, u.login FROM family_accounts f "
    "JOIN users u ON u.id = f.user_id WHERE f.activation_hash = ? AND f.activated_at IS NULL";
constexpr std::string_view kActivate =
    "UPDATE family_accounts SET activated_at = ?, activation_hash = NULL WHERE user_id = ?";
constexpr std::string_view kEnableUser = "UPDATE users SET active = 1 WHERE id = ?";
constexpr std::string_view kExpired =
    "SELECT user_id FROM family_accounts WHERE activated_at IS NULL AND activation_expires_at <= ?";
constexpr std::string_view kDeleteAccount = "DELETE FROM users WHERE id = ? AND role = 'family'";

const Text kBadEmail{"Niepoprawny adres e-mail.", "Invalid e-mail address."};
const Text kBadLink{"Ten link jest nieważny albo został już użyty.", "This link is invalid or has been used."};
const Text kLinkExpired{"Minęło 14 dni: ten link wygasł, a konto zostanie usunięte. Załóż je ponownie.",
                        "14 days have passed: this link has expired and the account will be deleted. Sign up again."};

std::string day_of(std::int64_t instant) {
    return format_instant(instant).substr(0, 10);
}

//! The activation mail: to the account's own address, or under 13 to the parent's, who confirms.
void mail_activation(Context& ctx, storage::Transaction& tx, const std::string& email, const std::string& bracket,
                     const std::string& parent_email, const std::string& token, std::int64_t expires,
                     Language language) {
    std::map<std::string, std::string> values{
        {"email", email}, {"link", ctx.settings.public_url + "/activate#" + token}, {"deadline", day_of(expires)}};
    if (bracket == "under_13")
        mail::enqueue(tx, mail::render("family_parent_consent", language, parent_email, values));
    else
        mail::enqueue(tx, mail::render("family_activation", language, email, values));
}

struct SignUp {
    std::string email, password, bracket, parent_email;
};

SignUp read_sign_up(const json::object& input) {
    json::FieldReader fields(input);
    SignUp s;
    s.email = people::normal_login(fields.text("email", 254));
    if (!s.email.empty() && !plausible_email(s.email)) fields.fail("email", kBadEmail);
    s.password = fields.text("password", 256);
    s.bracket = fields.text("age_bracket", 10);
    if (!s.bracket.empty() && s.bracket != "under_13" && s.bracket != "13_17" && s.bracket != "18_plus")
        fields.fail("age_bracket", {"Wybierz przedział wieku.", "Choose an age bracket."});
    s.parent_email = people::normal_login(fields.optional_text("parent_email", 254).value_or(""));
    if (s.bracket == "under_13") {
        if (s.parent_email.empty())
            fields.fail("parent_email",
                        {"Poniżej 13 lat podaj adres e-mail rodzica.", "Under 13, give a parent's e-mail address."});
        else if (!plausible_email(s.parent_email))
            fields.fail("parent_email", kBadEmail);
        else if (s.parent_email == s.email)
            fields.fail("parent_email",
                        {"Adres rodzica musi być inny niż Twój.", "The parent's address must differ from yours."});
    }
    if (fields.optional_bool("accept_terms") != true)
        fields.fail("accept_terms", {"Zaakceptuj regulamin, aby założyć konto.", "Accept the terms to sign up."});
    if (!s.password.empty())
        if (auto weakness = auth::password_weakness(s.password, s.email)) fields.fail("password", *weakness);
    fields.check();
    return s;
}

}  // namespace

bool plausible_email(const std::string& email) {
    auto at = email.find('@');
    return at != std::string::npos && at > 0 && email.find('@', at + 1) == std::string::npos &&
           email.find('.', at) != std::string::npos && email.back() != '.' &&
           email.find_first_of(" \t\r\n,;<>\"") == std::string::npos;
}

void require_family_account(const auth::Actor& actor) {
    if (!actor.family_id)
        throw ApiError(403, "family_account_required",
                       {"To jest dostępne po zalogowaniu na konto rodzinne.",
                        "This is for family accounts: sign in with your e-mail address."});
}

std::string require_own_password(Context& ctx, const auth::Actor& actor, const std::string& password) {
    require_family_account(actor);
    std::string login;
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        login = tx->query_one("SELECT login FROM users WHERE id = ?", {actor.family_id})->at(0).as_text();
    }
    std::int64_t now = Clock::now();
    if (auto wait = ctx.limiter.retry_after(login, actor.address, now); wait > 0)
        throw errors::too_many_attempts(static_cast<int>(wait));
    auto verified = people::verify_own_password(ctx, login, password);  // argon2id: on the hashing pool
    if (!verified || verified->user_id != actor.family_id) {
        ctx.limiter.record_failure(login, actor.address, now);
        Text wrong{"Hasło jest nieprawidłowe.", "The password is wrong."};
        throw ApiError(422, "invalid_input", wrong, {{"password", wrong}});
    }
    return login;
}

void register_account(Context& ctx, const json::object& input, const std::string& address, Language language) {
    SignUp s = read_sign_up(input);
    std::int64_t now = Clock::now();
    // Every sign-up counts (nobody's mailbox is to be flooded), per address in a bucket of its own: a parents'
    // evening signing up on the school's network must not slow that network's sign-ins.
    std::string key = "register:" + s.email, from = "register:" + address;
    if (auto wait = ctx.limiter.retry_after(key, from, now); wait > 0)
        throw errors::too_many_attempts(static_cast<int>(wait));
    ctx.limiter.record_failure(key, from, now);
    std::string hash = auth::hash_password(s.password);  // argon2id, on the hashing pool
    std::string token = crypto::random_hex(32);
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto existing = tx.query_one(kFindLogin, {s.email});
        if (!existing) {
            std::int64_t expires = now + kActivationSeconds;
            auto id = tx.query_one(kInsertUser, {s.email, s.email, hash, now, now})->at(0).as_int();
            std::optional<std::string> parent;
            if (s.bracket == "under_13") parent = s.parent_email;
            tx.execute(kInsertAccount,
                       {id, s.bracket, parent, std::string(kTermsVersion), now, crypto::sha256_hex(token), expires,
                        std::string(language == Language::English ? "en" : "pl")});
            mail_activation(ctx, tx, s.email, s.bracket, s.parent_email, token, expires, language);
            return;
        }
        const storage::Row& r = *existing;
        if (!r[1].is_null() && r[2].is_null()) {
            // Not activated yet: a new link to where the first went. The password and the parent's address stay
            // as first given, so signing up again cannot take over an account someone else is about to activate.
            tx.execute(kNewToken, {crypto::sha256_hex(token), r[0].as_int()});
            std::string parent = r[4].is_null() ? "" : r[4].as_text();
            mail_activation(ctx, tx, s.email, r[3].as_text(), parent, token, r[5].as_int(),
                            language_from_code(r[6].as_text()));
            return;
        }
        mail::enqueue(tx, mail::render("family_already_registered", language, s.email,
                                       {{"signin", ctx.settings.public_url + "/login"},
                                        {"reset", ctx.settings.public_url + "/forgot-password"}}));
    });
}

json::object activate(Context& ctx, const json::object& input, const std::string& address) {
    json::FieldReader fields(input);
    std::string token = fields.text("token", 128);
    bool parent_confirms = fields.optional_bool("parent_confirms").value_or(false);
    fields.check();
    std::int64_t now = Clock::now();
    if (auto wait = ctx.limiter.retry_after("family-activation:" + address, address, now); wait > 0)
        throw errors::too_many_attempts(static_cast<int>(wait));
    auto tx = ctx.db.begin(storage::Access::Write);
    auto row = tx->query_one(kFindToken, {crypto::sha256_hex(token)});
    if (!row) {
        ctx.limiter.record_failure("family-activation:" + address, address, now);
        throw ApiError(422, "link_invalid", kBadLink, {{"token", kBadLink}});
    }
    std::int64_t id = (*row)[0].as_int();
    std::string email = (*row)[3].as_text();
    if ((*row)[2].as_int() <= now) throw ApiError(422, "activation_expired", kLinkExpired, {{"token", kLinkExpired}});
    if ((*row)[1].as_text() == "under_13" && !parent_confirms) {
        Text ask{"Konto " + email + " założyła osoba poniżej 13 lat: potwierdź zgodę jako rodzic.",
                 "The account " + email + " belongs to someone under 13: confirm your consent as the parent."};
        throw ApiError(422, "parent_confirmation_required", ask, {{"parent_confirms", ask}});
    }
    tx->execute(kActivate, {now, id});
    tx->execute(kEnableUser, {id});
    tx->commit();
    log::info("a family account was activated");
    return json::object{{"email", email}, {"parent_confirmed", (*row)[1].as_text() == "under_13"}};
}

void create_ready_account(Context& ctx, const std::string& email, const std::string& password,
                          const std::vector<std::int64_t>& linked_user_ids) {
    std::string hash = auth::hash_password(password);
    std::int64_t now = Clock::now();
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto existing = tx.query_one("SELECT id FROM users WHERE login = ? AND role = 'family'", {email});
        std::int64_t id = existing ? (*existing)[0].as_int()
                                   : tx.query_one(kInsertUser, {email, email, hash, now, now})->at(0).as_int();
        tx.execute("UPDATE users SET password_hash = ?, active = 1 WHERE id = ?", {hash, id});
        tx.execute(
            "INSERT INTO family_accounts (user_id, age_bracket, terms_version, created_at, activation_expires_at, "
            "activated_at) VALUES (?, '18_plus', ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING",
            {id, std::string(kTermsVersion), now, now, now});
        for (auto user_id : linked_user_ids)
            tx.execute(
                "INSERT INTO family_links (family_id, user_id, consent_version, consent_at, consent_address) "
                "VALUES (?, ?, ?, ?, 'kreda-demo') ON CONFLICT (family_id, user_id) DO NOTHING",
                {id, user_id, std::string(kConsentVersion), now});
    });
}

void delete_account(Context& ctx, const auth::Actor& actor, const json::object& input) {
    require_family_account(actor);  // before the body is read
    json::FieldReader fields(input);
    std::string password = fields.text("password", 256);
    fields.check();
    std::string login = require_own_password(ctx, actor, password);
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        // The school's history keeps that each link ended; the account and all it held go (links, sessions,
        // devices and password links cascade with it).
        for (const auto& r :
             tx.query("SELECT l.user_id, u.school_id FROM family_links l JOIN users u ON u.id = l.user_id "
                      "WHERE l.family_id = ?",
                      {actor.family_id}))
            audit::append(tx, audit::Entry{r[1].as_int(), actor.family_id, login, actor.address, "family.unlink",
                                           "user", r[0].as_int(), std::nullopt, std::nullopt});
        ctx.sessions.refresh_user(tx, actor.family_id);
        tx.execute(kDeleteAccount, {actor.family_id});
    });
    log::info("a family account was deleted by its owner");
}

int delete_unactivated(storage::Database& db) {
    std::int64_t now = Clock::now();
    {  // mostly there is nothing to delete: look without taking the writer's lock
        auto read = db.begin(storage::Access::Read);
        if (read->query(kExpired, {now}).empty()) return 0;
    }
    int deleted = in_write_transaction(db, [&](storage::Transaction& tx) {
        auto expired = tx.query(kExpired, {now});
        for (const auto& r : expired) tx.execute(kDeleteAccount, {r[0].as_int()});  // cascades to all it holds
        return static_cast<int>(expired.size());
    });
    if (deleted > 0) log::info("deleted " + std::to_string(deleted) + " family account(s) not activated in 14 days");
    return deleted;
}

}  // namespace kreda::family
