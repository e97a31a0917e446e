#include "modules/routes_support.hpp"
#include "modules/school/school.hpp"

namespace kreda::school {

void register_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/schools", [&ctx](http::Request& request) {
        auto actor = ctx.sessions.authenticate(request);
        return http::Response::json(items_json(list(ctx, actor), [](const School& s) { return to_json(s); }));
    });
    router.add("POST", "/api/v1/schools", [&ctx](http::Request& request) {
        auto actor = ctx.sessions.authenticate(request);
        return http::Response::json(create(ctx, actor, request.json_body()), 201);
    });
    router.add("GET", "/api/v1/schools/{id}", [&ctx](http::Request& request) {
        auto actor = ctx.sessions.authenticate(request);
        return http::Response::json(to_json(get(ctx, actor, request.id_param("id"))));
    });
    router.add("PATCH", "/api/v1/schools/{id}", [&ctx](http::Request& request) {
        auto actor = ctx.sessions.authenticate(request);
        return http::Response::json(to_json(update(ctx, actor, request.id_param("id"), request.json_body())));
    });
}

}  // namespace kreda::school
