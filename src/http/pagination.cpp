#include "http/pagination.hpp"

#include <charconv>

#include "core/error.hpp"

namespace kreda::http {

namespace {
std::optional<std::int64_t> number(const std::string& text) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}
}  // namespace

Page page_of(const Request& request) {
    Page page;
    std::map<std::string, Text> problems;
    if (auto limit = request.query_param("limit")) {
        auto n = number(*limit);
        if (!n || *n < 1 || *n > 200)
            problems["limit"] = {"Podaj liczbę od 1 do 200.", "Give a number from 1 to 200."};
        else
            page.limit = static_cast<int>(*n);
    }
    if (auto cursor = request.query_param("cursor")) {
        auto n = number(*cursor);
        if (!n || *n < 0)
            problems["cursor"] = {"Niepoprawny kursor.", "Invalid cursor."};
        else
            page.cursor = *n;
    }
    if (!problems.empty()) throw errors::invalid(problems);
    return page;
}

}  // namespace kreda::http
