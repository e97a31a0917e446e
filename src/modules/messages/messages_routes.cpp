#include "modules/messages/attachments.hpp"
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
    router.add("POST", "/api/v1/attachments", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(
            upload(ctx, actor, std::string(r.header("content-type")), r.query_param("name").value_or("plik"), r.body),
            201);
    });
    router.add("GET", "/api/v1/attachments/{attachment_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        Download file = download(ctx, actor, r.id_param("attachment_id"));
        http::Response response;
        response.content_type = file.content_type;
        response.body = std::move(file.bytes);
        // Always a download, never rendered in our origin; the name in UTF-8 per RFC 6266.
        std::string encoded;
        for (unsigned char c : file.name) {
            static const char* hex = "0123456789ABCDEF";
            if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
                encoded += static_cast<char>(c);
            } else {
                encoded += '%';
                encoded += hex[c >> 4];
                encoded += hex[c & 15];
            }
        }
        response.with_header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
        response.with_header("X-Content-Type-Options", "nosniff");
        response.with_header("Cache-Control", "private, no-store");
        return response;
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
