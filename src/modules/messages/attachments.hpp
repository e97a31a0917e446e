// Attachments: files up to the request limit, of the kinds a school sends (PDF, images, office documents, text),
// checked by their first bytes, stored once per content (by SHA-256) outside the database. Only their uploader and
// those who have a message carrying them in their mailbox may download them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "modules/context.hpp"

namespace kreda::messages {

struct Download {
    std::string name, content_type, bytes;
};

//! Stores the body; `declared` is the request's Content-Type, which must match what the bytes are.
json::object upload(Context& ctx, const auth::Actor& actor, const std::string& declared, const std::string& name,
                    const std::string& body);
Download download(Context& ctx, const auth::Actor& actor, std::int64_t attachment_id);

// For the mailbox service, in its transaction.
//! 422 unless each id is the actor's own upload (at most 10); then links them to the message.
void attach(storage::Transaction& tx, const auth::Actor& actor, std::int64_t message_id,
            const std::vector<std::int64_t>& attachment_ids);
json::array attachments_of(storage::Transaction& tx, std::int64_t message_id);

}  // namespace kreda::messages
