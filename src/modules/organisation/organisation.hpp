// The school's organisation: classes (later also groups, subjects, rooms, assignments, the bell schedule).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::organisation {

struct SchoolClass {
    std::int64_t id = 0;
    std::string name;
    std::int64_t student_count = 0;
};

json::object to_json(const SchoolClass& school_class);

std::vector<SchoolClass> list_classes(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
SchoolClass create_class(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::organisation
