// Messages (wiadomości): folders inbox, sent, archive and trash; writing to the recipient groups DOMAIN.md lists,
// resolved from the school's data; threads and replies; read receipts the sender sees per recipient; unread
// counts and search. Every user has their own mailbox rows, so a student never sees a parent's mail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::messages {

//! A group the actor may write to: `key` is what POST /messages takes ("homeroom:12", "class_parents:3", …).
struct RecipientGroup {
    std::string key;
    std::string kind;    //!< homeroom, teacher, council, role, staff, class_parents, class_students, group_parents,
                         //!< group_students, parents_of, student
    std::string name;    //!< a person's full name, a class ("4a") or a group ("4a gr. 1"); the role for `role`
    std::string detail;  //!< a teacher's subjects and classes, a staff member's role; else empty
    std::vector<std::int64_t> members;
};

// recipients.cpp
//! Every group the actor may write to, with its members (active accounts of the school).
std::vector<RecipientGroup> recipient_groups(storage::Transaction& tx, const auth::Actor& actor);
json::object list_recipients(Context& ctx, const auth::Actor& actor);

// mailbox_service.cpp
//! {to: [keys], subject, body} or {reply_to: message id, body, subject?}: one request however many recipients.
json::object send(Context& ctx, const auth::Actor& actor, const json::object& input);
//! folder inbox|sent|archive|trash, optional search text, newest first, paged by `cursor` (the last id seen).
json::object list(Context& ctx, const auth::Actor& actor, const std::string& folder, const std::string& search,
                  int limit, std::optional<std::int64_t> before);
//! The message with its thread as the actor may see it; marks it read; the sender sees who has read it.
json::object open(Context& ctx, const auth::Actor& actor, std::int64_t message_id);
//! {folder: inbox|archive|trash}: moves the actor's copy (a sent message goes back to `sent`, not `inbox`).
json::object move(Context& ctx, const auth::Actor& actor, std::int64_t message_id, const json::object& input);
//! Deletes the actor's copy for good (only from the trash); others keep theirs.
void remove(Context& ctx, const auth::Actor& actor, std::int64_t message_id);
json::object unread_count(Context& ctx, const auth::Actor& actor);
//! For the files module: whether a message carrying the attachment is in the actor's mailbox (not deleted).
bool may_read_attachment(storage::Transaction& tx, const auth::Actor& actor, std::int64_t attachment_id);

// council_service.cpp
//! The class's parent council (rada oddziałowa rodziców): the homeroom teacher or the office names its members.
json::object council_of(Context& ctx, const auth::Actor& actor, std::int64_t class_id);
json::object set_council(Context& ctx, const auth::Actor& actor, std::int64_t class_id, const json::object& input);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::messages
