// Routes that belong to no domain: health, metrics, the API contract, the test clock and the web app.
#include <fstream>
#include <sstream>

#include "app/app.hpp"
#include "core/clock.hpp"
#include "http/static_files.hpp"
#include "modules/attendance/excuses.hpp"
#include "modules/audit/audit.hpp"
#include "modules/events/events.hpp"
#include "modules/family/family.hpp"
#include "modules/feed/feed.hpp"
#include "modules/files/files.hpp"
#include "modules/grades/grades.hpp"
#include "modules/mail/mail.hpp"
#include "modules/messages/messages.hpp"
#include "modules/notices/notices.hpp"
#include "modules/notify/notify.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"
#include "modules/people/signin.hpp"
#include "modules/push/push.hpp"
#include "modules/routes_support.hpp"
#include "modules/school/calendar.hpp"
#include "modules/school/school.hpp"
#include "modules/timetable/timetable.hpp"

namespace kreda::app {

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void register_system_routes(http::Router& router, Context& ctx, http::Metrics& metrics, const std::string& web_root) {
    router.add(
        "GET", "/healthz",
        [](http::Request&) {
            return http::Response::json(json::object{{"status", "ok"}});
        },
        http::Runs::OnIoThread);
    router.add(
        "GET", "/metrics",
        [&metrics](http::Request&) {
            http::Response response;
            response.content_type = "text/plain; version=0.0.4";
            response.body = metrics.render();
            return response;
        },
        http::Runs::OnIoThread);
    auto contract = std::make_shared<std::string>(read_text(web_root + "/openapi.json"));
    router.add(
        "GET", "/api/v1/openapi.json",
        [contract](http::Request&) {
            if (contract->empty()) throw errors::not_found();
            http::Response response;
            response.body = *contract;
            response.with_header("Cache-Control", "no-cache");
            return response;
        },
        http::Runs::OnIoThread);
    if (ctx.settings.test_clock) {
        router.add("POST", "/api/v1/testing/clock", [](http::Request& r) {
            json::object body = r.json_body();
            auto it = body.find("advance_seconds");
            if (it == body.end() || !it->value().is_int64())
                throw errors::invalid({{"advance_seconds", {"Podaj liczbę sekund.", "Give a number of seconds."}}});
            Clock::advance(it->value().as_int64());
            return http::Response::json(json::object{{"now", format_instant(Clock::now())}});
        });
    }
}

}  // namespace

void register_all_routes(http::Router& router, Context& ctx, http::Metrics& metrics, const std::string& web_root) {
    register_system_routes(router, ctx, metrics, web_root);
    people::register_signin_routes(router, ctx);
    school::register_routes(router, ctx);
    school::register_calendar_routes(router, ctx);
    people::register_routes(router, ctx);
    organisation::register_routes(router, ctx);
    timetable::register_routes(router, ctx);
    grades::register_routes(router, ctx);
    messages::register_routes(router, ctx);
    files::register_routes(router, ctx, {messages::may_read_attachment, events::may_read_attachment});
    notices::register_routes(router, ctx);
    events::register_routes(router, ctx);
    attendance::register_excuse_routes(router, ctx);
    audit::register_routes(router, ctx);
    mail::register_routes(router, ctx);
    notify::register_routes(router, ctx);
    family::register_routes(router, ctx);
    push::register_routes(router, ctx);
    feed::register_routes(router, ctx, feed::start_hub(ctx.db, ctx.settings.streams_per_user));
    auto files = std::make_shared<http::StaticFiles>(web_root);
    router.set_fallback([files](http::Request& r) { return files->serve(r); });
}

std::string default_web_root() {
    if (const char* env = std::getenv("KREDA_WEB_ROOT"); env && *env) return env;
    return std::string(KREDA_SOURCE_DIR) + "/web/dist";
}

}  // namespace kreda::app
