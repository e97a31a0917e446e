// The notifications' tables: each user's preferences, the digest's pending lines, the notifier's cursor.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace kreda::notify {

inline const std::vector<std::string> kGroups = {"grades", "attendance", "terminarz", "notes", "notices", "messages"};

struct Preferences {
    std::map<std::string, std::string> channels;  //!< group → in_app | email | digest | none (absent: in_app)
    std::optional<int> quiet_from, quiet_to;      //!< minutes of the day in Warsaw
    int digest_at = 17 * 60;
    std::string language = "pl";
};

//! Where a school account's mail goes, as SQL over `users u`: its own address, else that of the first active
//! family account linked to it (a family that signs in by e-mail is notified there).
inline constexpr std::string_view kMailAddress =
    "COALESCE(NULLIF(u.email, ''), (SELECT f.email FROM family_links l JOIN users f ON f.id = l.family_id "
    "WHERE l.user_id = u.id AND f.active = 1 ORDER BY l.id LIMIT 1))";
std::optional<std::string> mail_address(storage::Transaction& tx, std::int64_t user_id);

Preferences load_preferences(storage::Transaction& tx, std::int64_t user_id);
void save_preferences(storage::Transaction& tx, std::int64_t user_id, const Preferences& p);

//! Users who want some group by e-mail (at once or in the digest) or by push, with their address (or empty).
struct MailReader {
    std::int64_t user_id = 0, school_id = 0;
    std::string role, email, first_name;
    Preferences preferences;
    std::optional<std::string> last_digest_on;
};
std::vector<MailReader> mail_readers(storage::Transaction& tx);

}  // namespace kreda::notify
