#include "core/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include "core/clock.hpp"

namespace kreda::log {

namespace {

std::atomic<bool> requests_enabled{true};

spdlog::logger& logger() {
    static auto instance = [] {
        auto l = spdlog::stdout_logger_mt("kreda");
        l->set_pattern("%v");
        l->flush_on(spdlog::level::info);
        return l;
    }();
    return *instance;
}

std::string quoted(std::string_view text) {
    return boost::json::serialize(boost::json::string(text));
}

void line(std::string_view level, std::string_view message) {
    logger().info("{{\"time\":\"{}\",\"level\":\"{}\",\"msg\":{}}}", format_instant(Clock::now()), level,
                  quoted(message));
}

}  // namespace

void info(std::string_view message) {
    line("info", message);
}
void error(std::string_view message) {
    line("error", message);
}

void set_request_logging(bool enabled) {
    requests_enabled = enabled;
}

void request(std::string_view request_id, std::string_view method, std::string_view route, std::string_view path,
             int status, double milliseconds, std::string_view remote_address) {
    if (!requests_enabled) return;
    logger().info(
        "{{\"time\":\"{}\",\"level\":\"info\",\"request_id\":\"{}\",\"method\":\"{}\",\"route\":{},\"path\":{},"
        "\"status\":{},\"duration_ms\":{:.3f},\"remote\":{}}}",
        format_instant(Clock::now()), request_id, method, quoted(route), quoted(path), status, milliseconds,
        quoted(remote_address));
}

}  // namespace kreda::log
