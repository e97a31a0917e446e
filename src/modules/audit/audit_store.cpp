#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "modules/audit/audit.hpp"

namespace kreda::audit {

namespace {

// The chain's head row serialises appends (it is locked by the UPDATE until the transaction ends).
constexpr std::string_view kAdvanceChain = "UPDATE audit_chain SET seq = seq + 1 WHERE id = 1 RETURNING seq, last_hash";
constexpr std::string_view kSetChainHead = "UPDATE audit_chain SET last_hash = ? WHERE id = 1";
constexpr std::string_view kInsertRecord =
    "INSERT INTO audit_log (id, school_id, at, actor_id, actor_login, address, action, object_type, object_id, "
    "before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

std::string field(const std::string& text) {
    return std::to_string(text.size()) + ":" + text + ";";
}

std::string optional_number(const std::optional<std::int64_t>& n) {
    return n ? std::to_string(*n) : "-";
}

}  // namespace

std::string record_hash(const std::string& prev_hash, std::int64_t id, const Record& r) {
    std::string canonical = field(prev_hash) + field(std::to_string(id)) + field(optional_number(r.school_id)) +
                            field(std::to_string(r.at)) + field(r.actor_login) + field(r.address) + field(r.action) +
                            field(r.object_type) + field(optional_number(r.object_id)) + field(r.before_json) +
                            field(r.after_json);
    return crypto::sha256_hex(canonical);
}

Entry entry_by(const auth::Actor& actor, std::string action, std::string object_type,
               std::optional<std::int64_t> object_id) {
    Entry e;
    e.school_id = actor.school_id;
    e.actor_id = actor.user_id;
    e.actor_login = actor.login;
    e.address = actor.address;
    e.action = std::move(action);
    e.object_type = std::move(object_type);
    e.object_id = object_id;
    return e;
}

void record(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id, std::string action,
            std::string object_type, std::optional<std::int64_t> object_id, std::optional<json::value> before,
            std::optional<json::value> after) {
    Entry entry = entry_by(actor, std::move(action), std::move(object_type), object_id);
    entry.school_id = school_id;
    entry.before = std::move(before);
    entry.after = std::move(after);
    append(tx, entry);
}

void append(storage::Transaction& tx, const Entry& entry) {
    auto head = tx.query_one(kAdvanceChain);
    std::int64_t id = (*head)[0].as_int();
    std::string prev_hash = (*head)[1].as_text();
    Record record{id,
                  entry.school_id,
                  Clock::now(),
                  entry.actor_login,
                  entry.address,
                  entry.action,
                  entry.object_type,
                  entry.object_id,
                  entry.before ? json::to_string(*entry.before) : "",
                  entry.after ? json::to_string(*entry.after) : ""};
    std::string hash = record_hash(prev_hash, id, record);
    tx.execute(kInsertRecord, {id, entry.school_id, record.at, entry.actor_id, record.actor_login, record.address,
                               record.action, record.object_type, entry.object_id,
                               entry.before ? storage::Value(record.before_json) : storage::Value(),
                               entry.after ? storage::Value(record.after_json) : storage::Value(), prev_hash, hash});
    tx.execute(kSetChainHead, {hash});
}

}  // namespace kreda::audit
