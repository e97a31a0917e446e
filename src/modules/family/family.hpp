// Family accounts (konto rodzinne): an e-mail sign-in over any number of school accounts, from any school of the
// deployment. Sign-up with an age bracket and the terms; an activation link valid 14 days (under 13 it goes to a
// parent, who confirms), after which an unactivated account is deleted with its data by a background job. A
// family session acts as one linked school account at a time — the child switcher — so everything a school
// account may see keeps its one-school rules; unlinking removes what the family account held for that link.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::family {

constexpr std::int64_t kActivationSeconds = 14 * 24 * 3600;
//! The version of the terms and of the consent text a family accepts; stored with each account and link.
constexpr const char* kTermsVersion = "2026-09";
constexpr const char* kConsentVersion = "2026-11";

// family_accounts.cpp
//! Signs up {email, password, age_bracket: under_13|13_17|18_plus, parent_email (under 13), accept_terms}:
//! mails the activation link (to the parent under 13). The same answer whether or not the address is taken —
//! its owner gets a mail saying so. Rate limited per address and per e-mail.
void register_account(Context& ctx, const json::object& input, const std::string& address, Language language);
//! Activates through the mailed link {token, parent_confirms}: {email}. An under-13 account needs the parent's
//! confirmation (422 parent_confirmation_required until it is given).
json::object activate(Context& ctx, const json::object& input, const std::string& address);
//! Deletes the accounts not activated within 14 days, with everything they hold; the number deleted (app's
//! housekeeping calls it).
int delete_unactivated(storage::Database& db);
//! The demo's ready family account: activated, with `password` (set anew when it exists) and linked to the given
//! school accounts without asking for their passwords (the demo's office vouches). Not for requests.
void create_ready_account(Context& ctx, const std::string& email, const std::string& password,
                          const std::vector<std::int64_t>& linked_user_ids);

//! Deletes the caller's family account {password} with its links, sessions and devices; the school accounts stay.
void delete_account(Context& ctx, const auth::Actor& actor, const json::object& input);

// family_email.cpp
//! Asks to move the caller's family account to {email}, with its {password}: a confirmation link valid 24 hours
//! goes to the new address and a notice to the old one. The same answer when the new address is taken (its owner
//! is told instead, and nothing changes); asking again replaces the pending link.
void request_email_change(Context& ctx, const auth::Actor& actor, const json::object& input);
//! Confirms through the mailed link {token}: the account signs in with the new address from now on: {email}.
//! Guessing links is slowed per network address.
json::object confirm_email_change(Context& ctx, const json::object& input, const std::string& address);

// family_links.cpp
//! The text a family agrees to when it links a school account: {version, text} in the reader's language.
json::object consent(Language language);
//! {links: [{id, user_id, login, role, school: {id, name}, students: [...], linked_at, active}], active_link_id}.
json::object links(Context& ctx, const auth::Actor& actor);
//! Links a school account {login, password, consent: true, consent_version}; guessing is rate limited.
json::object link(Context& ctx, const auth::Actor& actor, const json::object& input);
//! Removes the link and all the family account held for it; sessions acting as it move to another link.
void unlink(Context& ctx, const auth::Actor& actor, std::int64_t link_id);
//! The session acts as this link's school account from now on (the child switcher).
void switch_to(Context& ctx, const auth::Actor& actor, std::int64_t link_id);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::family
