// Web Push: a browser or phone subscribes (its push service's endpoint and keys), and the notifier's pushes are
// encrypted for it (RFC 8291) and posted to that endpoint with a VAPID signature (RFC 8292) by a background
// sender, retried with backoff; a subscription the push service says is gone is removed.
#pragma once

#include <cstdint>
#include <memory>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"
#include "modules/push/push_crypto.hpp"

namespace kreda::push {

//! The deployment's VAPID key pair, made at first use and kept in the database (one for every process).
KeyPair vapid_keys(storage::Database& db);

// push_subscriptions.cpp
//! {public_key}: what a browser's pushManager.subscribe needs as applicationServerKey (base64url).
json::object public_key(Context& ctx);
//! The caller's devices: {items: [{id, service, created_at}]}.
json::object subscriptions(Context& ctx, const auth::Actor& actor);
//! Subscribes a device {endpoint, keys: {p256dh, auth}} (a browser's PushSubscription.toJSON()): 201 {id}.
json::object subscribe(Context& ctx, const auth::Actor& actor, const json::object& input);
void unsubscribe(Context& ctx, const auth::Actor& actor, std::int64_t subscription_id);
//! Queues `payload` for every device of a user in the caller's transaction, to go no earlier than `not_before`.
void enqueue(storage::Transaction& tx, std::int64_t user_id, const json::object& payload, std::int64_t not_before);
//! Forgets the devices a family account subscribed while acting as a linked account (when it unlinks it).
void forget_family_link(storage::Transaction& tx, std::int64_t family_id, std::int64_t user_id);

class Sender;
//! Starts delivering queued pushes (a thread).
std::shared_ptr<Sender> start_sender(storage::Database& db, const Settings& settings);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::push
