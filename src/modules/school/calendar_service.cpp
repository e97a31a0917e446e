#include "auth/policy.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/school/calendar_store.hpp"

namespace kreda::school {

namespace {

const Text kEndBeforeStart{"Koniec nie może być przed początkiem.", "The end cannot be before the start."};

}  // namespace

json::object to_json(const SchoolYear& year) {
    json::array terms;
    for (const auto& t : year.terms)
        terms.push_back(json::object{{"id", t.id}, {"number", t.number}, {"starts_on", format_date(t.starts_on)},
                                     {"ends_on", format_date(t.ends_on)}});
    return {{"id", year.id},
            {"name", year.name},
            {"starts_on", format_date(year.starts_on)},
            {"ends_on", format_date(year.ends_on)},
            {"terms", std::move(terms)}};
}

json::object to_json(const FreeDay& day) {
    return {{"id", day.id}, {"starts_on", format_date(day.starts_on)}, {"ends_on", format_date(day.ends_on)},
            {"name", day.name}};
}

std::vector<SchoolYear> years_of(storage::Transaction& tx, std::int64_t school_id) { return store::years(tx, school_id); }

std::vector<FreeDay> free_days_between(storage::Transaction& tx, std::int64_t school_id, Date from, Date to) {
    return store::free_days(tx, school_id, from, to);
}

std::vector<SchoolYear> list_years(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewSchool, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    return store::years(*tx, school_id);
}

SchoolYear create_year(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageCalendar, {school_id});
    json::FieldReader fields(input);
    SchoolYear year;
    year.name = fields.text("year_name", 20);
    year.starts_on = fields.date("starts_on");
    year.ends_on = fields.date("ends_on");
    Date second = fields.date("second_term_starts_on");
    fields.check();
    if (year.ends_on <= year.starts_on) fields.fail("ends_on", kEndBeforeStart);
    if (days_between(year.starts_on, year.ends_on) > 366)
        fields.fail("ends_on", {"Rok szkolny trwa najwyżej rok.", "A school year lasts at most a year."});
    if (second <= year.starts_on || second > year.ends_on)
        fields.fail("second_term_starts_on", {"Drugi okres musi zaczynać się w trakcie roku.",
                                              "The second term must start within the year."});
    fields.check();
    year.terms = {{0, 1, year.starts_on, add_days(second, -1)}, {0, 2, second, year.ends_on}};
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        for (const auto& existing : store::years(tx, school_id))
            if (existing.name == year.name)
                throw errors::conflict("duplicate_year", {"Rok szkolny o tej nazwie już istnieje.",
                                                          "A school year with this name already exists."});
        if (store::year_overlaps(tx, school_id, year.starts_on, year.ends_on))
            throw errors::conflict("overlapping_year", {"Ten rok szkolny nakłada się na inny.",
                                                        "This school year overlaps another one."});
        year.id = store::insert_year(tx, school_id, year);
        SchoolYear created;
        for (auto& y : store::years(tx, school_id))
            if (y.id == year.id) created = y;
        audit::record(tx, actor, school_id, "school_year.create", "school_year", created.id, std::nullopt, to_json(created));
        return created;
    });
}

std::vector<FreeDay> list_free_days(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewSchool, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    return store::free_days(*tx, school_id, Date{1900, 1, 1}, Date{9999, 12, 31});
}

FreeDay create_free_day(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageCalendar, {school_id});
    json::FieldReader fields(input);
    FreeDay day;
    day.starts_on = fields.date("starts_on");
    day.ends_on = fields.optional_date("ends_on").value_or(day.starts_on);
    day.name = fields.text("name", 120);
    fields.check();
    if (day.ends_on < day.starts_on) fields.fail("ends_on", kEndBeforeStart);
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        day.id = store::insert_free_day(tx, school_id, day);
        audit::record(tx, actor, school_id, "free_day.create", "free_day", day.id, std::nullopt, to_json(day));
        return day;
    });
}

void delete_free_day(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t free_day_id) {
    auth::require(actor, auth::Action::ManageCalendar, {school_id});
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto day = store::find_free_day(tx, school_id, free_day_id);
        if (!day) throw errors::not_found();
        store::delete_free_day(tx, school_id, free_day_id);
        audit::record(tx, actor, school_id, "free_day.delete", "free_day", free_day_id, to_json(*day), std::nullopt);
    });
}

}  // namespace kreda::school
