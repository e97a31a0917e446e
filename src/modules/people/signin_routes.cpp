#include "modules/people/signin.hpp"
#include "modules/routes_support.hpp"

namespace kreda::people {

namespace {

http::Response login_route(Context& ctx, http::Request& request) {
    json::object body = request.json_body();
    json::FieldReader fields(body);
    LoginInput input;
    input.login = fields.text("login", 100);
    input.password = fields.optional_text("password", 256).value_or("");
    input.totp = fields.optional_text("totp", 20);
    input.address = request.remote_address;
    auto client = fields.optional_text("client", 10).value_or("browser");
    if (client != "browser" && client != "app")
        fields.fail("client", {"Dozwolone: browser albo app.", "Allowed: browser or app."});
    input.kind = client == "app" ? auth::SessionKind::App : auth::SessionKind::Browser;
    if (input.password.empty()) fields.fail("password", {"To pole jest wymagane.", "This field is required."});
    fields.check();
    LoginResult result = login(ctx, input);
    json::object out{{"token", result.session.token},
                     {"csrf_token", result.session.csrf_token},
                     {"user", to_json(result.user)},
                     {"must_change_password", result.must_change_password},
                     {"must_enrol_totp", result.must_enrol_totp}};
    auto response = http::Response::json(out);
    if (input.kind == auth::SessionKind::Browser)
        response.with_header("Set-Cookie", ctx.sessions.cookie_for(result.session.token));
    return response;
}

http::Response me_route(Context& ctx, http::Request& request) {
    auto actor = ctx.sessions.authenticate(request, auth::Allow::Unfinished);
    return http::Response::json(me(ctx, actor));
}

}  // namespace

void register_signin_routes(http::Router& router, Context& ctx) {
    router.add(
        "POST", "/api/v1/auth/login", [&ctx](http::Request& r) { return login_route(ctx, r); },
        http::Runs::OnHashingPool);
    router.add("POST", "/api/v1/auth/logout", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r, auth::Allow::Unfinished);
        json::object hint;
        try {
            if (!r.body.empty()) hint = r.json_body();
        } catch (const ApiError&) {  // a malformed hint is no reason to stay signed in
        }
        logout(ctx, actor, hint);
        return http::Response::no_content().with_header("Set-Cookie", ctx.sessions.expired_cookie());
    });
    router.add(
        "POST", "/api/v1/auth/password",
        [&ctx](http::Request& r) {
            auto actor = ctx.sessions.authenticate(r, auth::Allow::Unfinished);
            return http::Response::json(json::object{{"user", to_json(change_password(ctx, actor, r.json_body()))}});
        },
        http::Runs::OnHashingPool);
    router.add("POST", "/api/v1/auth/password-reset", [&ctx](http::Request& r) {
        json::object body = r.json_body();
        json::FieldReader fields(body);
        std::string login = fields.text("login", 254);
        fields.check();
        request_password_reset(ctx, login, r.remote_address, r.language());
        return http::Response::json(json::object{{"sent", true}}, 202);
    });
    router.add(
        "POST", "/api/v1/auth/password-reset/confirm",
        [&ctx](http::Request& r) {
            json::object body = r.json_body();
            json::FieldReader fields(body);
            std::string token = fields.text("token", 128);
            std::string password = fields.text("password", 256);
            fields.check();
            reset_password(ctx, token, password, r.remote_address);
            return http::Response::no_content();
        },
        http::Runs::OnHashingPool);
    router.add("GET", "/api/v1/me", [&ctx](http::Request& r) { return me_route(ctx, r); });
    router.add("POST", "/api/v1/auth/totp/enrol", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r, auth::Allow::Unfinished);
        if (actor.state == auth::SessionState::MustChangePassword) throw errors::forbidden();
        return http::Response::json(enrol_totp(ctx, actor));
    });
    router.add("POST", "/api/v1/auth/totp/confirm", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r, auth::Allow::Unfinished);
        if (actor.state == auth::SessionState::MustChangePassword) throw errors::forbidden();
        return http::Response::json(confirm_totp(ctx, actor, r.json_body()));
    });
    router.add(
        "POST", "/api/v1/auth/totp/disable",
        [&ctx](http::Request& r) {
            auto actor = ctx.sessions.authenticate(r);
            disable_totp(ctx, actor, r.json_body());
            return http::Response::no_content();
        },
        http::Runs::OnHashingPool);
}

}  // namespace kreda::people
