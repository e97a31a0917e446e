#include "modules/messages/mailbox_store.hpp"

namespace kreda::messages::store {

namespace {

constexpr std::string_view kInsert =
    "INSERT INTO messages (school_id, thread_id, reply_to, sender_id, subject, body, search_text, addressed_to, "
    "sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kOwnThread = "UPDATE messages SET thread_id = id WHERE id = ?";
constexpr std::string_view kDeliver = "INSERT INTO mailbox (message_id, owner_id, sent, folder) VALUES (?, ?, ?, ?)";
constexpr std::string_view kFields =
    "SELECT m.id, m.school_id, m.thread_id, m.reply_to, m.sender_id, u.first_name, u.last_name, u.role, m.subject, "
    "m.body, m.addressed_to, m.sent_at, b.sent, b.folder, b.read_at FROM mailbox b "
    "JOIN messages m ON m.id = b.message_id JOIN users u ON u.id = m.sender_id ";
constexpr std::string_view kReceipts =
    "SELECT b.owner_id, u.first_name, u.last_name, u.role, b.read_at FROM mailbox b JOIN users u ON u.id = b.owner_id "
    "WHERE b.message_id = ? AND b.sent = 0 ORDER BY u.last_name, u.first_name";

std::string with(std::string_view head, std::string_view tail) {
    return std::string(head) + std::string(tail);
}

MessageRow row_of(const storage::Row& r) {
    MessageRow m;
    m.id = r[0].as_int();
    m.school_id = r[1].as_int();
    m.thread_id = r[2].as_int();
    if (!r[3].is_null()) m.reply_to = r[3].as_int();
    m.sender_id = r[4].as_int();
    m.sender_first_name = r[5].as_text();
    m.sender_last_name = r[6].as_text();
    m.sender_role = r[7].as_text();
    m.subject = r[8].as_text();
    m.body = r[9].as_text();
    m.addressed_to = r[10].as_text();
    m.sent_at = r[11].as_int();
    m.sent = r[12].as_bool();
    m.folder = r[13].as_text();
    if (!r[14].is_null()) m.read_at = r[14].as_int();
    return m;
}

std::vector<MessageRow> rows(storage::Transaction& tx, const std::string& sql, const storage::Params& params) {
    std::vector<MessageRow> out;
    for (const auto& r : tx.query(sql, params)) out.push_back(row_of(r));
    return out;
}

//! `%` and `_` in what the user typed are letters, not wildcards.
std::string like_pattern(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

}  // namespace

std::int64_t insert_message(storage::Transaction& tx, const MessageRow& m, const std::string& search_text) {
    std::int64_t id = tx.query(kInsert, {m.school_id, m.thread_id, m.reply_to, m.sender_id, m.subject, m.body,
                                         search_text, m.addressed_to, m.sent_at})
                          .front()[0]
                          .as_int();
    if (m.thread_id == 0) tx.execute(kOwnThread, {id});
    return id;
}

void deliver(storage::Transaction& tx, std::int64_t message_id, std::int64_t sender_id,
             const std::vector<std::int64_t>& recipients) {
    tx.execute(kDeliver, {message_id, sender_id, 1, "sent"});
    for (auto r : recipients) tx.execute(kDeliver, {message_id, r, 0, "inbox"});
}

std::optional<MessageRow> find(storage::Transaction& tx, std::int64_t message_id, std::int64_t owner_id) {
    auto found = rows(tx, with(kFields, "WHERE b.message_id = ? AND b.owner_id = ? AND b.folder <> 'deleted'"),
                      {message_id, owner_id});
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<MessageRow> folder_of(storage::Transaction& tx, std::int64_t owner_id, const std::string& folder,
                                  const std::string& search, std::int64_t before, int limit) {
    if (search.empty())
        return rows(tx, with(kFields, "WHERE b.owner_id = ? AND b.folder = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?"),
                    {owner_id, folder, before, limit});
    return rows(tx,
                with(kFields,
                     "WHERE b.owner_id = ? AND b.folder = ? AND m.id < ? AND m.search_text LIKE ? ESCAPE '\\' "
                     "ORDER BY m.id DESC LIMIT ?"),
                {owner_id, folder, before, like_pattern(search), limit});
}

std::vector<MessageRow> thread_of(storage::Transaction& tx, std::int64_t thread_id, std::int64_t owner_id) {
    return rows(tx,
                with(kFields,
                     "WHERE m.thread_id = ? AND b.owner_id = ? AND b.folder NOT IN ('trash', 'deleted') "
                     "ORDER BY m.id"),
                {thread_id, owner_id});
}

std::vector<Receipt> receipts(storage::Transaction& tx, std::int64_t message_id) {
    std::vector<Receipt> out;
    for (const auto& r : tx.query(kReceipts, {message_id}))
        out.push_back({r[0].as_int(), r[1].as_text(), r[2].as_text(), r[3].as_text(),
                       r[4].is_null() ? std::nullopt : std::optional(r[4].as_int())});
    return out;
}

std::vector<std::int64_t> recipients_of(storage::Transaction& tx, std::int64_t message_id) {
    std::vector<std::int64_t> out;
    for (const auto& r : tx.query("SELECT owner_id FROM mailbox WHERE message_id = ? AND sent = 0", {message_id}))
        out.push_back(r[0].as_int());
    return out;
}

void mark_read(storage::Transaction& tx, std::int64_t message_id, std::int64_t owner_id, std::int64_t at) {
    tx.execute("UPDATE mailbox SET read_at = ? WHERE message_id = ? AND owner_id = ? AND read_at IS NULL",
               {at, message_id, owner_id});
}

void set_folder(storage::Transaction& tx, std::int64_t message_id, std::int64_t owner_id, const std::string& folder) {
    tx.execute("UPDATE mailbox SET folder = ? WHERE message_id = ? AND owner_id = ?", {folder, message_id, owner_id});
}

void remove(storage::Transaction& tx, std::int64_t message_id, std::int64_t owner_id) {
    // The row stays, out of every folder: the sender still sees that it was read, and when.
    tx.execute("UPDATE mailbox SET folder = 'deleted' WHERE message_id = ? AND owner_id = ?", {message_id, owner_id});
}

std::int64_t unread(storage::Transaction& tx, std::int64_t owner_id) {
    return tx
        .query("SELECT COUNT(*) FROM mailbox WHERE owner_id = ? AND folder = 'inbox' AND sent = 0 AND read_at IS NULL",
               {owner_id})
        .front()[0]
        .as_int();
}

}  // namespace kreda::messages::store
