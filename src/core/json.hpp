// JSON helpers over Boost.JSON: parsing request bodies and reading typed, validated fields.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/text.hpp"

namespace kreda::json {

using boost::json::array;
using boost::json::object;
using boost::json::value;

//! Parses a request body that must be a JSON object; throws ApiError 400 when it is not.
object parse_object(std::string_view body);

//! Reads fields of a request object, collecting every problem, then `check()` throws one 422 naming them all.
class FieldReader {
  public:
    explicit FieldReader(const object& source) : source_(source) {}

    //! A required non-empty string, trimmed, at most `max_length` characters (UTF-8 code points).
    std::string text(std::string_view key, std::size_t max_length = 200);
    std::optional<std::string> optional_text(std::string_view key, std::size_t max_length = 200);
    std::int64_t id(std::string_view key);
    std::optional<std::int64_t> optional_id(std::string_view key);
    std::optional<bool> optional_bool(std::string_view key);
    //! A date "YYYY-MM-DD".
    Date date(std::string_view key);
    std::optional<Date> optional_date(std::string_view key);
    //! A clock time "HH:MM", as minutes after midnight.
    int clock_time(std::string_view key);
    //! A whole number within [min, max].
    int integer(std::string_view key, int min, int max);
    std::optional<int> optional_integer(std::string_view key, int min, int max);
    //! A list of ids (absent: empty).
    std::vector<std::int64_t> ids(std::string_view key);
    bool has(std::string_view key) const { return source_.contains(key); }
    //! Records a problem with a field found by the caller's own rule.
    void fail(std::string_view key, Text reason) { problems_.emplace(std::string(key), std::move(reason)); }
    //! Throws ApiError 422 listing every recorded problem, if any.
    void check() const;

  private:
    const object& source_;
    std::map<std::string, Text> problems_;
};

//! Number of Unicode code points in a UTF-8 string.
std::size_t utf8_length(std::string_view text);
//! The first `count` code points of a UTF-8 string.
std::string utf8_prefix(std::string_view text, std::size_t count);
//! Serialises a value.
std::string to_string(const value& v);

}  // namespace kreda::json
