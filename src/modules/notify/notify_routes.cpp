#include "modules/notify/notify.hpp"
#include "modules/routes_support.hpp"

namespace kreda::notify {

void register_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/me/notifications", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(preferences(ctx, actor));
    });
    router.add("PUT", "/api/v1/me/notifications", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(set_preferences(ctx, actor, r.json_body()));
    });
}

}  // namespace kreda::notify
