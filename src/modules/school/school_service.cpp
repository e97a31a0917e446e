#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/people/people.hpp"
#include "modules/school/school_store.hpp"

namespace kreda::school {

json::object to_json(const School& s) {
    return {{"id", s.id},
            {"name", s.name},
            {"city", s.city},
            {"require_staff_totp", s.require_staff_totp},
            {"created_at", format_instant(s.created_at)},
            {"record_edit_days", s.record_edit_days},
            {"adult_students_excuse", s.adult_students_excuse},
            {"tests_per_day", s.tests_per_day},
            {"tests_per_week", s.tests_per_week},
            {"refuse_over_cap", s.refuse_over_cap},
            {"lucky_number", s.lucky_number}};
}

std::optional<School> find(storage::Transaction& tx, std::int64_t school_id) {
    return store::find(tx, school_id);
}

std::vector<School> list(Context& ctx, const auth::Actor& actor) {
    auth::require(actor, auth::Action::ManageSchools, {});
    auto tx = ctx.db.begin(storage::Access::Read);
    return store::all(*tx);
}

json::object create(Context& ctx, const auth::Actor& actor, const json::object& input) {
    auth::require(actor, auth::Action::ManageSchools, {});
    json::FieldReader fields(input);
    std::string name = fields.text("name", 200);
    std::string city = fields.optional_text("city", 100).value_or("");
    auto admin_it = input.find("admin");
    people::NewAccount admin{std::nullopt, auth::Role::Admin, "", "", std::nullopt, ""};
    if (admin_it == input.end() || !admin_it->value().is_object()) {
        fields.fail("admin", {"Podaj imię i nazwisko pierwszego administratora.",
                              "Give the first administrator's first and last name."});
    } else {
        json::FieldReader admin_fields(admin_it->value().as_object());
        admin.first_name = admin_fields.text("first_name", 100);
        admin.last_name = admin_fields.text("last_name", 100);
        admin_fields.check();
    }
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        std::int64_t id = store::insert(tx, name, city);
        School school = *store::find(tx, id);
        auto entry = audit::entry_by(actor, "school.create", "school", id);
        entry.school_id = id;
        entry.after = to_json(school);
        audit::append(tx, entry);
        admin.school_id = id;
        people::CreatedAccount created = people::create_account(tx, actor, admin);
        return json::object{{"school", to_json(school)},
                            {"admin", json::object{{"user", people::to_json(created.user)},
                                                   {"activation_code", created.activation_code}}}};
    });
}

School get(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewSchool, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    auto school = store::find(*tx, school_id);
    if (!school) throw errors::not_found();
    return *school;
}

School update(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::EditSchoolSettings, {school_id});
    json::FieldReader fields(input);
    auto name = fields.optional_text("name", 200);
    auto city = fields.optional_text("city", 100);
    auto require_totp = fields.optional_bool("require_staff_totp");
    auto edit_days = fields.optional_integer("record_edit_days", 0, 60);
    auto adult_excuse = fields.optional_bool("adult_students_excuse");
    auto per_day = fields.optional_integer("tests_per_day", 0, 5);
    auto per_week = fields.optional_integer("tests_per_week", 0, 15);
    auto refuse = fields.optional_bool("refuse_over_cap");
    auto lucky = fields.optional_text("lucky_number", 10);
    if (lucky && *lucky != "school" && *lucky != "class" && *lucky != "off")
        fields.fail("lucky_number",
                    {"Szczęśliwy numerek: school, class albo off.", "Lucky number: school, class or off."});
    if (name && name->empty()) fields.fail("name", {"To pole jest wymagane.", "This field is required."});
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto before = store::find(tx, school_id);
        if (!before) throw errors::not_found();
        School after = *before;
        if (name) after.name = *name;
        if (city) after.city = *city;
        if (require_totp) after.require_staff_totp = *require_totp;
        if (edit_days) after.record_edit_days = *edit_days;
        if (adult_excuse) after.adult_students_excuse = *adult_excuse;
        if (per_day) after.tests_per_day = *per_day;
        if (per_week) after.tests_per_week = *per_week;
        if (refuse) after.refuse_over_cap = *refuse;
        if (lucky) after.lucky_number = *lucky;
        store::update(tx, after);
        auto entry = audit::entry_by(actor, "school.update", "school", school_id);
        entry.school_id = school_id;
        entry.before = to_json(*before);
        entry.after = to_json(after);
        audit::append(tx, entry);
        return after;
    });
}

}  // namespace kreda::school
