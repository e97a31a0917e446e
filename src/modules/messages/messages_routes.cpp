#include "modules/messages/messages.hpp"
#include "modules/routes_support.hpp"

namespace kreda::messages {

void register_routes(http::Router& router, Context& ctx) {
    // The literal paths first: the router takes the first route that matches.
    router.add("GET", "/api/v1/messages/recipients", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(list_recipients(ctx, actor));
    });
    router.add("GET", "/api/v1/messages/unread", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(unread_count(ctx, actor));
    });
    router.add("GET", "/api/v1/messages", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        http::Page page = http::page_of(r);
        return http::Response::json(list(ctx, actor, r.query_param("folder").value_or("inbox"),
                                         json::utf8_prefix(r.query_param("q").value_or(""), 100), page.limit,
                                         page.cursor));
    });
    router.add("POST", "/api/v1/messages", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(send(ctx, actor, r.json_body()), 201);
    });
    router.add("GET", "/api/v1/messages/{message_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(open(ctx, actor, r.id_param("message_id")));
    });
    router.add("PATCH", "/api/v1/messages/{message_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(move(ctx, actor, r.id_param("message_id"), r.json_body()));
    });
    router.add("DELETE", "/api/v1/messages/{message_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        remove(ctx, actor, r.id_param("message_id"));
        return http::Response::no_content();
    });
    router.add("GET", "/api/v1/classes/{class_id}/council", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(council_of(ctx, actor, r.id_param("class_id")));
    });
    router.add("PUT", "/api/v1/classes/{class_id}/council", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(set_council(ctx, actor, r.id_param("class_id"), r.json_body()));
    });
}

}  // namespace kreda::messages
