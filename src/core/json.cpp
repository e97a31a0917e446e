#include "core/json.hpp"

#include "core/error.hpp"

namespace kreda::json {

namespace {
const Text kRequired{"To pole jest wymagane.", "This field is required."};
const Text kNotText{"Oczekiwano tekstu.", "A text value is expected."};
const Text kNotId{"Oczekiwano identyfikatora (liczby całkowitej).", "An integer id is expected."};
const Text kNotBool{"Oczekiwano wartości true lub false.", "A true or false value is expected."};

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return std::string(s);
}
}  // namespace

object parse_object(std::string_view body) {
    boost::system::error_code ec;
    value parsed = boost::json::parse(body, ec);
    if (ec || !parsed.is_object())
        throw errors::bad_request("malformed_json", {"Treść żądania nie jest poprawnym obiektem JSON.",
                                                     "The request body is not a valid JSON object."});
    return std::move(parsed.as_object());
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++count;
    return count;
}

std::optional<std::string> FieldReader::optional_text(std::string_view key, std::size_t max_length) {
    auto it = source_.find(key);
    if (it == source_.end() || it->value().is_null()) return std::nullopt;
    if (!it->value().is_string()) {
        fail(key, kNotText);
        return std::nullopt;
    }
    std::string result = trim(it->value().as_string());
    if (utf8_length(result) > max_length) {
        fail(key, {"Za długi tekst (najwyżej " + std::to_string(max_length) + " znaków).",
                   "Too long (at most " + std::to_string(max_length) + " characters)."});
        return std::nullopt;
    }
    return result;
}

std::string FieldReader::text(std::string_view key, std::size_t max_length) {
    bool present = source_.contains(key) && !source_.at(key).is_null();
    auto result = optional_text(key, max_length);
    if (!present || (result && result->empty())) fail(key, kRequired);
    return result.value_or("");
}

std::optional<std::int64_t> FieldReader::optional_id(std::string_view key) {
    auto it = source_.find(key);
    if (it == source_.end() || it->value().is_null()) return std::nullopt;
    if (it->value().is_int64() && it->value().as_int64() > 0) return it->value().as_int64();
    if (it->value().is_uint64() && it->value().as_uint64() < (1ULL << 62))
        return static_cast<std::int64_t>(it->value().as_uint64());
    fail(key, kNotId);
    return std::nullopt;
}

std::int64_t FieldReader::id(std::string_view key) {
    bool present = source_.contains(key) && !source_.at(key).is_null();
    auto result = optional_id(key);
    if (!present) fail(key, kRequired);
    return result.value_or(0);
}

std::optional<bool> FieldReader::optional_bool(std::string_view key) {
    auto it = source_.find(key);
    if (it == source_.end() || it->value().is_null()) return std::nullopt;
    if (!it->value().is_bool()) {
        fail(key, kNotBool);
        return std::nullopt;
    }
    return it->value().as_bool();
}

std::optional<Date> FieldReader::optional_date(std::string_view key) {
    auto text = optional_text(key, 10);
    if (!text) return std::nullopt;
    auto parsed = parse_date(*text);
    if (!parsed) fail(key, {"Podaj datę w formacie RRRR-MM-DD.", "Give a date as YYYY-MM-DD."});
    return parsed;
}

Date FieldReader::date(std::string_view key) {
    bool present = source_.contains(key) && !source_.at(key).is_null();
    auto result = optional_date(key);
    if (!present) fail(key, kRequired);
    return result.value_or(Date{2000, 1, 1});
}

int FieldReader::clock_time(std::string_view key) {
    auto text = optional_text(key, 5);
    if (!text) {
        fail(key, kRequired);
        return 0;
    }
    auto minutes = parse_clock_time(*text);
    if (!minutes) fail(key, {"Podaj godzinę w formacie GG:MM.", "Give a time as HH:MM."});
    return minutes.value_or(0);
}

std::optional<int> FieldReader::optional_integer(std::string_view key, int min, int max) {
    auto it = source_.find(key);
    if (it == source_.end() || it->value().is_null()) return std::nullopt;
    const auto& v = it->value();
    std::int64_t n = v.is_int64() ? v.as_int64() : v.is_uint64() ? static_cast<std::int64_t>(v.as_uint64()) : INT64_MIN;
    if (n < min || n > max) {
        fail(key, {"Podaj liczbę całkowitą od " + std::to_string(min) + " do " + std::to_string(max) + ".",
                   "Give a whole number from " + std::to_string(min) + " to " + std::to_string(max) + "."});
        return std::nullopt;
    }
    return static_cast<int>(n);
}

int FieldReader::integer(std::string_view key, int min, int max) {
    bool present = source_.contains(key) && !source_.at(key).is_null();
    auto result = optional_integer(key, min, max);
    if (!present) fail(key, kRequired);
    return result.value_or(min);
}

std::vector<std::int64_t> FieldReader::ids(std::string_view key) {
    std::vector<std::int64_t> out;
    auto it = source_.find(key);
    if (it == source_.end() || it->value().is_null()) return out;
    if (!it->value().is_array()) {
        fail(key, {"Oczekiwano listy identyfikatorów.", "A list of ids is expected."});
        return out;
    }
    for (const auto& item : it->value().as_array()) {
        if (!item.is_int64() || item.as_int64() <= 0) {
            fail(key, {"Oczekiwano listy identyfikatorów.", "A list of ids is expected."});
            return {};
        }
        out.push_back(item.as_int64());
    }
    return out;
}

void FieldReader::check() const {
    if (!problems_.empty()) throw errors::invalid(problems_);
}

std::string utf8_prefix(std::string_view text, std::size_t count) {
    std::size_t end = 0, seen = 0;
    while (end < text.size()) {
        if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && seen++ == count) break;
        ++end;
    }
    return std::string(text.substr(0, end));
}

std::string to_string(const value& v) {
    return boost::json::serialize(v);
}

}  // namespace kreda::json
