#include "modules/notify/notify_store.hpp"

#include "core/clock.hpp"
#include "core/json.hpp"

namespace kreda::notify {

namespace {

Preferences parse(const storage::Row& r, std::size_t at) {
    Preferences p;
    auto channels = boost::json::parse(r[at].as_text());
    for (const auto& [group, channel] : channels.as_object())
        if (channel.is_string()) p.channels[std::string(group)] = std::string(channel.as_string());
    if (!r[at + 1].is_null()) p.quiet_from = static_cast<int>(r[at + 1].as_int());
    if (!r[at + 2].is_null()) p.quiet_to = static_cast<int>(r[at + 2].as_int());
    p.digest_at = static_cast<int>(r[at + 3].as_int());
    p.language = r[at + 4].as_text();
    return p;
}

}  // namespace

Preferences load_preferences(storage::Transaction& tx, std::int64_t user_id) {
    auto row = tx.query_one(
        "SELECT channels, quiet_from, quiet_to, digest_at, language FROM notification_preferences WHERE user_id = ?",
        {user_id});
    return row ? parse(*row, 0) : Preferences{};
}

void save_preferences(storage::Transaction& tx, std::int64_t user_id, const Preferences& p) {
    json::object channels;
    for (const auto& [group, channel] : p.channels) channels[group] = channel;
    tx.execute(
        "INSERT INTO notification_preferences (user_id, channels, quiet_from, quiet_to, digest_at, language, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET channels = excluded.channels, "
        "quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to, digest_at = excluded.digest_at, "
        "language = excluded.language, updated_at = excluded.updated_at",
        {user_id, json::to_string(channels), p.quiet_from, p.quiet_to, p.digest_at, p.language, Clock::now()});
}

std::optional<std::string> mail_address(storage::Transaction& tx, std::int64_t user_id) {
    auto row = tx.query_one("SELECT " + std::string(kMailAddress) + " FROM users u WHERE u.id = ?", {user_id});
    if (!row || (*row)[0].is_null() || (*row)[0].as_text().empty()) return std::nullopt;
    return (*row)[0].as_text();
}

std::vector<MailReader> mail_readers(storage::Transaction& tx) {
    std::vector<MailReader> out;
    for (const auto& r : tx.query(
             "SELECT u.id, u.school_id, u.role, " + std::string(kMailAddress) +
             ", u.first_name, p.last_digest_on, p.channels, p.quiet_from, p.quiet_to, p.digest_at, p.language FROM "
             "notification_preferences p JOIN users u ON u.id = p.user_id WHERE u.active = 1 AND u.school_id IS NOT "
             "NULL AND (p.channels LIKE '%\"email\"%' OR p.channels LIKE '%\"digest\"%' OR "
             "p.channels LIKE '%\"push\"%')")) {
        MailReader m;
        m.user_id = r[0].as_int();
        m.school_id = r[1].as_int();
        m.role = r[2].as_text();
        m.email = r[3].is_null() ? "" : r[3].as_text();  // none: only pushes reach them
        m.first_name = r[4].as_text();
        if (!r[5].is_null()) m.last_digest_on = r[5].as_text();
        m.preferences = parse(r, 6);
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace kreda::notify
