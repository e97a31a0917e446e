// Each user's own choices: a channel per group of changes, quiet hours, when the digest comes, its language.
#include <set>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notify/notify.hpp"
#include "modules/notify/notify_store.hpp"

namespace kreda::notify {

namespace {

const std::set<std::string> kChannels = {"in_app", "email", "digest", "push", "none"};

std::string clock_text(int minutes) {
    char out[16];  // room for any int, though a minute of the day is 00:00–23:59
    std::snprintf(out, sizeof out, "%02d:%02d", minutes / 60, minutes % 60);
    return out;
}

json::object to_json(const Preferences& p, const std::optional<std::string>& email) {
    json::object channels;
    for (const auto& group : kGroups) channels[group] = p.channels.count(group) ? p.channels.at(group) : "in_app";
    return {{"channels", std::move(channels)},
            {"quiet_hours", p.quiet_from && p.quiet_to ? json::value(json::object{{"from", clock_text(*p.quiet_from)},
                                                                                  {"to", clock_text(*p.quiet_to)}})
                                                       : json::value(nullptr)},
            {"digest_at", clock_text(p.digest_at)},
            {"language", p.language},
            {"email", email ? json::value(*email) : json::value(nullptr)}};
}

std::optional<std::string> email_of(storage::Transaction& tx, std::int64_t user_id) {
    return mail_address(tx, user_id);
}

}  // namespace

json::object preferences(Context& ctx, const auth::Actor& actor) {
    if (!actor.school_id) throw errors::forbidden();
    auto tx = ctx.db.begin(storage::Access::Read);
    return to_json(load_preferences(*tx, actor.user_id), email_of(*tx, actor.user_id));
}

json::object set_preferences(Context& ctx, const auth::Actor& actor, const json::object& input) {
    if (!actor.school_id) throw errors::forbidden();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        Preferences before = load_preferences(tx, actor.user_id);
        Preferences p = before;
        auto email = email_of(tx, actor.user_id);
        json::FieldReader fields(input);
        if (auto it = input.find("channels"); it != input.end()) {
            if (!it->value().is_object()) {
                fields.fail("channels",
                            {"Oczekiwano obiektu grupa → kanał.", "An object group → channel is expected."});
            } else {
                for (const auto& [key, value] : it->value().as_object()) {
                    std::string group(key), field = "channels." + group;
                    if (std::find(kGroups.begin(), kGroups.end(), group) == kGroups.end()) {
                        fields.fail(field, {"Nie ma takiej grupy powiadomień.", "No such group of notifications."});
                    } else if (!value.is_string() || !kChannels.count(std::string(value.as_string()))) {
                        fields.fail(field, {"Kanał: in_app, email, digest, push albo none.",
                                            "Channel: in_app, email, digest, push or none."});
                    } else {
                        std::string channel(value.as_string());
                        if ((channel == "email" || channel == "digest") && !email)
                            fields.fail(field,
                                        {"Na koncie nie ma adresu e-mail: poproś sekretariat szkoły o jego wpisanie.",
                                         "The account has no e-mail address: ask the school office to add it."});
                        p.channels[group] = channel;
                    }
                }
            }
        }
        if (auto it = input.find("quiet_hours"); it != input.end()) {
            if (it->value().is_null()) {
                p.quiet_from.reset();
                p.quiet_to.reset();
            } else if (!it->value().is_object()) {
                fields.fail("quiet_hours", {"Podaj {from, to} albo null.", "Give {from, to} or null."});
            } else {
                json::FieldReader hours(it->value().as_object());
                int from = hours.clock_time("from"), to = hours.clock_time("to");
                try {
                    hours.check();
                    p.quiet_from = from;
                    p.quiet_to = to;
                } catch (const ApiError& e) {
                    for (const auto& [key, why] : e.fields()) fields.fail("quiet_hours." + key, why);
                }
            }
        }
        if (fields.has("digest_at")) p.digest_at = fields.clock_time("digest_at");
        if (auto language = fields.optional_text("language", 2)) {
            if (*language != "pl" && *language != "en")
                fields.fail("language", {"Język: pl albo en.", "Language: pl or en."});
            p.language = *language;
        }
        fields.check();
        save_preferences(tx, actor.user_id, p);
        json::object out = to_json(p, email);
        audit::record(tx, actor, *actor.school_id, "notification_preferences.update", "user", actor.user_id,
                      to_json(before, email), out);
        return out;
    });
}

}  // namespace kreda::notify
