// Every request body goes through json::parse_object and FieldReader: malformed or hostile JSON must end in a
// 400 or 422 (an ApiError), never anything else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "core/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kreda;
    try {
        json::object body = json::parse_object(std::string_view(reinterpret_cast<const char*>(data), size));
        json::FieldReader fields(body);
        fields.text("name", 60);
        fields.optional_text("note", 500);
        fields.id("student_id");
        fields.optional_id("improves_id");
        fields.optional_bool("counts");
        fields.date("date");
        fields.optional_date("valid_to");
        fields.clock_time("starts_at");
        fields.integer("weight", 0, 10);
        fields.optional_integer("points", -100, 100);
        fields.ids("dates");
        fields.check();
    } catch (const ApiError&) {
    }
    return 0;
}
