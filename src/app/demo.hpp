// The demo school's parts, seeded through the real services (so the demo also exercises every rule).
#pragma once

#include <cstdint>

#include "auth/actor.hpp"
#include "modules/context.hpp"

namespace kreda::app {

//! Year, terms, free days, subjects, rooms, bells, homerooms, register numbers, groups, assignments.
void seed_organisation(Context& ctx, const auth::Actor& admin, std::int64_t school_id);

}  // namespace kreda::app
