// Schools: the deployment's tenants, created by the operator, with their settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::school {

struct School {
    std::int64_t id = 0;
    std::string name;
    std::string city;
    bool require_staff_totp = false;
    std::int64_t created_at = 0;
    int record_edit_days = 7;             //!< how long teachers may edit a lesson's record
    bool adult_students_excuse = false;   //!< students may excuse their own absences
    int tests_per_day = 1;                //!< tests (sprawdzian, praca klasowa) a class may have a day; 0: no cap
    int tests_per_week = 3;               //!< and a week (Monday to Sunday); 0: no cap
    bool refuse_over_cap = false;         //!< refuse a test over the cap (else: warn and save)
    std::string lucky_number = "school";  //!< the lucky number is drawn per "school", per "class", or is "off"
};

json::object to_json(const School& school);

//! The school, read in the caller's transaction (for other modules' services).
std::optional<School> find(storage::Transaction& tx, std::int64_t school_id);

std::vector<School> list(Context& ctx, const auth::Actor& actor);
//! Creates a school and its first administrator; returns {school, admin: {user, activation_code}}.
json::object create(Context& ctx, const auth::Actor& actor, const json::object& input);
School get(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
School update(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::school
