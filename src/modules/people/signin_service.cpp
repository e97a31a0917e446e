#include "auth/passwords.hpp"
#include "auth/totp.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/people/people_store.hpp"
#include "modules/people/signin.hpp"
#include "modules/people/signin_store.hpp"

namespace kreda::people {

namespace {

const Text kWrongCredentials{"Nieprawidłowy login lub hasło.", "Wrong login or password."};
const Text kWrongCurrent{"Obecne hasło jest nieprawidłowe.", "The current password is wrong."};

}  // namespace

std::string normal_login(std::string_view login) {
    std::string out;
    for (char c : login)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

namespace {

void audit_signin(Context& ctx, const std::optional<store::Credentials>& who, const std::string& login,
                  const std::string& address, std::string action) {
    audit::Entry entry;
    if (who) {
        entry.school_id = who->school_id;
        entry.actor_id = who->user_id;
        entry.object_id = who->user_id;
    }
    entry.actor_login = login;
    entry.address = address;
    entry.action = std::move(action);
    entry.object_type = "user";
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) { audit::append(tx, entry); });
}

//! The password or activation code is right (argon2id: this runs on the worker pool).
bool secret_matches(const std::optional<store::Credentials>& c, const std::string& secret) {
    if (!c) {
        auth::verify_dummy_password(secret);
        return false;
    }
    if (c->password_hash) return auth::verify_password(*c->password_hash, secret);
    auth::verify_dummy_password(secret);  // the same time whether or not the account is activated
    return c->activation_hash && crypto::equal_constant_time(activation_hash(secret), *c->activation_hash);
}

std::string recovery_hash(std::string_view code) {
    return activation_hash(code);
}

ApiError wrong_totp() {
    return ApiError(401, "totp_invalid", {"Nieprawidłowy kod weryfikacyjny.", "Wrong verification code."});
}

}  // namespace

LoginResult login(Context& ctx, const LoginInput& input) {
    std::string login_name = normal_login(input.login);
    std::int64_t now = Clock::now();
    if (auto wait = ctx.limiter.retry_after(login_name, input.address, now); wait > 0)
        throw errors::too_many_attempts(static_cast<int>(wait));
    std::optional<store::Credentials> who;
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        who = store::credentials_by_login(*tx, login_name);
    }
    bool matches = secret_matches(who, input.password);
    if (matches && !who->active && who->role == "family")  // the password is right: no secret to keep
        throw ApiError(403, "account_not_activated",
                       {"Konto nie jest jeszcze aktywne: otwórz link z e-maila aktywacyjnego.",
                        "The account is not active yet: open the link in the activation e-mail."});
    if (!matches || !who->active) {
        ctx.limiter.record_failure(login_name, input.address, now);
        audit_signin(ctx, who, login_name, input.address, "auth.login_failed");
        throw ApiError(401, "invalid_credentials", kWrongCredentials);
    }
    bool second_factor = who->totp_enabled && who->password_hash && who->totp_secret;
    if (second_factor && (!input.totp || input.totp->empty()))
        throw ApiError(401, "totp_required",
                       {"Podaj kod z aplikacji uwierzytelniającej.", "Enter the code from your authenticator app."});
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        if (second_factor) {
            auto step = auth::totp_step_of(*who->totp_secret, *input.totp, now);
            bool ok = step ? store::claim_totp_step(tx, who->user_id, *step)
                           : store::use_recovery_code(tx, who->user_id, recovery_hash(*input.totp), now);
            if (!ok) {
                ctx.limiter.record_failure(login_name, input.address, now);
                audit::Entry entry{who->school_id, who->user_id, login_name,   input.address, "auth.totp_failed",
                                   "user",         who->user_id, std::nullopt, std::nullopt};
                audit::append(tx, entry);
                tx.commit();
                throw wrong_totp();
            }
        }
        ctx.limiter.record_success(login_name);
        LoginResult result;
        result.session = ctx.sessions.create(tx, who->user_id, input.kind, input.address);
        result.user = *store::find_user(tx, who->user_id);
        result.must_change_password = !who->password_hash;
        result.must_enrol_totp = auth::is_staff(result.user.role) && who->school_requires_totp && !who->totp_enabled;
        audit::Entry entry{who->school_id, who->user_id, login_name,   input.address, "auth.login",
                           "user",         who->user_id, std::nullopt, std::nullopt};
        audit::append(tx, entry);
        return result;
    });
}

std::optional<VerifiedAccount> verify_own_password(Context& ctx, const std::string& login,
                                                   const std::string& password) {
    std::optional<store::Credentials> who;
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        who = store::credentials_by_login(*tx, normal_login(login));
    }
    if (!who || !who->password_hash) {
        auth::verify_dummy_password(password);
        return std::nullopt;
    }
    if (!auth::verify_password(*who->password_hash, password)) return std::nullopt;
    return VerifiedAccount{who->user_id, who->school_id, auth::parse_role(who->role).value_or(auth::Role::Student),
                           who->login, who->active};
}

void logout(Context& ctx, const auth::Actor& actor, const json::object& input) {
    // Only a hint: signing out never fails over it (the session must end on a shared computer).
    std::string push_endpoint;
    if (auto hint = input.if_contains("push_endpoint"); hint && hint->is_string() && hint->as_string().size() <= 1000)
        push_endpoint = std::string(hint->as_string());
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        ctx.sessions.sign_out(tx, actor, push_endpoint);
        audit::append(tx, audit::entry_by(actor, "auth.logout", "user", actor.user_id));
    });
}

User change_password(Context& ctx, const auth::Actor& actor, const json::object& input) {
    json::FieldReader fields(input);
    std::string current = fields.optional_text("current_password", 256).value_or("");
    std::string next = fields.text("new_password", 256);
    fields.check();
    // A family account's session changes the family account's password, never the linked school account's.
    std::int64_t own = actor.family_id ? actor.family_id : actor.user_id;
    std::optional<store::Credentials> who;
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        who = store::credentials_by_id(*tx, own);
    }
    std::string login = who ? who->login : actor.login;
    std::int64_t now = Clock::now();
    if (auto wait = ctx.limiter.retry_after(login, actor.address, now); wait > 0)
        throw errors::too_many_attempts(static_cast<int>(wait));
    if (!secret_matches(who, current)) {
        ctx.limiter.record_failure(login, actor.address, now);
        throw errors::invalid({{"current_password", kWrongCurrent}});
    }
    if (auto weakness = auth::password_weakness(next, login)) throw errors::invalid({{"new_password", *weakness}});
    if (next == current)
        throw errors::invalid(
            {{"new_password",
              {"Nowe hasło musi różnić się od obecnego.", "The new password must differ from the current one."}}});
    std::string hash = auth::hash_password(next);
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        store::set_password_hash(tx, own, hash, now);
        ctx.sessions.end_all(tx, own, actor.session_id);
        auto entry = audit::entry_by(actor, who->password_hash ? "user.password_change" : "user.activate", "user", own);
        entry.school_id = who->school_id;
        audit::append(tx, entry);
        return *store::find_user(tx, own);
    });
}

void set_password(storage::Transaction& tx, std::int64_t user_id, const std::string& password) {
    store::set_password_hash(tx, user_id, auth::hash_password(password), Clock::now());
}

User create_operator(Context& ctx, const std::string& login, const std::string& password, IfExists if_exists) {
    std::string name = normal_login(login);
    if (name.empty()) throw errors::invalid({{"login", {"Podaj login.", "Give a login."}}});
    if (auto weakness = auth::password_weakness(password, name)) throw errors::invalid({{"password", *weakness}});
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto existing = store::credentials_by_login(tx, name);
        if (existing && existing->role == "operator" && if_exists == IfExists::SetPassword) {
            set_password(tx, existing->user_id, password);
            return *store::find_user(tx, existing->user_id);
        }
        if (existing) throw errors::conflict("login_taken", {"Ten login jest już zajęty.", "This login is taken."});
        auth::Actor system;
        system.login = "kreda-cli";
        system.address = "local";
        NewAccount account{std::nullopt, auth::Role::Operator, "Operator", "", std::nullopt, name};
        CreatedAccount created = create_account(tx, system, account);
        set_password(tx, created.user.id, password);
        return *store::find_user(tx, created.user.id);
    });
}

json::object enrol_totp(Context& ctx, const auth::Actor& actor) {
    if (!auth::is_staff(actor.role) && actor.role != auth::Role::Operator) throw errors::forbidden();
    std::string secret = auth::new_totp_secret();
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto who = store::credentials_by_id(tx, actor.user_id);
        if (who && who->totp_enabled)
            throw errors::conflict(
                "totp_enabled", {"Weryfikacja dwuetapowa jest już włączona.", "Two-step verification is already on."});
        store::set_totp_secret(tx, actor.user_id, secret);
    });
    std::string uri = auth::otpauth_uri(actor.login, secret);
    return {{"secret", secret}, {"otpauth_uri", uri}, {"qr_svg", auth::qr_svg(uri)}};
}

json::object confirm_totp(Context& ctx, const auth::Actor& actor, const json::object& input) {
    json::FieldReader fields(input);
    std::string code = fields.text("code", 20);
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto who = store::credentials_by_id(tx, actor.user_id);
        if (!who || !who->totp_secret || who->totp_enabled)
            throw errors::conflict("totp_not_pending", {"Najpierw rozpocznij włączanie weryfikacji dwuetapowej.",
                                                        "Start setting up two-step verification first."});
        auto step = auth::totp_step_of(*who->totp_secret, code, Clock::now());
        if (!step) throw errors::invalid({{"code", {"Nieprawidłowy kod.", "Wrong code."}}});
        store::enable_totp(tx, actor.user_id, *step);
        json::array codes;
        std::vector<std::string> hashes;
        for (int i = 0; i < 10; ++i) {
            std::string recovery = new_activation_code();
            hashes.push_back(recovery_hash(recovery));
            codes.push_back(json::value(recovery));
        }
        store::replace_recovery_codes(tx, actor.user_id, hashes);
        ctx.sessions.refresh_user(tx, actor.user_id);
        audit::append(tx, audit::entry_by(actor, "user.totp_enable", "user", actor.user_id));
        return json::object{{"recovery_codes", std::move(codes)}};
    });
}

void disable_totp(Context& ctx, const auth::Actor& actor, const json::object& input) {
    json::FieldReader fields(input);
    std::string current = fields.text("current_password", 256);
    fields.check();
    std::optional<store::Credentials> who;
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        who = store::credentials_by_id(*tx, actor.user_id);
    }
    if (!secret_matches(who, current)) throw errors::invalid({{"current_password", kWrongCurrent}});
    if (who->school_requires_totp && auth::is_staff(actor.role))
        throw errors::conflict("totp_mandatory", {"Szkoła wymaga weryfikacji dwuetapowej dla pracowników.",
                                                  "Your school requires two-step verification for staff."});
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        store::disable_totp(tx, actor.user_id);
        ctx.sessions.refresh_user(tx, actor.user_id);
        audit::append(tx, audit::entry_by(actor, "user.totp_disable", "user", actor.user_id));
    });
}

}  // namespace kreda::people
