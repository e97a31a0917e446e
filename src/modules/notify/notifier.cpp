// Following the feed for those who want mail: each batch of entries is read, turned into mail (at once, held
// back past quiet hours, or kept for the digest) and the cursor moved, all in one transaction whose first
// statement locks the notifier's row: two processes never mail one change twice, and none is skipped.
#include <set>

#include "core/background.hpp"
#include "core/clock.hpp"
#include "modules/feed/feed_store.hpp"
#include "modules/mail/mail.hpp"
#include "modules/notify/notify.hpp"
#include "modules/notify/notify_store.hpp"
#include "modules/push/push.hpp"

namespace kreda::notify {

class Notifier {
  public:
    Notifier(storage::Database& db, Settings settings)
        : db_(db), settings_(std::move(settings)), loop_("notifications", std::chrono::seconds(2), [this] {
              while (process_batch() > 0 && !loop_.stopping()) {
              }
              send_digests();
          }) {}

  private:
    Language language_of(const MailReader& m) const { return language_from_code(m.preferences.language); }

    int process_batch() {
        {  // mostly nothing is new: look without taking the single writer's lock (and an fsync) every 2 s
            auto read = db_.begin(storage::Access::Read);
            auto cursor = read->query("SELECT cursor FROM notifier_state WHERE id = 1").front()[0].as_int();
            if (cursor >= feed::head_of(*read)) return 0;
        }
        return in_write_transaction(db_, [&](storage::Transaction& tx) {
            tx.execute("UPDATE notifier_state SET cursor = cursor WHERE id = 1");  // one notifier at a time
            std::int64_t cursor = tx.query("SELECT cursor FROM notifier_state WHERE id = 1").front()[0].as_int();
            auto entries = feed::entries_after(tx, cursor, 200);
            if (entries.empty()) return 0;
            std::vector<std::pair<MailReader, feed::Reader>> readers;
            for (auto& m : mail_readers(tx)) {
                auth::Actor actor;
                actor.user_id = m.user_id;
                actor.school_id = m.school_id;
                actor.role = auth::parse_role(m.role).value_or(auth::Role::Student);
                readers.emplace_back(m, feed::reader_of(tx, actor));
            }
            std::int64_t now = Clock::now();
            int minute = warsaw_minutes_of_day(now);
            for (const auto& e : entries) {
                if (readers.empty()) break;
                std::set<std::int64_t> inbox;
                if (e.target == "message")
                    for (const auto& r : tx.query("SELECT owner_id FROM mailbox WHERE message_id = ? AND folder <> "
                                                  "'sent' AND folder <> 'deleted'",
                                                  {e.target_id}))
                        inbox.insert(r[0].as_int());
                std::string group = group_of(e.kind);
                for (const auto& [m, reader] : readers) {
                    auto channel = m.preferences.channels.find(group);
                    if (channel == m.preferences.channels.end() ||
                        (channel->second != "email" && channel->second != "digest" && channel->second != "push") ||
                        (channel->second != "push" && m.email.empty()))
                        continue;
                    auto item = feed::item_for(reader, e, inbox.count(m.user_id) > 0);
                    if (!item) continue;
                    std::string line = describe(e.kind, item->json.at("data").as_object(), language_of(m));
                    if (channel->second == "digest") {
                        tx.execute(
                            "INSERT INTO notification_digest (user_id, entry_id, line) VALUES (?, ?, ?) "
                            "ON CONFLICT (user_id, entry_id) DO NOTHING",
                            {m.user_id, e.id, line});
                        continue;
                    }
                    std::int64_t not_before = now;
                    if (m.preferences.quiet_from && m.preferences.quiet_to && !urgent(e.kind))
                        not_before = quiet_end(now, minute, *m.preferences.quiet_from, *m.preferences.quiet_to);
                    if (channel->second == "push") {
                        push::enqueue(tx, m.user_id,
                                      json::object{{"title", "Kreda"},
                                                   {"body", line},
                                                   {"url", "/timeline"},
                                                   {"tag", "kreda-" + std::to_string(e.id)},
                                                   {"kind", e.kind},
                                                   {"entry_id", e.id}},
                                      not_before);
                        continue;
                    }
                    mail::enqueue(
                        tx,
                        mail::render(
                            "notification", language_of(m), m.email,
                            {{"name", m.first_name}, {"line", line}, {"link", settings_.public_url + "/timeline"}}),
                        not_before);
                }
            }
            tx.execute("UPDATE notifier_state SET cursor = ? WHERE id = 1", {entries.back().id});
            return static_cast<int>(entries.size());
        });
    }

    //! Once a day, at each reader's chosen time, one mail with what gathered since the last.
    void send_digests() {
        in_write_transaction(db_, [&](storage::Transaction& tx) {
            std::int64_t now = Clock::now();
            std::string today = format_date(warsaw_date(now));
            int minute = warsaw_minutes_of_day(now);
            for (const auto& m : mail_readers(tx)) {
                if (m.email.empty() || minute < m.preferences.digest_at || m.last_digest_on == today) continue;
                tx.execute("UPDATE notification_preferences SET last_digest_on = ? WHERE user_id = ?",
                           {today, m.user_id});
                auto lines =
                    tx.query("SELECT line FROM notification_digest WHERE user_id = ? ORDER BY entry_id", {m.user_id});
                if (lines.empty()) continue;
                std::string list;
                for (const auto& r : lines) list += "• " + r[0].as_text() + "\n";
                mail::enqueue(tx, mail::render("digest", language_of(m), m.email,
                                               {{"name", m.first_name},
                                                {"count", std::to_string(lines.size())},
                                                {"lines", list},
                                                {"link", settings_.public_url + "/timeline"}}));
                tx.execute("DELETE FROM notification_digest WHERE user_id = ?", {m.user_id});
            }
        });
    }

    storage::Database& db_;
    Settings settings_;
    BackgroundLoop loop_;  // last: stops before the rest goes
};

std::shared_ptr<Notifier> start_notifier(storage::Database& db, const Settings& settings) {
    return std::make_shared<Notifier>(db, settings);
}

}  // namespace kreda::notify
