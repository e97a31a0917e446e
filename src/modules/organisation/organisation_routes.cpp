#include "modules/organisation/organisation.hpp"
#include "modules/routes_support.hpp"

namespace kreda::organisation {

void register_routes(http::Router& router, Context& ctx) {
    add_list(router, ctx, "classes", list_classes, create_class);
    add_list(router, ctx, "subjects", list_subjects, create_subject);
    add_list(router, ctx, "rooms", list_rooms, create_room);
    router.add("PATCH", "/api/v1/schools/{id}/classes/{class_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(
            to_json(update_class(ctx, actor, r.id_param("id"), r.id_param("class_id"), r.json_body())));
    });
    router.add("POST", "/api/v1/schools/{id}/classes/{class_id}/register-numbers", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        number_register(ctx, actor, r.id_param("id"), r.id_param("class_id"));
        return http::Response::no_content();
    });
    router.add("GET", "/api/v1/schools/{id}/groups", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(items_of(list_groups(ctx, actor, r.id_param("id"), r.query_id("class_id"))));
    });
    router.add("POST", "/api/v1/schools/{id}/groups", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(to_json(create_group(ctx, actor, r.id_param("id"), r.json_body())), 201);
    });
    router.add("PUT", "/api/v1/schools/{id}/groups/{group_id}/members", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(
            to_json(set_group_members(ctx, actor, r.id_param("id"), r.id_param("group_id"), r.json_body())));
    });
    router.add("GET", "/api/v1/schools/{id}/assignments", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto found = list_assignments(ctx, actor, r.id_param("id"), r.query_id("teacher_id"), r.query_id("class_id"));
        return http::Response::json(items_of(found));
    });
    router.add("POST", "/api/v1/schools/{id}/assignments", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(to_json(create_assignment(ctx, actor, r.id_param("id"), r.json_body())), 201);
    });
    router.add("DELETE", "/api/v1/schools/{id}/assignments/{assignment_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        delete_assignment(ctx, actor, r.id_param("id"), r.id_param("assignment_id"));
        return http::Response::no_content();
    });
    router.add("GET", "/api/v1/schools/{id}/bell-schedule", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(
            json::object{{"lessons", items_of(bell_schedule(ctx, actor, r.id_param("id")))["items"]}});
    });
    router.add("POST", "/api/v1/schools/{id}/bell-schedule", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto lessons = set_bell_schedule(ctx, actor, r.id_param("id"), r.json_body());
        return http::Response::json(json::object{{"lessons", items_of(lessons)["items"]}});
    });
}

}  // namespace kreda::organisation
