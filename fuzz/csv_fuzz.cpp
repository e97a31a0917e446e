// The CSV reader takes a whole school's student list from the office: any bytes must come back as rows or a
// reasoned error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kreda::csv::parse(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
