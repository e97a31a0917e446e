// Dates and clock times arrive in query strings and bodies. What parses must print back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kreda;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto date = parse_date(text)) {
        if (format_date(*date) != text) std::abort();
        if (from_days_since_epoch(days_since_epoch(*date)) != *date) std::abort();
        int day = weekday(*date);
        if (day < 1 || day > 7) std::abort();
    }
    if (auto minutes = parse_clock_time(text)) {
        if (*minutes < 0 || *minutes >= 24 * 60) std::abort();
        if (parse_clock_time(format_clock_time(*minutes)) != minutes) std::abort();
    }
    return 0;
}
