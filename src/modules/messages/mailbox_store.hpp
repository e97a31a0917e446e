// SQL of messages and mailboxes. No permission checks: the services decide.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace kreda::messages::store {

struct MessageRow {
    std::int64_t id = 0, school_id = 0, thread_id = 0;
    std::optional<std::int64_t> reply_to;
    std::int64_t sender_id = 0;
    std::string sender_first_name, sender_last_name, sender_role;
    std::string subject, body, addressed_to;  //!< addressed_to: JSON, the groups as written
    std::int64_t sent_at = 0;
    // the reader's own mailbox row
    bool sent = false;
    std::string folder;
    std::optional<std::int64_t> read_at;
};

struct Receipt {
    std::int64_t user_id = 0;
    std::string first_name, last_name, role;
    std::optional<std::int64_t> read_at;
};

std::int64_t insert_message(storage::Transaction& tx, const MessageRow& message, const std::string& search_text);
//! The sender's copy in `sent`, each recipient's in `inbox`.
void deliver(storage::Transaction& tx, std::int64_t message_id, std::int64_t sender_id,
             const std::vector<std::int64_t>& recipients);

//! The message as `owner` has it in their mailbox; none when it is not theirs or they deleted it.
std::optional<MessageRow> find(storage::Transaction& tx, std::int64_t message_id, std::int64_t owner_id);
//! A folder page, newest first; `search` is already case-folded (empty: everything).
std::vector<MessageRow> folder_of(storage::Transaction& tx, std::int64_t owner_id, const std::string& folder,
                                  const std::string& search, std::int64_t before, int limit);
//! The thread's messages that `owner` has in their mailbox (not deleted), oldest first.
std::vector<MessageRow> thread_of(storage::Transaction& tx, std::int64_t thread_id, std::int64_t owner_id);
std::vector<Receipt> receipts(storage::Transaction& tx, std::int64_t message_id);
std::vector<std::int64_t> recipients_of(storage::Transaction& tx, std::int64_t message_id);

void mark_read(storage::Transaction& tx, std::int64_t message_id, std::int64_t owner_id, std::int64_t at);
void set_folder(storage::Transaction& tx, std::int64_t message_id, std::int64_t owner_id, const std::string& folder);
void remove(storage::Transaction& tx, std::int64_t message_id, std::int64_t owner_id);
std::int64_t unread(storage::Transaction& tx, std::int64_t owner_id);

}  // namespace kreda::messages::store
