// SQL of calendar feeds: only the SHA-256 of a feed's token is stored.
#include "modules/timetable/ical_store.hpp"
#include "core/clock.hpp"

namespace kreda::timetable::store {

namespace {
constexpr std::string_view kInsert =
    "INSERT INTO calendar_feeds (school_id, user_id, student_id, token_hash, created_at) VALUES (?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kByToken =
    "SELECT f.id, f.school_id, f.user_id, f.student_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id "
    "WHERE f.token_hash = ? AND u.active = 1";
constexpr std::string_view kOfUser =
    "SELECT id, school_id, user_id, student_id, created_at FROM calendar_feeds WHERE user_id = ? ORDER BY id";
constexpr std::string_view kDelete = "DELETE FROM calendar_feeds WHERE id = ? AND user_id = ?";

Feed feed_of(const storage::Row& r) {
    Feed f{r[0].as_int(), r[1].as_int(), r[2].as_int(), std::nullopt, 0};
    if (!r[3].is_null()) f.student_id = r[3].as_int();
    if (r.size() > 4) f.created_at = r[4].as_int();
    return f;
}
}  // namespace

std::int64_t insert_feed(storage::Transaction& tx, const Feed& feed, const std::string& token_hash) {
    return tx.query_one(kInsert, {feed.school_id, feed.user_id, feed.student_id, token_hash, Clock::now()})
        ->at(0)
        .as_int();
}

std::optional<Feed> feed_by_token(storage::Transaction& tx, const std::string& token_hash) {
    auto r = tx.query_one(kByToken, {token_hash});
    if (!r) return std::nullopt;
    return feed_of(*r);
}

std::vector<Feed> feeds_of(storage::Transaction& tx, std::int64_t user_id) {
    std::vector<Feed> out;
    for (const auto& r : tx.query(kOfUser, {user_id})) out.push_back(feed_of(r));
    return out;
}

bool delete_feed(storage::Transaction& tx, std::int64_t feed_id, std::int64_t user_id) {
    return tx.execute(kDelete, {feed_id, user_id}) > 0;
}

}  // namespace kreda::timetable::store
