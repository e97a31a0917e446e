// The change feed: every change a family may see (a grade, an attendance mark, an excuse decision, an event,
// homework, a note, an announcement, a message) becomes an entry written in the same transaction as the change.
// Apps sync with GET /feed?since=; open pages hold GET /feed/stream (Server-Sent Events) and hear of it at once,
// also when another server process on the same PostgreSQL made the change.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::feed {

//! Who an entry is for. `target` is "student" (audience "family", or "parents": never shown to the student),
//! "class" (the class's students and their parents; only a group's when `group_id` is set), "school" (audience
//! "everyone", "parents", "students" or "staff") or "message" (whoever has it in their inbox).
struct Entry {
    std::int64_t school_id = 0;
    std::string target;
    std::int64_t target_id = 0;
    std::optional<std::int64_t> group_id;
    std::string audience = "family";
    std::string kind;  //!< grade.added, grade.changed, attendance.marked, excuse.decided, event.added, …
    json::object data;
};

Entry for_student(std::int64_t school_id, std::int64_t student_id, std::string kind, json::object data,
                  bool parents_only = false);
Entry for_class(std::int64_t school_id, std::int64_t class_id, std::optional<std::int64_t> group_id, std::string kind,
                json::object data);
Entry for_school(std::int64_t school_id, std::string audience, std::string kind, json::object data);
Entry for_message(std::int64_t school_id, std::int64_t message_id, std::string kind, json::object data);

//! Writes the entries in the caller's transaction just before it commits, numbered in commit order; live streams
//! hear of them at commit.
void publish(storage::Transaction& tx, const std::vector<Entry>& entries);

//! What one user may see of the feed: their own students (themself, or their children) with their classes and
//! groups, their role and school.
struct Reader {
    std::int64_t user_id = 0, school_id = 0;
    auth::Role role = auth::Role::Student;
    struct Place {
        std::optional<std::int64_t> class_id;
        std::set<std::int64_t> groups;
    };
    std::map<std::int64_t, Place> students;
};
Reader reader_of(storage::Transaction& tx, const auth::Actor& actor);

//! One stored entry as a reader receives it: {id, kind, at, student_id (or null), data}.
struct Item {
    std::int64_t id = 0;
    std::string kind;
    json::object json;
};
//! The reader's entries after `since`, oldest first, at most `limit`; `cursor` is where to go on from (the last
//! entry looked at, or where the whole feed stood when nothing more is there), `more` whether to go on now.
struct Page {
    std::vector<Item> items;
    std::int64_t cursor = 0;
    bool more = false;
};
Page read_since(storage::Transaction& tx, const Reader& reader, std::int64_t since, int limit);
//! Newest first: the reader's entries before `before` (none: from the newest); `cursor` is the last id looked at,
//! to pass as the next `before`.
Page read_before(storage::Transaction& tx, const Reader& reader, std::optional<std::int64_t> before, int limit);

//! GET /feed: {items, cursor, more}, oldest first after `since`; or, with `newest_first`, newest first before it.
json::object list(Context& ctx, const auth::Actor& actor, std::optional<std::int64_t> cursor, bool newest_first,
                  int limit);

class Hub;
//! Starts the process's hub of live streams (one per server process; on PostgreSQL it listens for the others).
std::shared_ptr<Hub> start_hub(storage::Database& db, int streams_per_user);

void register_routes(http::Router& router, Context& ctx, std::shared_ptr<Hub> hub);

}  // namespace kreda::feed
