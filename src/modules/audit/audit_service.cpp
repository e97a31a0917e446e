#include "auth/policy.hpp"
#include "modules/audit/audit.hpp"

namespace kreda::audit {

namespace {

constexpr std::string_view kAllRecords =
    "SELECT id, school_id, at, actor_login, address, action, object_type, object_id, before_json, after_json, "
    "prev_hash, hash FROM audit_log WHERE id > ? ORDER BY id LIMIT 1000";
constexpr std::string_view kChainHead = "SELECT seq, last_hash FROM audit_chain WHERE id = 1";
constexpr std::string_view kSchoolRecords =
    "SELECT id, school_id, at, actor_login, address, action, object_type, object_id, before_json, after_json "
    "FROM audit_log WHERE school_id = ? AND id < ? ORDER BY id DESC LIMIT ?";

Record record_of(const storage::Row& r) {
    Record record{r[0].as_int(),  std::nullopt,   r[2].as_int(), r[3].as_text(), r[4].as_text(),
                  r[5].as_text(), r[6].as_text(), std::nullopt,  r[8].as_text(), r[9].as_text()};
    if (!r[1].is_null()) record.school_id = r[1].as_int();
    if (!r[7].is_null()) record.object_id = r[7].as_int();
    return record;
}

}  // namespace

Verification verify(storage::Database& db) {
    auto tx = db.begin(storage::Access::Read);
    std::string prev_hash;
    std::int64_t expected_id = 1, count = 0;
    for (;;) {
        storage::Rows batch = tx->query(kAllRecords, {expected_id - 1});
        if (batch.empty()) break;
        for (const storage::Row& r : batch) {
            Record record = record_of(r);
            if (record.id != expected_id)
                return {false, count, expected_id, "record " + std::to_string(expected_id) + " is missing"};
            if (r[10].as_text() != prev_hash)
                return {false, count, record.id, "the link to the previous record is broken"};
            if (record_hash(prev_hash, record.id, record) != r[11].as_text())
                return {false, count, record.id, "the record's content does not match its hash"};
            prev_hash = r[11].as_text();
            ++expected_id;
            ++count;
        }
    }
    auto head = tx->query_one(kChainHead);
    if (head && ((*head)[0].as_int() != count || (*head)[1].as_text() != prev_hash))
        return {false, count, count + 1, "records after " + std::to_string(count) + " were removed"};
    return {true, count, std::nullopt, ""};
}

std::vector<Record> list(storage::Database& db, const auth::Actor& actor, std::int64_t school_id, int limit,
                         std::optional<std::int64_t> cursor) {
    auth::require(actor, auth::Action::ViewAudit, {school_id});
    auto tx = db.begin(storage::Access::Read);
    std::vector<Record> records;
    for (const storage::Row& r : tx->query(kSchoolRecords, {school_id, cursor.value_or(INT64_MAX), limit}))
        records.push_back(record_of(r));
    return records;
}

}  // namespace kreda::audit
