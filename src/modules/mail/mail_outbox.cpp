// The outbox: what is written in the action's transaction, and when a failed attempt is tried again.
#include <algorithm>

#include "core/clock.hpp"
#include "core/json.hpp"
#include "modules/mail/mail.hpp"
#include "modules/mail/mail_sender.hpp"

namespace kreda::mail {

std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\r', ' ');
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

void enqueue(storage::Transaction& tx, const Mail& mail, std::optional<std::int64_t> not_before) {
    std::int64_t now = Clock::now();
    tx.execute(
        "INSERT INTO mail_outbox (to_address, subject, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)",
        {one_line(mail.to), one_line(mail.subject), mail.body, now, std::max(now, not_before.value_or(now))});
    tx.after_commit(wake_sender);
}

std::int64_t backoff_seconds(int attempts) {
    std::int64_t delay = 30;
    for (int i = 1; i < attempts && delay < 3600; ++i) delay *= 2;
    return std::min<std::int64_t>(delay, 3600);
}

}  // namespace kreda::mail
