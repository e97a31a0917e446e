// E-mail: mails are written to an outbox in the transaction of the action that causes them (so an undeliverable
// mail never loses the action), rendered from Polish and English templates, and delivered by a background sender
// over SMTP (libcurl) with retries and backoff. Without an SMTP server configured they stay in the outbox, which
// the demo shows at /dev/mail.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/text.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::mail {

struct Mail {
    std::string to, subject, body;
};

//! A template in the reader's language with `{{name}}` filled from `values`. Templates: password_reset,
//! notification, digest, family_activation, family_parent_consent, family_already_registered.
Mail render(const std::string& template_name, Language language, const std::string& to,
            const std::map<std::string, std::string>& values);

//! Queues the mail in the caller's transaction (not to go before `not_before`, e.g. the end of quiet hours); the
//! sender is woken after the commit.
void enqueue(storage::Transaction& tx, const Mail& mail, std::optional<std::int64_t> not_before = std::nullopt);

//! When a failed attempt is retried: 30 s, 1 min, 2 min, … up to 1 h; after `kMaxAttempts` the mail is given up.
std::int64_t backoff_seconds(int attempts);
constexpr int kMaxAttempts = 10;

class Sender;
//! Starts delivering the outbox (a thread); null when no SMTP server is configured.
std::shared_ptr<Sender> start_sender(storage::Database& db, const Settings& settings);

//! GET /dev/mail (an HTML list of the outbox, newest first) when `settings.dev_mail` is set: the demo's mailbox.
void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::mail
