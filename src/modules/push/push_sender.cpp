// Delivering queued pushes: each is claimed (two processes never post one twice), encrypted for its device and
// posted to its push service with libcurl. 2xx: delivered; 404 or 410: the device unsubscribed, so the
// subscription goes (and what was queued for it); 400 or 413: given up; anything else is tried again with the
// mail's backoff, at most ten times.
#include <curl/curl.h>

#include <atomic>

#include "core/background.hpp"
#include "core/clock.hpp"
#include "modules/mail/mail.hpp"
#include "modules/push/push.hpp"
#include "modules/push/push_sender.hpp"

namespace kreda::push {

namespace {

struct Due {
    std::int64_t id, subscription_id, next_attempt_at;
    int attempts;
    std::string payload, endpoint, p256dh, auth;
};

std::size_t discard(char*, std::size_t size, std::size_t count, void*) {
    return size * count;
}

}  // namespace

class Sender {
  public:
    Sender(storage::Database& db, Settings settings)
        : db_(db), settings_(std::move(settings)), loop_("push", std::chrono::seconds(1), [this] {
              while (deliver_due() > 0 && !loop_.stopping()) {
              }
          }) {}

    void wake() { loop_.wake(); }

  private:
    int deliver_due() {
        std::vector<Due> due;
        std::int64_t now = Clock::now();
        {
            auto tx = db_.begin(storage::Access::Read);
            for (const auto& r : tx->query(
                     "SELECT o.id, o.subscription_id, o.next_attempt_at, o.attempts, o.payload, s.endpoint, s.p256dh, "
                     "s.auth FROM push_outbox o JOIN push_subscriptions s ON s.id = o.subscription_id WHERE "
                     "o.sent_at IS NULL AND o.failed_at IS NULL AND o.next_attempt_at <= ? ORDER BY o.id LIMIT 50",
                     {now}))
                due.push_back({r[0].as_int(), r[1].as_int(), r[2].as_int(), static_cast<int>(r[3].as_int()),
                               r[4].as_text(), r[5].as_text(), r[6].as_text(), r[7].as_text()});
        }
        if (due.empty()) return 0;
        if (!vapid_) vapid_ = vapid_keys(db_);
        int tried = 0;
        for (const auto& d : due) {
            bool mine = in_write_transaction(db_, [&](storage::Transaction& tx) {
                return tx.execute(
                           "UPDATE push_outbox SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? "
                           "AND sent_at IS NULL",
                           {now + 300, d.id, d.next_attempt_at}) == 1;
            });
            if (!mine) continue;  // another process took it
            ++tried;
            long status = post(d);
            record(d, status);
        }
        return tried;
    }

    //! Posts one push; the HTTP status, or 0 when the service could not be reached.
    long post(const Due& d) {
        std::string body =
            encrypt(d.payload, from_base64url(d.p256dh).value_or(""), from_base64url(d.auth).value_or(""));
        CURL* curl = curl_easy_init();
        if (!curl) return 0;
        curl_slist* headers = nullptr;
        for (std::string h :
             {std::string("Content-Type: application/octet-stream"), std::string("Content-Encoding: aes128gcm"),
              std::string("TTL: 86400"), std::string("Urgency: normal"),
              "Authorization: " +
                  vapid_authorization(d.endpoint, *vapid_, settings_.vapid_subject, Clock::now() + 12 * 3600)})
            headers = curl_slist_append(headers, h.c_str());
        curl_easy_setopt(curl, CURLOPT_URL, d.endpoint.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
        long status = 0;
        if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(headers);
        curl_easy_cleanup(curl);
        return status;
    }

    void record(const Due& d, long status) {
        in_write_transaction(db_, [&](storage::Transaction& tx) {
            std::int64_t done = Clock::now();
            if (status >= 200 && status < 300) {
                tx.execute("UPDATE push_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?", {done, d.id});
            } else if (status == 404 || status == 410) {
                tx.execute("DELETE FROM push_subscriptions WHERE id = ?", {d.subscription_id});
            } else {
                int attempts = d.attempts + 1;
                bool give_up = attempts >= mail::kMaxAttempts || status == 400 || status == 413;
                tx.execute(
                    "UPDATE push_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, failed_at = ? "
                    "WHERE id = ?",
                    {attempts, done + mail::backoff_seconds(attempts), "HTTP " + std::to_string(status),
                     give_up ? storage::Value(done) : storage::Value(nullptr), d.id});
            }
        });
    }

    storage::Database& db_;
    Settings settings_;
    std::optional<KeyPair> vapid_;
    BackgroundLoop loop_;  // last: stops before the rest goes
};

namespace {
std::atomic<Sender*> g_sender{nullptr};
}

void wake_sender() {
    if (Sender* sender = g_sender.load()) sender->wake();
}

std::shared_ptr<Sender> start_sender(storage::Database& db, const Settings& settings) {
    auto sender = std::shared_ptr<Sender>(new Sender(db, settings), [](Sender* s) {
        g_sender = nullptr;
        delete s;
    });
    g_sender = sender.get();
    return sender;
}

}  // namespace kreda::push
