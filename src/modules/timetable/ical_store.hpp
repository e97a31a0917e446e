// SQL of calendar feeds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace kreda::timetable::store {

struct Feed {
    std::int64_t id = 0, school_id = 0, user_id = 0;
    std::optional<std::int64_t> student_id;  //!< none: the user's own (teacher's) timetable
    std::int64_t created_at = 0;
};

std::int64_t insert_feed(storage::Transaction& tx, const Feed& feed, const std::string& token_hash);
//! The feed of an active account, by its token's hash.
std::optional<Feed> feed_by_token(storage::Transaction& tx, const std::string& token_hash);
std::vector<Feed> feeds_of(storage::Transaction& tx, std::int64_t user_id);
bool delete_feed(storage::Transaction& tx, std::int64_t feed_id, std::int64_t user_id);

}  // namespace kreda::timetable::store
