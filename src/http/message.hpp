// Kreda's own request and response types: the rest of the code never sees Beast.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "http/event_stream.hpp"

namespace kreda::http {

struct Request {
    std::string method;  //!< upper case, e.g. "GET"
    std::string path;    //!< decoded path without the query
    std::map<std::string, std::string> query;
    std::vector<std::pair<std::string, std::string>> headers;  //!< names in lower case
    std::string body;
    std::string remote_address;
    std::string request_id;
    std::map<std::string, std::string> params;  //!< path parameters, filled by the router

    std::string_view header(std::string_view lower_name) const;
    std::optional<std::string> cookie(std::string_view name) const;
    std::optional<std::string> query_param(std::string_view name) const;
    //! An optional query parameter that must be a positive integer id; 422 naming it otherwise.
    std::optional<std::int64_t> query_id(std::string_view name) const;
    //! An optional query parameter that must be a date YYYY-MM-DD; 422 naming it otherwise.
    std::optional<Date> query_date(std::string_view name) const;
    //! A path parameter that must be a positive integer id; 404 otherwise.
    std::int64_t id_param(std::string_view name) const;
    Language language() const { return language_from_header(header("accept-language")); }
    //! Whether Accept-Encoding names `coding` (gzip, br).
    bool accepts_encoding(std::string_view coding) const {
        return header("accept-encoding").find(coding) != std::string_view::npos;
    }
    bool is_unsafe() const { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }
    //! The body as a JSON object; 415 unless sent as application/json, 400 when malformed.
    json::object json_body() const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    //! When set, the response is `text/event-stream` and stays open, sending what is queued on it.
    std::shared_ptr<EventStream> events;

    static Response json(const json::value& body, int status = 200);
    static Response no_content();
    Response& with_header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

}  // namespace kreda::http
