#include "modules/organisation/organisation.hpp"
#include "modules/routes_support.hpp"

namespace kreda::organisation {

void register_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/schools/{id}/classes", [&ctx](http::Request& request) {
        auto actor = ctx.sessions.authenticate(request);
        auto classes = list_classes(ctx, actor, request.id_param("id"));
        return http::Response::json(items_json(classes, [](const SchoolClass& c) { return to_json(c); }));
    });
    router.add("POST", "/api/v1/schools/{id}/classes", [&ctx](http::Request& request) {
        auto actor = ctx.sessions.authenticate(request);
        return http::Response::json(to_json(create_class(ctx, actor, request.id_param("id"), request.json_body())),
                                    201);
    });
}

}  // namespace kreda::organisation
