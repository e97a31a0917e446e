#include "auth/sessions.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"

namespace kreda::auth {

namespace {

// A family account's session starts acting as its first linked school account that is still active.
constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (user_id, token_hash, csrf_token, kind, created_at, last_seen_at, address, acting_user_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT l.user_id FROM family_links l JOIN users a ON a.id = l.user_id "
    "WHERE l.family_id = ? AND a.active = 1 ORDER BY l.id LIMIT 1))";
// `u` is whom the session acts as: its own account, or the school account a family account's session acts as.
constexpr std::string_view kFindSession =
    "SELECT s.id, s.user_id, s.csrf_token, s.kind, s.created_at, s.last_seen_at, u.school_id, u.role, u.login, "
    "u.first_name, u.last_name, CASE WHEN u.active = 1 AND f.active = 1 THEN 1 ELSE 0 END, "
    "u.password_hash IS NULL, u.totp_enabled, sc.require_staff_totp, s.acting_user_id "
    "FROM sessions s JOIN users f ON f.id = s.user_id JOIN users u ON u.id = COALESCE(s.acting_user_id, s.user_id) "
    "LEFT JOIN schools sc ON sc.id = u.school_id WHERE s.token_hash = ?";
constexpr std::string_view kActAs = "UPDATE sessions SET acting_user_id = ? WHERE id = ?";
constexpr std::string_view kTouchSession = "UPDATE sessions SET last_seen_at = ? WHERE id = ?";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE id = ?";
constexpr std::string_view kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = ? AND id <> ?";
// An account's devices: a school account's own, or those a family account subscribed for any account it links.
constexpr std::string_view kForgetSignedOutDevices =
    "DELETE FROM push_subscriptions WHERE session_id = ? OR (endpoint = ? AND ((user_id = ? AND family_id IS NULL) "
    "OR family_id = ?))";
constexpr std::string_view kForgetOtherDevices =
    "DELETE FROM push_subscriptions WHERE ((user_id = ? AND family_id IS NULL) OR family_id = ?) AND (session_id IS "
    "NULL OR session_id <> ?)";

constexpr std::int64_t kTouchEverySeconds = 60;

std::string token_from(const http::Request& request, bool& from_cookie) {
    std::string_view authorization = request.header("authorization");
    if (authorization.size() > 7 && authorization.substr(0, 7) == "Bearer ") {
        from_cookie = false;
        return std::string(authorization.substr(7));
    }
    from_cookie = true;
    return request.cookie("kreda_session").value_or("");
}

}  // namespace

Timeouts timeouts_for(Role role, SessionKind kind) {
    if (kind == SessionKind::App) return {30 * 24 * 3600, 90 * 24 * 3600};
    bool family = role == Role::Parent || role == Role::Student || role == Role::Family;
    return {family ? 60 * 60 : 30 * 60, 12 * 3600};
}

IssuedSession Sessions::create(storage::Transaction& tx, std::int64_t user_id, SessionKind kind,
                               const std::string& address) {
    IssuedSession issued{crypto::random_hex(32), crypto::random_hex(16)};
    std::int64_t now = Clock::now();
    tx.execute(kInsertSession, {user_id, crypto::sha256_hex(issued.token), issued.csrf_token,
                                kind == SessionKind::App ? "app" : "browser", now, now, address, user_id});
    return issued;
}

Actor Sessions::authenticate(const http::Request& request, Allow allow) {
    bool from_cookie = false;
    std::string token = token_from(request, from_cookie);
    if (token.size() != 64) throw errors::unauthorized();
    std::string token_hash = crypto::sha256_hex(token);
    std::optional<storage::Row> row = lookup(token_hash);
    if (!row) throw errors::unauthorized();
    const storage::Row& r = *row;
    Actor actor;
    actor.session_id = r[0].as_int();
    actor.user_id = r[15].is_null() ? r[1].as_int() : r[15].as_int();
    SessionKind kind = r[3].as_text() == "app" ? SessionKind::App : SessionKind::Browser;
    if (!r[6].is_null()) actor.school_id = r[6].as_int();
    actor.role = parse_role(r[7].as_text()).value_or(Role::Student);
    actor.login = r[8].as_text();
    actor.first_name = r[9].as_text();
    actor.last_name = r[10].as_text();
    actor.address = request.remote_address;
    actor.csrf_token = r[2].as_text();
    if (actor.role == Role::Family || !r[15].is_null()) actor.family_id = r[1].as_int();

    std::int64_t now = Clock::now();
    Timeouts limits = timeouts_for(actor.role, kind);
    bool expired = now - r[5].as_int() > limits.idle_seconds || now - r[4].as_int() > limits.absolute_seconds;
    if (expired || !r[11].as_bool()) {
        auto tx = db_.begin(storage::Access::Write);
        end(*tx, actor.session_id);
        tx->commit();
        throw ApiError(401, expired ? "session_expired" : "unauthenticated",
                       {"Sesja wygasła. Zaloguj się ponownie.", "Your session has expired. Please sign in again."});
    }
    if (from_cookie && request.is_unsafe() &&
        !crypto::equal_constant_time(request.header("x-csrf-token"), r[2].as_text()))
        throw ApiError(
            403, "csrf_failed",
            {"Brak poprawnego tokenu CSRF. Odśwież stronę.", "Missing or wrong CSRF token. Reload the page."});

    if (actor.role == Role::Family)
        actor.state = SessionState::FamilyWithoutLink;
    else if (actor.family_id)
        actor.state = SessionState::Full;  // the family account signed in; the linked account's own steps don't apply
    else if (r[12].as_bool())
        actor.state = SessionState::MustChangePassword;
    else if (is_staff(actor.role) && !r[14].is_null() && r[14].as_bool() && !r[13].as_bool())
        actor.state = SessionState::MustEnrolTotp;
    if (allow == Allow::FullOnly && actor.state == SessionState::MustChangePassword)
        throw ApiError(403, "password_change_required",
                       {"Najpierw ustaw własne hasło.", "Please set your own password first."});
    if (allow == Allow::FullOnly && actor.state == SessionState::MustEnrolTotp)
        throw ApiError(403, "totp_enrolment_required",
                       {"Szkoła wymaga weryfikacji dwuetapowej: najpierw ją włącz.",
                        "Your school requires two-step verification: please set it up first."});
    if (allow == Allow::FullOnly && actor.state == SessionState::FamilyWithoutLink)
        throw ApiError(403, "family_link_required",
                       {"Najpierw połącz konto rodzinne z kontem ucznia lub rodzica ze szkoły.",
                        "First link your family account with a student's or parent's school account."});

    if (now - r[5].as_int() >= kTouchEverySeconds) {
        auto tx = db_.begin(storage::Access::Write);
        tx->execute(kTouchSession, {now, actor.session_id});
        tx->commit();
        std::lock_guard guard(cache_mutex_);
        if (auto it = cache_.find(token_hash); it != cache_.end()) it->second.row[5] = storage::Value(now);
    }
    return actor;
}

std::optional<storage::Row> Sessions::lookup(const std::string& token_hash) {
    std::int64_t now = Clock::now();
    {
        std::lock_guard guard(cache_mutex_);
        auto it = cache_.find(token_hash);
        if (it != cache_.end() && now - it->second.fetched_at < kCacheSeconds) return it->second.row;
    }
    std::optional<storage::Row> row;
    {
        auto tx = db_.begin(storage::Access::Read);
        row = tx->query_one(kFindSession, {token_hash});
    }
    std::lock_guard guard(cache_mutex_);
    if (cache_.size() > 100'000) cache_.clear();  // bounded memory under any load
    if (row)
        cache_[token_hash] = Cached{*row, now};
    else
        cache_.erase(token_hash);
    return row;
}

void Sessions::evict_where(std::int64_t user_id, std::int64_t session_id) {
    std::lock_guard guard(cache_mutex_);
    std::erase_if(cache_, [&](const auto& item) {
        const storage::Row& row = item.second.row;
        bool acting = !row[15].is_null() && row[15].as_int() == user_id;
        return (session_id && row[0].as_int() == session_id) || (user_id && (row[1].as_int() == user_id || acting));
    });
}

void Sessions::refresh_user(storage::Transaction& tx, std::int64_t user_id) {
    evict_where(user_id, 0);
    tx.after_commit([this, user_id] { evict_where(user_id, 0); });
}

void Sessions::end(storage::Transaction& tx, std::int64_t session_id) {
    tx.execute(kDeleteSession, {session_id});
    evict_where(0, session_id);
    tx.after_commit([this, session_id] { evict_where(0, session_id); });
}

void Sessions::sign_out(storage::Transaction& tx, const Actor& actor, const std::string& push_endpoint) {
    std::int64_t own = actor.family_id ? actor.family_id : actor.user_id;
    tx.execute(kForgetSignedOutDevices, {actor.session_id, push_endpoint, own, own});
    end(tx, actor.session_id);
}

void Sessions::act_as(storage::Transaction& tx, std::int64_t session_id, std::optional<std::int64_t> user_id) {
    tx.execute(kActAs, {user_id ? storage::Value(*user_id) : storage::Value(nullptr), session_id});
    evict_where(0, session_id);
    tx.after_commit([this, session_id] { evict_where(0, session_id); });
}

void Sessions::end_all(storage::Transaction& tx, std::int64_t user_id, std::int64_t except_session_id) {
    tx.execute(kForgetOtherDevices, {user_id, user_id, except_session_id});
    tx.execute(kDeleteUserSessions, {user_id, except_session_id});
    refresh_user(tx, user_id);  // the remaining session's state may have changed too (a first password)
}

std::string Sessions::cookie_for(const std::string& token) const {
    return "kreda_session=" + token + "; Path=/; HttpOnly; SameSite=Lax" + (secure_cookies_ ? "; Secure" : "");
}

std::string Sessions::expired_cookie() const {
    return std::string("kreda_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0") +
           (secure_cookies_ ? "; Secure" : "");
}

}  // namespace kreda::auth
