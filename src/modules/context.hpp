// What every module's routes and services are given: the database, sessions, sign-in limits, settings.
#pragma once

#include <string>
#include <string_view>

#include "auth/rate_limiter.hpp"
#include "auth/sessions.hpp"
#include "storage/database.hpp"

namespace kreda {

struct Settings {
    std::string public_url = "http://localhost:8080";  //!< printed on activation slips
    bool secure_cookies = false;
    bool test_clock = false;  //!< exposes POST /api/v1/testing/clock (tests only)
    //! Where attachments live, by content hash; empty: beside a SQLite file (`<db>-files`), else `var/files`.
    std::string files_dir;
    //! Live event streams (GET /feed/stream) one user may hold open: tabs and devices; more is a leak or an attack.
    int streams_per_user = 10;
    //! Outgoing mail: an SMTP URL (smtp://host:587, smtps://host:465); empty keeps mail in the outbox.
    std::string smtp_url;
    std::string smtp_user, smtp_password;
    std::string mail_from = "Kreda <kreda@localhost>";
    //! Shows the outbox at /dev/mail (the demo; never in production: it shows everyone's mail).
    bool dev_mail = false;
    //! Web Push: the hosts (or their parent domains) of push services a subscription may point at — the server
    //! posts to them, so not to any address a user gives — and the contact sent in each VAPID token.
    std::string push_hosts =
        "fcm.googleapis.com,updates.push.services.mozilla.com,push.services.mozilla.com,notify.windows.com,"
        "push.apple.com";
    bool push_allow_http = false;  //!< plain-HTTP push endpoints (tests' local push service only)
    std::string vapid_subject = "mailto:kreda@localhost";
    //! How often background housekeeping runs (deleting family accounts not activated within 14 days).
    int housekeeping_seconds = 600;
};

//! The attachments' directory for a database location, unless configured.
inline std::string files_dir_for(const Settings& settings, std::string_view db) {
    if (!settings.files_dir.empty()) return settings.files_dir;
    if (db.rfind("postgres", 0) == 0) return "var/files";
    return std::string(db) + "-files";
}

struct Context {
    storage::Database& db;
    auth::Sessions& sessions;
    auth::RateLimiter& limiter;
    Settings settings;
};

//! Runs `work(tx)` in one write transaction and commits it; a throw rolls everything back.
template <typename Work>
auto in_write_transaction(storage::Database& db, Work&& work) {
    auto tx = db.begin(storage::Access::Write);
    if constexpr (std::is_void_v<decltype(work(*tx))>) {
        work(*tx);
        tx->commit();
    } else {
        auto result = work(*tx);
        tx->commit();
        return result;
    }
}

}  // namespace kreda
