#include "modules/routes_support.hpp"
#include "modules/school/calendar.hpp"

namespace kreda::school {

void register_calendar_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/schools/{id}/terms", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto years = list_years(ctx, actor, r.id_param("id"));
        return http::Response::json(items_json(years, [](const SchoolYear& y) { return to_json(y); }));
    });
    router.add("POST", "/api/v1/schools/{id}/terms", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(to_json(create_year(ctx, actor, r.id_param("id"), r.json_body())), 201);
    });
    router.add("GET", "/api/v1/schools/{id}/free-days", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto days = list_free_days(ctx, actor, r.id_param("id"));
        return http::Response::json(items_json(days, [](const FreeDay& d) { return to_json(d); }));
    });
    router.add("POST", "/api/v1/schools/{id}/free-days", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(to_json(create_free_day(ctx, actor, r.id_param("id"), r.json_body())), 201);
    });
    router.add("DELETE", "/api/v1/schools/{id}/free-days/{free_day_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        delete_free_day(ctx, actor, r.id_param("id"), r.id_param("free_day_id"));
        return http::Response::no_content();
    });
}

}  // namespace kreda::school
