// Linking school accounts to a family account, unlinking them, and switching between them.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/family/family.hpp"
#include "modules/family/family_support.hpp"
#include "modules/people/people.hpp"
#include "modules/people/signin.hpp"
#include "modules/push/push.hpp"

namespace kreda::family {

namespace {

constexpr int kMaxLinks = 20;

constexpr std::string_view kLinks =
    "SELECT l.id, l.user_id, l.consent_at, u.login, u.role, u.first_name, u.last_name, u.school_id, s.name, "
    "u.active FROM family_links l JOIN users u ON u.id = l.user_id JOIN schools s ON s.id = u.school_id "
    "WHERE l.family_id = ? ORDER BY l.id";
constexpr std::string_view kLinkOf =
    "SELECT l.user_id, u.school_id, u.active, u.login FROM family_links l JOIN users u ON u.id = l.user_id "
    "WHERE l.id = ? AND l.family_id = ?";
constexpr std::string_view kInsertLink =
    "INSERT INTO family_links (family_id, user_id, consent_version, consent_at, consent_address) "
    "VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kFirstOtherLink =
    "SELECT l.user_id FROM family_links l JOIN users u ON u.id = l.user_id WHERE l.family_id = ? AND "
    "u.active = 1 AND l.user_id <> ? ORDER BY l.id LIMIT 1";
constexpr std::string_view kMoveSessions =
    "UPDATE sessions SET acting_user_id = ? WHERE user_id = ? AND acting_user_id = ?";

const Text kWrongCredentials{"Nieprawidłowy login lub hasło konta szkolnego.",
                             "Wrong login or password of the school account."};

const Text kConsent{
    "Łącząc konto szkolne z kontem rodzinnym, zgadzasz się, aby po zalogowaniu na konto rodzinne pokazywać dane z "
    "dziennika szkoły, które widzi to konto szkolne: oceny, frekwencję, plan lekcji, terminarz, zadania domowe, uwagi, "
    "wiadomości i ogłoszenia, a także aby wysyłać o nich wybrane powiadomienia na adres konta rodzinnego, gdy "
    "konto szkolne nie ma własnego. Administratorem "
    "tych danych pozostaje szkoła. Połączenie możesz usunąć w każdej chwili: konto rodzinne przestaje wtedy widzieć "
    "te dane, a szkoła niczego nie traci. Zapisujemy datę tej zgody i adres, z którego jej udzielono.",
    "By linking a school account with your family account you agree that, once you sign in to the family account, "
    "it shows what that school account sees in the school's register — grades, attendance, timetable, terminarz, "
    "homework, notes, messages and announcements — and that the notifications you choose go to the family "
    "account's address when the school account has none of its own. The school remains the controller of these data. "
    "You may remove the link at any time: the family "
    "account then no longer sees these data, and the school loses nothing. We record when you consented and from "
    "which address."};

//! What the school's history records about a family account's link: who, to which account, with which consent.
void audit_link(storage::Transaction& tx, const auth::Actor& actor, std::string action, std::int64_t school_id,
                std::int64_t user_id) {
    auto family = tx.query_one("SELECT login FROM users WHERE id = ?", {actor.family_id});
    audit::Entry entry{
        school_id,
        actor.family_id,
        family ? (*family)[0].as_text() : "",
        actor.address,
        std::move(action),
        "user",
        user_id,
        std::nullopt,
        json::value(json::object{{"family_account_id", actor.family_id}, {"consent_version", kConsentVersion}})};
    audit::append(tx, entry);
}

}  // namespace

json::object consent(Language language) {
    return json::object{{"version", kConsentVersion}, {"text", kConsent.in(language)}};
}

json::object links(Context& ctx, const auth::Actor& actor) {
    require_family_account(actor);
    auto tx = ctx.db.begin(storage::Access::Read);
    json::array out;
    json::value active = nullptr;
    for (const auto& r : tx->query(kLinks, {actor.family_id})) {
        auth::Actor account;
        account.user_id = r[1].as_int();
        account.school_id = r[7].as_int();
        account.role = auth::parse_role(r[4].as_text()).value_or(auth::Role::Student);
        json::array students;
        for (const auto& s : people::visible_students(*tx, account)) students.push_back(people::brief_json(s));
        if (actor.state != auth::SessionState::FamilyWithoutLink && actor.user_id == account.user_id)
            active = r[0].as_int();
        out.push_back(json::object{{"id", r[0].as_int()},
                                   {"user_id", account.user_id},
                                   {"login", r[3].as_text()},
                                   {"role", r[4].as_text()},
                                   {"first_name", r[5].as_text()},
                                   {"last_name", r[6].as_text()},
                                   {"school", json::object{{"id", r[7].as_int()}, {"name", r[8].as_text()}}},
                                   {"students", std::move(students)},
                                   {"linked_at", format_instant(r[2].as_int())},
                                   {"active", r[9].as_bool()}});
    }
    return json::object{{"links", std::move(out)}, {"active_link_id", active}};
}

json::object link(Context& ctx, const auth::Actor& actor, const json::object& input) {
    require_family_account(actor);
    json::FieldReader fields(input);
    std::string login = fields.text("login", 100);
    std::string password = fields.text("password", 256);
    if (fields.optional_bool("consent") != true)
        fields.fail("consent", {"Aby połączyć konto, wyraź zgodę.", "Give your consent to link the account."});
    if (auto version = fields.optional_text("consent_version", 20); version && *version != kConsentVersion)
        fields.fail("consent_version", {"Treść zgody się zmieniła: przeczytaj ją ponownie.",
                                        "The consent text has changed: read it again."});
    fields.check();

    // Guesses count for the family account and for the school login itself, the same counter as signing in:
    // many family accounts guessing one school password are slowed down together.
    std::string key = "link:" + std::to_string(actor.family_id);
    std::string target = people::normal_login(login);
    std::int64_t now = Clock::now();
    auto wait =
        std::max(ctx.limiter.retry_after(key, actor.address, now), ctx.limiter.retry_after(target, actor.address, now));
    if (wait > 0) throw errors::too_many_attempts(static_cast<int>(wait));
    auto account = people::verify_own_password(ctx, login, password);  // argon2id: on the hashing pool
    if (!account || !account->active || !account->school_id) {
        ctx.limiter.record_failure(key, actor.address, now);
        ctx.limiter.record_login_failure(target, now);
        throw ApiError(422, "link_credentials_invalid", kWrongCredentials, {{"password", kWrongCredentials}});
    }
    ctx.limiter.record_success(key);
    if (account->role != auth::Role::Parent && account->role != auth::Role::Student) {
        Text only{"Połączyć można tylko konto rodzica albo ucznia.", "Only a parent's or a student's account links."};
        throw ApiError(422, "link_role", only, {{"login", only}});
    }
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto count = tx.query_one("SELECT COUNT(*) FROM family_links WHERE family_id = ?", {actor.family_id});
        if ((*count)[0].as_int() >= kMaxLinks)
            throw errors::conflict("too_many_links", {"Połączono już 20 kont.", "20 accounts are linked already."});
        if (tx.query_one("SELECT 1 FROM family_links WHERE family_id = ? AND user_id = ?",
                         {actor.family_id, account->user_id}))
            throw errors::conflict("already_linked",
                                   {"To konto jest już połączone.", "This account is linked already."});
        std::int64_t id = tx.query_one(kInsertLink, {actor.family_id, account->user_id, std::string(kConsentVersion),
                                                     now, actor.address})
                              ->at(0)
                              .as_int();
        if (actor.state == auth::SessionState::FamilyWithoutLink)
            ctx.sessions.act_as(tx, actor.session_id, account->user_id);
        audit_link(tx, actor, "family.link", *account->school_id, account->user_id);
        return json::object{{"id", id}, {"user_id", account->user_id}, {"school_id", *account->school_id}};
    });
}

void unlink(Context& ctx, const auth::Actor& actor, std::int64_t link_id) {
    require_family_account(actor);
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto row = tx.query_one(kLinkOf, {link_id, actor.family_id});
        if (!row) throw errors::not_found();
        std::int64_t user_id = (*row)[0].as_int();
        tx.execute("DELETE FROM family_links WHERE id = ?", {link_id});
        push::forget_family_link(tx, actor.family_id, user_id);  // the devices it subscribed through the link
        auto next = tx.query_one(kFirstOtherLink, {actor.family_id, user_id});
        storage::Value acting = next ? storage::Value((*next)[0].as_int()) : storage::Value(nullptr);
        tx.execute(kMoveSessions, {acting, actor.family_id, user_id});
        ctx.sessions.refresh_user(tx, actor.family_id);  // the family's sessions re-read whom they act as
        audit_link(tx, actor, "family.unlink", (*row)[1].as_int(), user_id);
    });
}

void switch_to(Context& ctx, const auth::Actor& actor, std::int64_t link_id) {
    require_family_account(actor);
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto row = tx.query_one(kLinkOf, {link_id, actor.family_id});
        if (!row) throw errors::not_found();
        if (!(*row)[2].as_bool())
            throw errors::conflict("account_disabled",
                                   {"Szkoła wyłączyła to konto.", "The school has disabled this account."});
        ctx.sessions.act_as(tx, actor.session_id, (*row)[0].as_int());
    });
}

}  // namespace kreda::family
