// Who an announcement speaks to: its audience as the actor stands to it, and how many that is.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "auth/actor.hpp"
#include "core/date.hpp"
#include "storage/database.hpp"

namespace kreda::notices {

struct Notice {
    std::int64_t id = 0, school_id = 0, author_id = 0;
    std::string author_first_name, author_last_name, title, body, audience;
    std::set<std::int64_t> class_ids;
    Date valid_from{}, valid_to{};
    std::int64_t created_at = 0;
};

//! The classes that make an announcement to `classes` the actor's: their own, their children's, those they teach.
std::set<std::int64_t> classes_of(storage::Transaction& tx, const auth::Actor& actor);
//! Whether the actor is among those the announcement speaks to (whose reading counts).
bool in_audience(const Notice& n, const auth::Actor& actor, const std::set<std::int64_t>& classes);
//! Whether the actor may see it: its audience, its author, the office.
bool addressed_to(const Notice& n, const auth::Actor& actor, const std::set<std::int64_t>& classes);
//! How many active accounts of the school it speaks to, its author left out: the "of" in "read by 3 of 40".
std::int64_t audience_size(storage::Transaction& tx, const Notice& n);

}  // namespace kreda::notices
