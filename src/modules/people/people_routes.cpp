#include "modules/people/people.hpp"
#include "modules/routes_support.hpp"

namespace kreda::people {

namespace {

json::object account_json(const CreatedAccount& created) {
    return {{"user", to_json(created.user)}, {"activation_code", created.activation_code}};
}

}  // namespace

void register_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/schools/{id}/users", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        std::optional<auth::Role> role;
        if (auto text = r.query_param("role"); text && !text->empty()) {
            role = auth::parse_role(*text);
            if (!role) throw errors::invalid({{"role", {"Nieznana rola.", "Unknown role."}}});
        }
        auto staff = list_staff(ctx, actor, r.id_param("id"), role);
        return http::Response::json(items_json(staff, [](const User& u) { return to_json(u); }));
    });
    router.add("POST", "/api/v1/schools/{id}/users", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(account_json(create_staff(ctx, actor, r.id_param("id"), r.json_body())), 201);
    });
    router.add("PATCH", "/api/v1/schools/{id}/users/{user_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        User user = update_user(ctx, actor, r.id_param("id"), r.id_param("user_id"), r.json_body());
        return http::Response::json(json::object{{"user", to_json(user)}});
    });
    router.add("POST", "/api/v1/schools/{id}/users/{user_id}/reset", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(
            account_json(reset_credentials(ctx, actor, r.id_param("id"), r.id_param("user_id"))));
    });
    router.add("GET", "/api/v1/schools/{id}/students", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto students = list_students(ctx, actor, r.id_param("id"), r.query_id("class_id"));
        return http::Response::json(items_json(students, [](const StudentSummary& s) { return to_json(s); }));
    });
    router.add("POST", "/api/v1/schools/{id}/students", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        CreatedStudent created = create_student(ctx, actor, r.id_param("id"), r.json_body());
        json::object out{{"student", to_json(created.student)},
                         {"parent", to_json(created.parent)},
                         {"student_activation_code", created.student_code}};
        out["parent_activation_code"] = created.parent_code ? json::value(*created.parent_code) : json::value(nullptr);
        return http::Response::json(out, 201);
    });
    router.add("POST", "/api/v1/schools/{id}/students/import", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(import_students(ctx, actor, r.id_param("id"), r.header("content-type"), r.body),
                                    201);
    });
    router.add("POST", "/api/v1/schools/{id}/guardianships", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        json::object body = r.json_body();
        json::FieldReader fields(body);
        auto parent_id = fields.id("parent_id");
        auto student_id = fields.id("student_id");
        fields.check();
        link_guardian(ctx, actor, r.id_param("id"), parent_id, student_id);
        return http::Response::json(json::object{{"parent_id", parent_id}, {"student_id", student_id}}, 201);
    });
    router.add("DELETE", "/api/v1/schools/{id}/guardianships/{parent_id}/{student_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        unlink_guardian(ctx, actor, r.id_param("id"), r.id_param("parent_id"), r.id_param("student_id"));
        return http::Response::no_content();
    });
    router.add("POST", "/api/v1/schools/{id}/credentials", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        json::object body = r.json_body();
        json::FieldReader fields(body);
        auto class_id = fields.id("class_id");
        fields.check();
        return http::Response::json(issue_slips(ctx, actor, r.id_param("id"), class_id));
    });
    router.add("GET", "/api/v1/students/{id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(brief_json(get_student(ctx, actor, r.id_param("id"))));
    });
}

}  // namespace kreda::people
