// Accounts of any role: creation with a one-time activation code, staff lists, edits, disabling, resets.
#include "auth/policy.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/people/people.hpp"
#include "modules/people/people_store.hpp"
#include "modules/school/school.hpp"

namespace kreda::people {

namespace {

constexpr std::string_view kCodeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

std::string fresh_login(storage::Transaction& tx) {
    // Seven digits, the parent's login; the student's is the same plus "u". Both must be free.
    for (;;) {
        std::string digits = std::to_string(1 + crypto::random_below(9));
        for (int i = 0; i < 6; ++i) digits += std::to_string(crypto::random_below(10));
        if (!store::login_taken(tx, digits) && !store::login_taken(tx, digits + "u")) return digits;
    }
}

const Text kStaffRoles{"Wybierz rolę: administrator, dyrektor, sekretariat, nauczyciel lub pedagog.",
                       "Choose a role: admin, director, secretary, teacher or pedagogue."};

std::optional<std::string> read_email(json::FieldReader& fields) {
    auto email = fields.optional_text("email", 254);
    if (email && email->empty()) return std::nullopt;
    if (email && (email->find('@') == std::string::npos || email->find(' ') != std::string::npos))
        fields.fail("email", {"Niepoprawny adres e-mail.", "Invalid e-mail address."});
    return email;
}

User user_in_school(storage::Transaction& tx, std::int64_t school_id, std::int64_t user_id) {
    auto user = store::find_user(tx, user_id);
    if (!user || user->school_id != school_id) throw errors::not_found();
    return *user;
}

}  // namespace

std::string new_activation_code() {
    std::string code = crypto::random_string(10, kCodeAlphabet);
    return code.substr(0, 5) + "-" + code.substr(5);
}

std::string activation_hash(std::string_view code) {
    std::string normal;
    for (char c : code)
        if (std::isalnum(static_cast<unsigned char>(c)))
            normal.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return crypto::sha256_hex(normal);
}

CreatedAccount create_account(storage::Transaction& tx, const auth::Actor& actor, const NewAccount& input) {
    NewAccount account = input;
    if (account.login.empty()) account.login = fresh_login(tx) + (account.role == auth::Role::Student ? "u" : "");
    std::string code = new_activation_code();
    std::int64_t id = store::insert_user(tx, account, activation_hash(code));
    User user = *store::find_user(tx, id);
    auto entry = audit::entry_by(actor, "user.create", "user", id);
    entry.school_id = account.school_id;
    entry.after = to_json(user);
    audit::append(tx, entry);
    return {user, code};
}

CreatedAccount create_staff(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageStaff, {school_id});
    json::FieldReader fields(input);
    NewAccount account{school_id,
                       auth::Role::Teacher,
                       fields.text("first_name", 100),
                       fields.text("last_name", 100),
                       read_email(fields),
                       ""};
    auto role = auth::parse_role(fields.text("role", 20));
    if (!role || !auth::is_staff(*role))
        fields.fail("role", kStaffRoles);
    else
        account.role = *role;
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) { return create_account(tx, actor, account); });
}

std::vector<User> list_staff(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                             std::optional<auth::Role> role) {
    auth::require(actor, auth::Action::ViewStaff, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    std::vector<User> staff = store::staff_of(*tx, school_id);
    if (role) std::erase_if(staff, [&](const User& u) { return u.role != *role; });
    return staff;
}

User update_user(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t user_id,
                 const json::object& input) {
    auth::require(actor, auth::Action::ManageAccounts, {school_id});
    json::FieldReader fields(input);
    auto first = fields.optional_text("first_name", 100);
    auto last = fields.optional_text("last_name", 100);
    bool email_given = fields.has("email");
    auto email = read_email(fields);
    auto active = fields.optional_bool("active");
    if (first && first->empty()) fields.fail("first_name", {"To pole jest wymagane.", "This field is required."});
    if (last && last->empty()) fields.fail("last_name", {"To pole jest wymagane.", "This field is required."});
    if (active && !*active && user_id == actor.user_id)
        fields.fail("active", {"Nie możesz zablokować własnego konta.", "You cannot disable your own account."});
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        User before = user_in_school(tx, school_id, user_id);
        if (auth::is_staff(before.role) && actor.role == auth::Role::Secretary && before.role == auth::Role::Admin)
            throw errors::forbidden();
        User after = before;
        if (first) after.first_name = *first;
        if (last) after.last_name = *last;
        if (email_given) after.email = email;
        if (active) after.active = *active;
        store::update_user(tx, after);
        if (before.active && !after.active) ctx.sessions.end_all(tx, user_id);  // disabling ends sessions at once
        auto entry = audit::entry_by(actor, "user.update", "user", user_id);
        entry.school_id = school_id;
        entry.before = to_json(before);
        entry.after = to_json(after);
        audit::append(tx, entry);
        return after;
    });
}

CreatedAccount reset_credentials(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t user_id) {
    auth::require(actor, auth::Action::ManageAccounts, {school_id});
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        User before = user_in_school(tx, school_id, user_id);
        std::string code = new_activation_code();
        store::set_activation(tx, user_id, activation_hash(code));
        ctx.sessions.end_all(tx, user_id);
        User after = *store::find_user(tx, user_id);
        auto entry = audit::entry_by(actor, "user.reset_credentials", "user", user_id);
        entry.school_id = school_id;
        entry.before = to_json(before);
        entry.after = to_json(after);
        audit::append(tx, entry);
        return CreatedAccount{after, code};
    });
}

json::object me(Context& ctx, const auth::Actor& actor) {
    json::object out;
    auto tx = ctx.db.begin(storage::Access::Read);
    auto user = store::find_user(*tx, actor.user_id);
    if (!user) throw errors::unauthorized();
    out["user"] = to_json(*user);
    auto school = actor.school_id ? school::find(*tx, *actor.school_id) : std::nullopt;
    out["school"] =
        school ? json::value(json::object{{"id", school->id}, {"name", school->name}}) : json::value(nullptr);
    json::array students;
    for (const auto& s : visible_students(*tx, actor)) students.push_back(brief_json(s));
    out["students"] = std::move(students);
    out["csrf_token"] = actor.csrf_token;
    out["must_change_password"] = actor.state == auth::SessionState::MustChangePassword;
    out["must_enrol_totp"] = actor.state == auth::SessionState::MustEnrolTotp;
    // A family account's session: the e-mail it signed in with, whichever linked account it acts as.
    auto family = actor.family_id ? store::find_user(*tx, actor.family_id) : std::nullopt;
    out["family"] =
        family ? json::value(json::object{{"id", family->id}, {"email", family->login}}) : json::value(nullptr);
    return out;
}

json::object to_json(const User& u) {
    json::object o{{"id", u.id},
                   {"login", u.login},
                   {"role", auth::to_string(u.role)},
                   {"first_name", u.first_name},
                   {"last_name", u.last_name},
                   {"active", u.active},
                   {"activated", u.activated},
                   {"totp_enabled", u.totp_enabled}};
    o["email"] = u.email ? json::value(*u.email) : json::value(nullptr);
    o["school_id"] = u.school_id ? json::value(*u.school_id) : json::value(nullptr);
    return o;
}

}  // namespace kreda::people
