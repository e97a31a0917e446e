// Families open the grades view far more often than teachers change grades, and the view of a full year is the
// heaviest page there is. This cache keeps each student's rendered view and checks it against two counters in
// the database — one per class, one per school — that every grade change moves in its own transaction, so a
// cached view is never older than the last committed grade, in this process or any other on the same database.
// What the counters do not cover (a new teaching assignment, a renamed teacher) shows within kMaxAge.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/date.hpp"
#include "core/gzip.hpp"
#include "storage/database.hpp"

namespace kreda::grades::cache {

constexpr std::int64_t kMaxAge = 60;  //!< seconds

//! Moves the counter of a class (its students' grades changed) or of a school (its settings or categories).
void bump_class(storage::Transaction& tx, std::int64_t class_id);
void bump_school(storage::Transaction& tx, std::int64_t school_id);
//! Moves the counter of the student's current class.
void bump_student(storage::Transaction& tx, std::int64_t student_id);

struct Key {
    std::int64_t student_id = 0;
    std::int64_t class_id = 0;
    std::int64_t school_id = 0;
    int term = 0;  //!< 0: the whole year
    bool family = true;
    Date today{};
};

//! The versions the key's view depends on, read in the caller's transaction.
std::pair<std::int64_t, std::int64_t> versions_of(storage::Transaction& tx, const Key& key);
//! A rendered view: its JSON, and the same compressed once for gzip answers (without the opening brace, so that
//! each reader's own fields can go in front).
struct View {
    explicit View(std::string text)
        : json(std::move(text)), compressed(gzip::deflate_once(std::string_view(json).substr(1))) {}
    std::string json;
    gzip::Deflated compressed;
};
using Body = std::shared_ptr<const View>;

//! The cached body for these versions, if any and fresh (shared: a view is tens of KiB, never copied here).
Body find(const Key& key, std::pair<std::int64_t, std::int64_t> versions);
void store(const Key& key, std::pair<std::int64_t, std::int64_t> versions, Body body);

}  // namespace kreda::grades::cache
