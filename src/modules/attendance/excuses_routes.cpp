#include "modules/attendance/excuses.hpp"
#include "modules/routes_support.hpp"

namespace kreda::attendance {

void register_excuse_routes(http::Router& router, Context& ctx) {
    router.add("POST", "/api/v1/students/{id}/excuses", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(submit_excuse(ctx, actor, r.id_param("id"), r.json_body()), 201);
    });
    router.add("GET", "/api/v1/students/{id}/excuses", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(student_excuses(ctx, actor, r.id_param("id")));
    });
    router.add("GET", "/api/v1/teacher/excuses", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto status = r.query_param("status");
        if (status && *status != "pending" && *status != "accepted" && *status != "rejected")
            throw errors::invalid(
                {{"status", {"Status: pending, accepted albo rejected.", "Status: pending, accepted or rejected."}}});
        return http::Response::json(excuse_inbox(ctx, actor, status));
    });
    router.add("POST", "/api/v1/excuses/{excuse_id}/decision", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(decide_excuse(ctx, actor, r.id_param("excuse_id"), r.json_body()));
    });
}

}  // namespace kreda::attendance
