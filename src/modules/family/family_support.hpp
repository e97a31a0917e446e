// What the family account's files share: checking an address, and the owner's password before a change.
#pragma once

#include <string>

#include "auth/actor.hpp"
#include "modules/context.hpp"

namespace kreda::family {

//! Roughly an address: one '@' with something before it and a dotted domain after it, no spaces or separators.
bool plausible_email(const std::string& email);

//! 403 unless the caller signed in with a family account.
void require_family_account(const auth::Actor& actor);

//! The caller's family account's sign-in address, once `password` is its password; 403 for a school account's
//! session, 422 for a wrong password, 429 while guessing is slowed (as at sign-in). Hashes: on the hashing pool.
std::string require_own_password(Context& ctx, const auth::Actor& actor, const std::string& password);

}  // namespace kreda::family
