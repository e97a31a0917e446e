#include "http/message.hpp"

#include <charconv>

#include "core/error.hpp"

namespace kreda::http {

std::string_view Request::header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers)
        if (name == lower_name) return value;
    return {};
}

std::optional<std::string> Request::cookie(std::string_view name) const {
    std::string_view all = header("cookie");
    while (!all.empty()) {
        auto end = all.find(';');
        std::string_view pair = all.substr(0, end);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        auto eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
        if (end == std::string_view::npos) break;
        all.remove_prefix(end + 1);
    }
    return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
    auto it = query.find(std::string(name));
    if (it == query.end()) return std::nullopt;
    return it->second;
}

std::optional<std::int64_t> Request::query_id(std::string_view name) const {
    auto text = query_param(name);
    if (!text || text->empty()) return std::nullopt;
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
    if (ec == std::errc() && end == text->data() + text->size() && id > 0) return id;
    throw errors::invalid({{std::string(name), {"Niepoprawny identyfikator.", "Invalid id."}}});
}

std::optional<Date> Request::query_date(std::string_view name) const {
    auto text = query_param(name);
    if (!text || text->empty()) return std::nullopt;
    auto date = parse_date(*text);
    if (!date)
        throw errors::invalid(
            {{std::string(name), {"Podaj datę w formacie RRRR-MM-DD.", "Give a date as YYYY-MM-DD."}}});
    return date;
}

std::int64_t Request::id_param(std::string_view name) const {
    auto it = params.find(std::string(name));
    std::int64_t id = 0;
    if (it != params.end()) {
        const std::string& s = it->second;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
        if (ec == std::errc() && end == s.data() + s.size() && id > 0) return id;
    }
    throw errors::not_found();
}

json::object Request::json_body() const {
    std::string_view type = header("content-type");
    if (type.substr(0, 16) != "application/json")
        throw ApiError(415, "unsupported_media_type",
                       {"Oczekiwano treści typu application/json.", "The body must be application/json."});
    return json::parse_object(body);
}

Response Response::json(const json::value& body, int status) {
    Response r;
    r.status = status;
    r.body = json::to_string(body);
    return r;
}

Response Response::no_content() {
    Response r;
    r.status = 204;
    r.content_type.clear();
    return r;
}

}  // namespace kreda::http
