// What the terminarz, homework and notes share: a student's groups.
#pragma once

#include <cstdint>
#include <set>

#include "auth/policy.hpp"
#include "modules/organisation/organisation.hpp"

namespace kreda::events {

std::set<std::int64_t> groups_of(storage::Transaction& tx, std::int64_t student_id);

}  // namespace kreda::events
