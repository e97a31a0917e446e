// What the terminarz, homework and notes share: how the actor stands to a class, and a student's groups.
#pragma once

#include <cstdint>
#include <set>

#include "auth/policy.hpp"
#include "modules/organisation/organisation.hpp"

namespace kreda::events {

//! The class (404 outside the actor's school) and the actor's relation: Homeroom, Teaches (an assignment in the
//! class) or None.
std::pair<organisation::SchoolClass, auth::Relation> class_relation(storage::Transaction& tx, const auth::Actor& actor,
                                                                    std::int64_t class_id);
//! The office: admin, director, secretary.
bool is_office(const auth::Actor& actor);
std::set<std::int64_t> groups_of(storage::Transaction& tx, std::int64_t student_id);

}  // namespace kreda::events
