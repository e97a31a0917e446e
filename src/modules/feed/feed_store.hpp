// What the feed's store, its readers and its hub share: a stored entry and whether a reader sees it.
#pragma once

#include "modules/feed/feed.hpp"

namespace kreda::feed {

struct StoredEntry {
    std::int64_t id = 0, school_id = 0, target_id = 0, created_at = 0;
    std::optional<std::int64_t> group_id;
    std::string target, audience, kind, data;
};

//! Entries after `since` (all schools when `school_id` is 0), oldest first, at most `limit`.
std::vector<StoredEntry> entries_after(storage::Transaction& tx, std::int64_t since, int limit);
//! The id of the last committed entry.
std::int64_t head_of(storage::Transaction& tx);

//! Whether the reader sees the entry (`in_mailbox` for "message" entries) and, if so, which of their students it
//! is about (none for messages and school-wide entries). Cheap: no JSON is touched.
std::optional<std::optional<std::int64_t>> seen_by(const Reader& reader, const StoredEntry& entry, bool in_mailbox);
//! The entry as received when it is about `student`.
Item item_of(const StoredEntry& entry, std::optional<std::int64_t> student);
//! Both at once: the entry as the reader receives it, or nothing when it is not theirs.
std::optional<Item> item_for(const Reader& reader, const StoredEntry& entry, bool in_mailbox);

//! Wakes this process's hub (after a commit that published entries).
void wake_hub();

}  // namespace kreda::feed
