#include "core/clock.hpp"
#include "modules/attendance/attendance.hpp"
#include "modules/routes_support.hpp"
#include "modules/timetable/ical.hpp"
#include "modules/timetable/lessons.hpp"
#include "modules/timetable/timetable.hpp"

namespace kreda::timetable {

namespace {

//! The `name` query parameter as a date; today (in Warsaw) when absent.
Date date_query(const http::Request& r, std::string_view name) {
    return r.query_date(name).value_or(warsaw_date(Clock::now()));
}

//! The first day of the school year that `day` belongs to (1 September).
Date school_year_start(Date day) {
    return Date{day.month >= 9 ? day.year : day.year - 1, 9, 1};
}

WeekFilter filter_of(const http::Request& r) {
    return {r.query_id("class_id"), r.query_id("teacher_id"), r.query_id("room_id")};
}

}  // namespace

void register_routes(http::Router& router, Context& ctx) {
    router.add("GET", "/api/v1/schools/{id}/timetable", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        std::int64_t school_id = r.id_param("id");
        auto plan = list_plan(ctx, actor, school_id, filter_of(r));
        auto tx = ctx.db.begin(storage::Access::Read);
        return http::Response::json(
            items_json(plan, [&](const PlanEntry& e) { return entry_json(*tx, school_id, e); }));
    });
    router.add("POST", "/api/v1/schools/{id}/timetable", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        std::int64_t school_id = r.id_param("id");
        PlanEntry entry = create_entry(ctx, actor, school_id, r.json_body());
        auto tx = ctx.db.begin(storage::Access::Read);
        return http::Response::json(entry_json(*tx, school_id, entry), 201);
    });
    router.add("DELETE", "/api/v1/schools/{id}/timetable/{entry_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        delete_entry(ctx, actor, r.id_param("id"), r.id_param("entry_id"));
        return http::Response::no_content();
    });
    router.add("GET", "/api/v1/schools/{id}/timetable-changes", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto changes = list_changes(ctx, actor, r.id_param("id"), date_query(r, "date"));
        return http::Response::json(items_json(changes, [](const Change& c) { return change_json(c); }));
    });
    router.add("POST", "/api/v1/schools/{id}/timetable-changes", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(change_json(create_change(ctx, actor, r.id_param("id"), r.json_body())), 201);
    });
    router.add("DELETE", "/api/v1/schools/{id}/timetable-changes/{change_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        delete_change(ctx, actor, r.id_param("id"), r.id_param("change_id"));
        return http::Response::no_content();
    });
    router.add("GET", "/api/v1/schools/{id}/week", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(week_for_school(ctx, actor, r.id_param("id"), date_query(r, "week"), filter_of(r)));
    });
    router.add("GET", "/api/v1/teacher/lessons", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(teacher_day(ctx, actor, date_query(r, "date")));
    });
    router.add("GET", "/api/v1/lessons/{lesson_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(lesson_detail(ctx, actor, r.id_param("lesson_id")));
    });
    router.add("PUT", "/api/v1/lessons/{lesson_id}/record", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(record_lesson(ctx, actor, r.id_param("lesson_id"), r.json_body()));
    });
    router.add("GET", "/api/v1/students/{id}/lessons", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        Date to = date_query(r, "to");
        Date from = r.query_date("from").value_or(school_year_start(to));
        return http::Response::json(student_lessons(ctx, actor, r.id_param("id"), from, to));
    });
    router.add("GET", "/api/v1/students/{id}/attendance", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        Date to = date_query(r, "to");
        Date from = r.query_date("from").value_or(school_year_start(to));
        return http::Response::json(attendance::student_attendance(ctx, actor, r.id_param("id"), from, to));
    });
    router.add("POST", "/api/v1/schools/{id}/attendance-types", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(
            attendance::to_json(attendance::create_type(ctx, actor, r.id_param("id"), r.json_body())), 201);
    });
    router.add("GET", "/api/v1/schools/{id}/attendance-types", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto types = attendance::list_types(ctx, actor, r.id_param("id"));
        return http::Response::json(
            items_json(types, [](const attendance::AttendanceType& t) { return attendance::to_json(t); }));
    });
    router.add("POST", "/api/v1/calendar-feeds", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(create_feed(ctx, actor, r.json_body()), 201);
    });
    router.add("GET", "/api/v1/calendar-feeds", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(list_feeds(ctx, actor));
    });
    router.add("DELETE", "/api/v1/calendar-feeds/{feed_id}", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        revoke_feed(ctx, actor, r.id_param("feed_id"));
        return http::Response::no_content();
    });
    router.add("GET", "/ical/{token}", [&ctx](http::Request& r) {
        std::string token = r.params["token"];
        if (token.size() > 4 && token.substr(token.size() - 4) == ".ics") token.resize(token.size() - 4);
        auto calendar = token.size() == 48 ? feed_calendar(ctx, token) : std::nullopt;
        if (!calendar) throw errors::not_found();
        http::Response response;
        response.content_type = "text/calendar; charset=utf-8";
        response.body = std::move(*calendar);
        response.with_header("Cache-Control", "private, max-age=300");
        return response;
    });
    router.add("GET", "/api/v1/students/{id}/timetable", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(week_for_student(ctx, actor, r.id_param("id"), date_query(r, "week")));
    });
}

}  // namespace kreda::timetable
