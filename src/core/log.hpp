// Structured logging: one JSON object per line on standard output.
#pragma once

#include <string_view>

namespace kreda::log {

//! A general event: {"level":…, "msg":…}.
void info(std::string_view message);
void error(std::string_view message);
//! The one line per request: id, method, route, status, duration.
void request(std::string_view request_id, std::string_view method, std::string_view route, std::string_view path,
             int status, double milliseconds, std::string_view remote_address);
//! Silences request lines (tests and benchmarks can ask for it with KREDA_LOG_REQUESTS=0).
void set_request_logging(bool enabled);

}  // namespace kreda::log
