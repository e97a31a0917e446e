#include "modules/notices/notices.hpp"
#include "modules/routes_support.hpp"

namespace kreda::notices {

void register_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/notices", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(list(ctx, actor, r.query_param("all").value_or("") == "1"));
    });
    router.add("GET", "/api/v1/notices/unread", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(unread_count(ctx, actor));
    });
    router.add("POST", "/api/v1/notices", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(create(ctx, actor, r.json_body()), 201);
    });
    router.add("GET", "/api/v1/notices/{notice_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(open(ctx, actor, r.id_param("notice_id")));
    });
    router.add("DELETE", "/api/v1/notices/{notice_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        remove(ctx, actor, r.id_param("notice_id"));
        return http::Response::no_content();
    });
}

}  // namespace kreda::notices
