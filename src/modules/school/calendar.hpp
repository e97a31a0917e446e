// The school calendar: school years split into two terms, and free days (holidays, ferie, director's days).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/date.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::school {

struct Term {
    std::int64_t id = 0;
    int number = 1;
    Date starts_on{}, ends_on{};
};

struct SchoolYear {
    std::int64_t id = 0;
    std::string name;  //!< "2026/2027"
    Date starts_on{}, ends_on{};
    std::vector<Term> terms;
};

struct FreeDay {
    std::int64_t id = 0;
    Date starts_on{}, ends_on{};
    std::string name;
};

json::object to_json(const SchoolYear& year);
json::object to_json(const FreeDay& day);

//! Years newest first, each with its terms (for other modules' services: no permission check).
std::vector<SchoolYear> years_of(storage::Transaction& tx, std::int64_t school_id);
std::vector<FreeDay> free_days_between(storage::Transaction& tx, std::int64_t school_id, Date from, Date to);

std::vector<SchoolYear> list_years(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
//! {year_name, starts_on, ends_on, second_term_starts_on}: the year and its two terms.
SchoolYear create_year(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
std::vector<FreeDay> list_free_days(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
FreeDay create_free_day(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
void delete_free_day(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t free_day_id);

void register_calendar_routes(http::Router& router, Context& ctx);

}  // namespace kreda::school
