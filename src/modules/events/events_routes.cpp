#include "core/clock.hpp"
#include "modules/events/events.hpp"
#include "modules/routes_support.hpp"

namespace kreda::events {

namespace {

//! `from` and `to` (default: this week's Monday and four weeks on); at most a school year apart.
std::pair<Date, Date> range_of(const http::Request& r) {
    Date today = warsaw_date(Clock::now());
    Date from = r.query_date("from").value_or(week_start(today));
    Date to = r.query_date("to").value_or(add_days(from, 27));
    if (to < from || days_between(from, to) > 366)
        throw errors::invalid({{"to", {"Od 0 do 366 dni po `from`.", "0 to 366 days after `from`."}}});
    return {from, to};
}

}  // namespace

void register_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/students/{id}/events", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto [from, to] = range_of(r);
        return http::Response::json(student_events(ctx, actor, r.id_param("id"), from, to));
    });
    router.add("GET", "/api/v1/classes/{class_id}/events", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto [from, to] = range_of(r);
        return http::Response::json(class_events(ctx, actor, r.id_param("class_id"), from, to));
    });
    router.add("POST", "/api/v1/events", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(create_event(ctx, actor, r.json_body()), 201);
    });
    router.add("DELETE", "/api/v1/events/{event_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        delete_event(ctx, actor, r.id_param("event_id"));
        return http::Response::no_content();
    });
    router.add("PUT", "/api/v1/events/{event_id}/answer", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(answer_meeting(ctx, actor, r.id_param("event_id"), r.json_body()));
    });
    router.add("GET", "/api/v1/students/{id}/homework", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto [from, to] = range_of(r);
        return http::Response::json(student_homework(ctx, actor, r.id_param("id"), from, to));
    });
    router.add("POST", "/api/v1/homework", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(create_homework(ctx, actor, r.json_body()), 201);
    });
    router.add("PATCH", "/api/v1/homework/{homework_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(update_homework(ctx, actor, r.id_param("homework_id"), r.json_body()));
    });
    router.add("GET", "/api/v1/assignments/{assignment_id}/homework", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto [from, to] = range_of(r);
        return http::Response::json(assignment_homework(ctx, actor, r.id_param("assignment_id"), from, to));
    });
    router.add("DELETE", "/api/v1/homework/{homework_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        delete_homework(ctx, actor, r.id_param("homework_id"));
        return http::Response::no_content();
    });
    router.add("GET", "/api/v1/students/{id}/lucky-number", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(lucky_number(ctx, actor, r.id_param("id")));
    });
    router.add("GET", "/api/v1/students/{id}/notes", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(student_notes(ctx, actor, r.id_param("id")));
    });
    router.add("GET", "/api/v1/classes/{class_id}/notes", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(class_notes(ctx, actor, r.id_param("class_id")));
    });
    router.add("POST", "/api/v1/notes", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(create_note(ctx, actor, r.json_body()), 201);
    });
}

}  // namespace kreda::events
