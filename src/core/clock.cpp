#include "core/clock.hpp"

#include <atomic>
#include <chrono>
#include <ctime>

namespace kreda {

namespace {
std::atomic<std::int64_t> offset_seconds{0};
}

std::int64_t Clock::now() {
    auto real = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    return real.count() + offset_seconds.load();
}

void Clock::advance(std::int64_t seconds) {
    offset_seconds += seconds;
}

std::string format_instant(std::int64_t unix_seconds) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

}  // namespace kreda
