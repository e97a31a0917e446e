#include "modules/routes_support.hpp"
#include "modules/school/calendar.hpp"

namespace kreda::school {

void register_calendar_routes(http::Router& router, Context& ctx) {
    add_list(router, ctx, "terms", list_years, create_year);
    add_list(router, ctx, "free-days", list_free_days, create_free_day);
    router.add("DELETE", "/api/v1/schools/{id}/free-days/{free_day_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        delete_free_day(ctx, actor, r.id_param("id"), r.id_param("free_day_id"));
        return http::Response::no_content();
    });
}

}  // namespace kreda::school
