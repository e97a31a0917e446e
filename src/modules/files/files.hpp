// Attachments: files up to the request limit, of the kinds a school sends (PDF, images, office documents, text),
// checked by their first bytes, stored once per content (by SHA-256) outside the database. Modules link them to
// what they carry (messages, homework) and answer for who may read through those links; the uploader always may.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::files {

struct Download {
    std::string name, content_type, bytes;
};

//! Stores the body; `declared` is the request's Content-Type, which must match what the bytes are.
json::object upload(Context& ctx, const auth::Actor& actor, const std::string& declared, const std::string& name,
                    const std::string& body);

//! Whether the actor may read an attachment through one module's links (a message in their mailbox, homework of
//! their class …). Given to register_routes by the composition root, so this module depends on none of them.
using ReadCheck = std::function<bool(storage::Transaction&, const auth::Actor&, std::int64_t attachment_id)>;
//! 404 unless the actor uploaded it or one of the checks lets them read it.
Download download(Context& ctx, const auth::Actor& actor, std::int64_t attachment_id,
                  const std::vector<ReadCheck>& readers);

// For the services that link attachments, in their transaction.
//! 422 at `attachment_ids` unless each id is the actor's own upload (at most 10).
void require_own_uploads(storage::Transaction& tx, const auth::Actor& actor, const std::vector<std::int64_t>& ids);
//! {id, name, content_type, size} of each attachment in `link_table` whose `owner_column` is `owner_id`.
json::array linked(storage::Transaction& tx, std::string_view link_table, std::string_view owner_column,
                   std::int64_t owner_id);

void register_routes(http::Router& router, Context& ctx, std::vector<ReadCheck> readers);

}  // namespace kreda::files
