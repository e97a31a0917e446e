#include "core/clock.hpp"
#include "modules/audit/audit.hpp"
#include "modules/routes_support.hpp"

namespace kreda::audit {

namespace {
json::value parsed(const std::string& text) {
    if (text.empty()) return nullptr;
    boost::system::error_code ec;
    auto value = boost::json::parse(text, ec);
    return ec ? json::value(text) : value;
}
}  // namespace

void register_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/schools/{id}/audit", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        http::Page page = http::page_of(r);
        auto records = list(ctx.db, actor, r.id_param("id"), page.limit, page.cursor);
        json::object out = items_json(records, [](const Record& rec) {
            json::object o{{"id", rec.id},
                           {"at", format_instant(rec.at)},
                           {"actor_login", rec.actor_login},
                           {"address", rec.address},
                           {"action", rec.action},
                           {"object_type", rec.object_type},
                           {"before", parsed(rec.before_json)},
                           {"after", parsed(rec.after_json)}};
            o["object_id"] = rec.object_id ? json::value(*rec.object_id) : json::value(nullptr);
            return o;
        });
        bool more = static_cast<int>(records.size()) == page.limit;
        out["next_cursor"] = more ? json::value(records.back().id) : json::value(nullptr);
        return http::Response::json(out);
    });
}

}  // namespace kreda::audit
