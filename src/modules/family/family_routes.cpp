#include "modules/family/family.hpp"
#include "modules/people/signin.hpp"
#include "modules/routes_support.hpp"

namespace kreda::family {

void register_routes(http::Router& router, Context& ctx) {
    router.add(
        "POST", "/api/v1/family/register",
        [&ctx](http::Request& r) {
            register_account(ctx, r.json_body(), r.remote_address, r.language());
            return http::Response::json(json::object{{"sent", true}}, 202);
        },
        http::Runs::OnHashingPool);
    router.add("POST", "/api/v1/family/activate", [&ctx](http::Request& r) {
        return http::Response::json(activate(ctx, r.json_body(), r.remote_address));
    });
    // The same as /auth/password-reset, by the family account's e-mail address.
    router.add("POST", "/api/v1/family/password-reset", [&ctx](http::Request& r) {
        json::object body = r.json_body();
        json::FieldReader fields(body);
        std::string email = fields.text("email", 254);
        fields.check();
        people::request_password_reset(ctx, email, r.remote_address, r.language());
        return http::Response::json(json::object{{"sent", true}}, 202);
    });
    router.add("GET", "/api/v1/family/consent",
               [](http::Request& r) { return http::Response::json(consent(r.language())); });
    router.add(
        "DELETE", "/api/v1/family/account",
        [&ctx](http::Request& r) {
            auto actor = ctx.sessions.authenticate(r, auth::Allow::Unfinished);
            delete_account(ctx, actor, r.json_body());
            return http::Response::no_content().with_header("Set-Cookie", ctx.sessions.expired_cookie());
        },
        http::Runs::OnHashingPool);
    router.add(
        "POST", "/api/v1/family/email",
        [&ctx](http::Request& r) {
            auto actor = ctx.sessions.authenticate(r, auth::Allow::Unfinished);
            request_email_change(ctx, actor, r.json_body());
            return http::Response::json(json::object{{"sent", true}}, 202);
        },
        http::Runs::OnHashingPool);
    router.add("POST", "/api/v1/family/email/confirm", [&ctx](http::Request& r) {
        return http::Response::json(confirm_email_change(ctx, r.json_body(), r.remote_address));
    });
    router.add("GET", "/api/v1/family/links", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r, auth::Allow::Unfinished);
        return http::Response::json(links(ctx, actor));
    });
    router.add(
        "POST", "/api/v1/family/links",
        [&ctx](http::Request& r) {
            auto actor = ctx.sessions.authenticate(r, auth::Allow::Unfinished);
            return http::Response::json(link(ctx, actor, r.json_body()), 201);
        },
        http::Runs::OnHashingPool);
    router.add("DELETE", "/api/v1/family/links/{link_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r, auth::Allow::Unfinished);
        unlink(ctx, actor, r.id_param("link_id"));
        return http::Response::no_content();
    });
    router.add("POST", "/api/v1/family/links/{link_id}/switch", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r, auth::Allow::Unfinished);
        switch_to(ctx, actor, r.id_param("link_id"));
        return http::Response::no_content();
    });
}

}  // namespace kreda::family
