#include "modules/grades/grades.hpp"
#include "modules/routes_support.hpp"

namespace kreda::grades {

namespace {

std::optional<int> term_param(const http::Request& r) {
    auto term = r.query_param("term");
    if (!term || term->empty()) return std::nullopt;
    if (*term != "1" && *term != "2") throw errors::invalid({{"term", {"Semestr: 1 albo 2.", "Term: 1 or 2."}}});
    return (*term)[0] - '0';
}

void register_settings_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/schools/{id}/grade-settings", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(to_json(get_settings(ctx, actor, r.id_param("id"))));
    });
    router.add("PATCH", "/api/v1/schools/{id}/grade-settings", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(to_json(update_settings(ctx, actor, r.id_param("id"), r.json_body())));
    });
    add_list(router, ctx, "grade-categories", list_categories, create_category);
    router.add("PATCH", "/api/v1/schools/{id}/grade-categories/{category_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(
            to_json(update_category(ctx, actor, r.id_param("id"), r.id_param("category_id"), r.json_body())));
    });
    router.add("GET", "/api/v1/schools/{id}/grade-statistics", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(
            class_statistics(ctx, actor, r.id_param("id"), r.query_id("class_id"), term_param(r)));
    });
}

void register_gradebook_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/assignments/{assignment_id}/gradebook", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(gradebook(ctx, actor, r.id_param("assignment_id"), term_param(r)));
    });
    router.add("PUT", "/api/v1/assignments/{assignment_id}/summary-grades", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(set_summary_grades(ctx, actor, r.id_param("assignment_id"), r.json_body()));
    });
    router.add("POST", "/api/v1/grades", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(add_grades(ctx, actor, r.json_body()), 201);
    });
    router.add("PATCH", "/api/v1/grades/{grade_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(update_grade(ctx, actor, r.id_param("grade_id"), r.json_body()));
    });
    router.add("DELETE", "/api/v1/grades/{grade_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        delete_grade(ctx, actor, r.id_param("grade_id"));
        return http::Response::no_content();
    });
    router.add("PATCH", "/api/v1/grade-columns/{column_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(update_column(ctx, actor, r.id_param("column_id"), r.json_body()));
    });
    router.add("DELETE", "/api/v1/grade-columns/{column_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        delete_column(ctx, actor, r.id_param("column_id"));
        return http::Response::no_content();
    });
}

void register_family_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/students/{id}/grades", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto view = student_grades(ctx, actor, r.id_param("id"), term_param(r));
        http::Response response;
        response.with_header("Vary", "Accept-Encoding");
        if (r.accepts_encoding("gzip")) {  // a phone's mobile data: ~10 times fewer bytes, at no cost per answer
            response.body = view.gzipped();
            response.with_header("Content-Encoding", "gzip");
        } else {
            response.body = view.text();
        }
        return response;
    });
    router.add("POST", "/api/v1/students/{id}/grades/seen", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        mark_seen(ctx, actor, r.id_param("id"));
        return http::Response::no_content();
    });
    router.add("POST", "/api/v1/students/{id}/behaviour-points", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(add_behaviour_points(ctx, actor, r.id_param("id"), r.json_body()), 201);
    });
    router.add("GET", "/api/v1/classes/{class_id}/behaviour", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(class_behaviour(ctx, actor, r.id_param("class_id")));
    });
    router.add("PUT", "/api/v1/classes/{class_id}/behaviour", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(set_behaviour(ctx, actor, r.id_param("class_id"), r.json_body()));
    });
}

}  // namespace

void register_routes(http::Router& router, Context& ctx) {
    register_settings_routes(router, ctx);
    register_gradebook_routes(router, ctx);
    register_family_routes(router, ctx);
}

}  // namespace kreda::grades
