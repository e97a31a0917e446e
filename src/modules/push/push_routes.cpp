#include "modules/push/push.hpp"
#include "modules/routes_support.hpp"

namespace kreda::push {

void register_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/push/key", [&ctx](http::Request&) { return http::Response::json(public_key(ctx)); });
    router.add("GET", "/api/v1/me/push-subscriptions", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(subscriptions(ctx, actor));
    });
    router.add("POST", "/api/v1/me/push-subscriptions", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(subscribe(ctx, actor, r.json_body()), 201);
    });
    router.add("DELETE", "/api/v1/me/push-subscriptions/{subscription_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        unsubscribe(ctx, actor, r.id_param("subscription_id"));
        return http::Response::no_content();
    });
}

}  // namespace kreda::push
