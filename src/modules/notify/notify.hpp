// Notifications: each user chooses, for each group of changes, in the app only, an e-mail at once, a daily
// e-mail digest, or nothing; quiet hours (e.g. 22:00–7:00) hold back e-mail that is not urgent until they end.
// A notifier follows the change feed in one transaction per batch — reading entries, queueing mail, moving its
// cursor — so that no change is mailed twice or skipped, also with several server processes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::notify {

// notify_preferences.cpp
//! {channels: {group: channel}, quiet_hours: {from, to} | null, digest_at, language, email}: the caller's own.
json::object preferences(Context& ctx, const auth::Actor& actor);
//! The same shape (any part may be left out); e-mail channels need an address on the account.
json::object set_preferences(Context& ctx, const auth::Actor& actor, const json::object& input);

// notify_rules.cpp (pure)
//! The group a feed entry's kind belongs to: grades, attendance, terminarz, notes, notices, messages.
std::string group_of(std::string_view kind);
//! Whether a kind is urgent enough to pass quiet hours (a lesson changed for the morning).
bool urgent(std::string_view kind);
//! Whether a minute of the day (0–1439) falls in quiet hours from `from` to `to` (which may wrap midnight).
bool in_quiet_hours(int minute, int from, int to);
//! The first instant at or after `now` outside quiet hours, given the minute of the day at `now`.
std::int64_t quiet_end(std::int64_t now, int minute_now, int from, int to);
//! One line about a feed entry, for a mail: "Nowa ocena z Chemia: 5".
std::string describe(std::string_view kind, const json::object& data, Language language);

class Notifier;
//! Starts following the feed (a thread): mail (kept in the outbox without an SMTP server) and pushes.
std::shared_ptr<Notifier> start_notifier(storage::Database& db, const Settings& settings);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::notify
