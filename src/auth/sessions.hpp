// Sessions: 256-bit random tokens (only their SHA-256 is stored), a cookie plus CSRF token for browsers,
// bearer tokens for apps; idle and absolute timeouts per role; resolving a request to its Actor.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/actor.hpp"
#include "http/message.hpp"
#include "storage/database.hpp"

namespace kreda::auth {

enum class SessionKind { Browser, App };

struct IssuedSession {
    std::string token;
    std::string csrf_token;
};

struct Timeouts {
    std::int64_t idle_seconds;
    std::int64_t absolute_seconds;
};

//! Staff browsers: 30 min idle; family browsers: 60 min; both 12 h absolute. Apps: 30 days idle, 90 absolute.
Timeouts timeouts_for(Role role, SessionKind kind);

//! Which session states an endpoint accepts.
enum class Allow { FullOnly, Unfinished };

class Sessions {
  public:
    Sessions(storage::Database& db, bool secure_cookies) : db_(db), secure_cookies_(secure_cookies) {}

    //! Creates a session in the caller's transaction.
    IssuedSession create(storage::Transaction& tx, std::int64_t user_id, SessionKind kind, const std::string& address);
    //! The actor behind a request's cookie or bearer token; 401 when none or expired, 403 on a CSRF failure or
    //! when the session must first change its password or enrol a second factor (unless `allow` says so).
    Actor authenticate(const http::Request& request, Allow allow = Allow::FullOnly);
    //! Ends a session (it timed out, or its account was disabled); the devices it subscribed keep their pushes.
    void end(storage::Transaction& tx, std::int64_t session_id);
    //! The user signs this session out: it ends, and so do the pushes of the devices it subscribed and of the
    //! browser it names (`push_endpoint`, subscribed for this account in an earlier session that timed out).
    void sign_out(storage::Transaction& tx, const Actor& actor, const std::string& push_endpoint);
    //! A family account's session acts from now on as the given linked school account (none: as no account).
    void act_as(storage::Transaction& tx, std::int64_t session_id, std::optional<std::int64_t> user_id);
    //! Ends every session of a user except one (0: all of them), and the pushes of every device not subscribed by
    //! that one: a new password locks out whoever had it, also from hearing the account.
    void end_all(storage::Transaction& tx, std::int64_t user_id, std::int64_t except_session_id = 0);
    //! The user's account changed (password, second factor): sessions re-read it once `tx` commits.
    void refresh_user(storage::Transaction& tx, std::int64_t user_id);

    std::string cookie_for(const std::string& token) const;
    std::string expired_cookie() const;

  private:
    // Sessions read in the last few seconds, by token hash: most requests then need no session query.
    // Ending or changing a session evicts it in this process at once (and again after commit); other
    // processes sharing a PostgreSQL database see the change within kCacheSeconds.
    struct Cached {
        storage::Row row;
        std::int64_t fetched_at;
    };
    static constexpr std::int64_t kCacheSeconds = 5;
    std::optional<storage::Row> lookup(const std::string& token_hash);
    void evict_where(std::int64_t user_id, std::int64_t session_id);

    storage::Database& db_;
    bool secure_cookies_;
    std::mutex cache_mutex_;
    std::unordered_map<std::string, Cached> cache_;
};

}  // namespace kreda::auth
