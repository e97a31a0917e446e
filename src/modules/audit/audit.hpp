// The audit history: every change to school data and every sign-in, appended in the same transaction as the
// change. Records are hash-linked (each carries the previous record's hash), so any edit or deletion shows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"
#include "storage/database.hpp"

namespace kreda::audit {

struct Entry {
    std::optional<std::int64_t> school_id;
    std::optional<std::int64_t> actor_id;
    std::string actor_login;
    std::string address;
    std::string action;       //!< e.g. "user.create", "auth.login_failed"
    std::string object_type;  //!< e.g. "user", "class"
    std::optional<std::int64_t> object_id;
    std::optional<json::value> before;
    std::optional<json::value> after;
};

struct Record {
    std::int64_t id;
    std::optional<std::int64_t> school_id;
    std::int64_t at;
    std::string actor_login;
    std::string address;
    std::string action;
    std::string object_type;
    std::optional<std::int64_t> object_id;
    std::string before_json;
    std::string after_json;
};

struct Verification {
    bool intact;
    std::int64_t records;
    std::optional<std::int64_t> first_broken_id;
    std::string reason;
};

//! An entry describing what `actor` did (school taken from the actor unless given).
Entry entry_by(const auth::Actor& actor, std::string action, std::string object_type,
               std::optional<std::int64_t> object_id);

//! Appends one record in the caller's transaction.
void append(storage::Transaction& tx, const Entry& entry);
//! Appends what `actor` changed in a school's data: the object's state before and after (none when created or
//! deleted).
void record(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id, std::string action,
            std::string object_type, std::optional<std::int64_t> object_id, std::optional<json::value> before,
            std::optional<json::value> after);
//! Walks the whole chain and names the first record that does not fit.
Verification verify(storage::Database& db);
//! The school's records, newest first, after `cursor` (a record id). Admin and director only.
std::vector<Record> list(storage::Database& db, const auth::Actor& actor, std::int64_t school_id, int limit,
                         std::optional<std::int64_t> cursor);

void register_routes(http::Router& router, Context& ctx);

//! The digest of a record's content and the previous record's hash.
std::string record_hash(const std::string& prev_hash, std::int64_t id, const Record& record);

}  // namespace kreda::audit
