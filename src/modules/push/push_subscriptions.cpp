// The deployment's VAPID keys, the devices' subscriptions, and queueing pushes for them.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "modules/push/push.hpp"
#include "modules/push/push_sender.hpp"

namespace kreda::push {

namespace {

constexpr int kMaxDevices = 20;

const Text kBadEndpoint{"Nieobsługiwany adres usługi powiadomień.", "Unsupported push service address."};
const Text kBadKey{"Nieprawidłowy klucz subskrypcji.", "Invalid subscription key."};

//! The endpoint's host, when the URL is https (or http where allowed) on one of the allowed push services.
std::string allowed_host(const Settings& settings, const std::string& endpoint) {
    std::string origin = origin_of(endpoint);
    bool https = origin.rfind("https://", 0) == 0;
    if (origin.empty() || (!https && !settings.push_allow_http)) return "";
    std::string host = origin.substr(origin.find("://") + 3);
    host = host.substr(0, host.find(':'));
    std::string_view list = settings.push_hosts;
    while (!list.empty()) {
        auto comma = list.find(',');
        std::string name;
        for (char c : list.substr(0, comma))
            if (c != ' ') name.push_back(c);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        if (!name.empty() && (host == name || host.ends_with("." + name))) return host;
    }
    return "";
}

}  // namespace

KeyPair vapid_keys(storage::Database& db) {
    {
        auto tx = db.begin(storage::Access::Read);
        if (auto row = tx->query_one("SELECT private_key FROM push_keys WHERE id = 1"))
            if (auto pair = key_pair_of(from_base64url((*row)[0].as_text()).value_or(""))) return *pair;
    }
    KeyPair fresh = generate_key_pair();
    return in_write_transaction(db, [&](storage::Transaction& tx) {
        tx.execute("INSERT INTO push_keys (id, private_key, public_key) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING",
                   {base64url(fresh.private_key), base64url(fresh.public_key)});
        auto row = tx.query_one("SELECT private_key FROM push_keys WHERE id = 1");  // another process may have won
        return key_pair_of(from_base64url((*row)[0].as_text()).value_or("")).value_or(fresh);
    });
}

json::object public_key(Context& ctx) {
    return json::object{{"public_key", base64url(vapid_keys(ctx.db).public_key)}};
}

json::object subscriptions(Context& ctx, const auth::Actor& actor) {
    auto tx = ctx.db.begin(storage::Access::Read);
    json::array items;
    for (const auto& r :
         tx->query("SELECT id, endpoint, created_at FROM push_subscriptions WHERE user_id = ? ORDER BY id",
                   {actor.user_id})) {
        std::string origin = origin_of(r[1].as_text());
        items.push_back(json::object{{"id", r[0].as_int()},
                                     {"service", origin.substr(origin.find("://") + 3)},
                                     {"created_at", format_instant(r[2].as_int())}});
    }
    return json::object{{"items", std::move(items)}};
}

json::object subscribe(Context& ctx, const auth::Actor& actor, const json::object& input) {
    json::FieldReader fields(input);
    std::string endpoint = fields.text("endpoint", 1000);
    if (!endpoint.empty() && allowed_host(ctx.settings, endpoint).empty()) fields.fail("endpoint", kBadEndpoint);
    std::string p256dh, auth;
    auto keys = input.if_contains("keys");
    if (keys && keys->is_object()) {
        json::FieldReader key_fields(keys->as_object());
        p256dh = from_base64url(key_fields.optional_text("p256dh", 200).value_or("")).value_or("");
        auth = from_base64url(key_fields.optional_text("auth", 100).value_or("")).value_or("");
    }
    if (!valid_public_key(p256dh)) fields.fail("keys.p256dh", kBadKey);
    if (auth.size() != 16) fields.fail("keys.auth", kBadKey);
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto count = tx.query_one("SELECT COUNT(*) FROM push_subscriptions WHERE user_id = ?", {actor.user_id});
        if ((*count)[0].as_int() >= kMaxDevices)
            throw errors::conflict("too_many_devices",
                                   {"Powiadomienia są już włączone na 20 urządzeniach.", "Push is on for 20 devices."});
        // One endpoint is one browser: subscribing it again for the same account replaces the keys; a family
        // account subscribes it once for each linked account it wants to hear from.
        std::optional<std::int64_t> family;
        if (actor.family_id) family = actor.family_id;
        auto id =
            tx.query_one(
                  "INSERT INTO push_subscriptions (user_id, family_id, endpoint, p256dh, auth, created_at, "
                  "session_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (endpoint, user_id) DO UPDATE SET "
                  "family_id = excluded.family_id, p256dh = excluded.p256dh, auth = excluded.auth, "
                  "session_id = excluded.session_id RETURNING id",
                  {actor.user_id, family, endpoint, base64url(p256dh), base64url(auth), Clock::now(), actor.session_id})
                ->at(0)
                .as_int();
        return json::object{{"id", id}};
    });
}

void unsubscribe(Context& ctx, const auth::Actor& actor, std::int64_t subscription_id) {
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        if (tx.execute("DELETE FROM push_subscriptions WHERE id = ? AND user_id = ?",
                       {subscription_id, actor.user_id}) != 1)
            throw errors::not_found();
    });
}

void enqueue(storage::Transaction& tx, std::int64_t user_id, const json::object& payload, std::int64_t not_before) {
    std::int64_t now = Clock::now();
    std::int64_t queued = tx.execute(
        "INSERT INTO push_outbox (subscription_id, payload, created_at, next_attempt_at) "
        "SELECT id, ?, ?, ? FROM push_subscriptions WHERE user_id = ?",
        {json::to_string(payload), now, std::max(now, not_before), user_id});
    if (queued > 0) tx.after_commit(wake_sender);
}

void forget_family_link(storage::Transaction& tx, std::int64_t family_id, std::int64_t user_id) {
    tx.execute("DELETE FROM push_subscriptions WHERE family_id = ? AND user_id = ?", {family_id, user_id});
}

}  // namespace kreda::push
