#include "http/error_response.hpp"

namespace kreda::http {

Response error_response(const ApiError& error, Language language) {
    json::object body{{"code", error.code()}, {"message", error.message().in(language)}};
    if (!error.fields().empty()) {
        json::object fields;
        for (const auto& [name, reason] : error.fields()) fields[name] = reason.in(language);
        body["fields"] = std::move(fields);
    }
    Response response = Response::json(json::object{{"error", std::move(body)}}, error.status());
    if (error.retry_after() > 0) response.with_header("Retry-After", std::to_string(error.retry_after()));
    return response;
}

Response internal_error_response(Language language) {
    return error_response(
        ApiError(500, "internal_error",
                 {"Wystąpił błąd serwera. Spróbuj ponownie.", "A server error occurred. Please try again."}),
        language);
}

}  // namespace kreda::http
