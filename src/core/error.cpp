#include "core/error.hpp"

namespace kreda::errors {

ApiError bad_request(std::string code, Text message) {
    return ApiError(400, std::move(code), std::move(message));
}

ApiError unauthorized() {
    return ApiError(401, "unauthenticated", {"Zaloguj się, aby kontynuować.", "Please sign in to continue."});
}

ApiError forbidden() {
    return ApiError(403, "forbidden", {"Nie masz uprawnień do tej operacji.", "You are not allowed to do this."});
}

ApiError not_found() {
    return ApiError(404, "not_found", {"Nie znaleziono.", "Not found."});
}

ApiError conflict(std::string code, Text message) {
    return ApiError(409, std::move(code), std::move(message));
}

ApiError invalid(std::map<std::string, Text> fields) {
    return ApiError(422, "invalid_input", {"Popraw zaznaczone pola.", "Please correct the marked fields."},
                    std::move(fields));
}

ApiError too_many_attempts(int retry_after_seconds) {
    return ApiError(429, "too_many_attempts",
                    {"Zbyt wiele nieudanych prób. Spróbuj ponownie za chwilę.",
                     "Too many failed attempts. Please try again shortly."})
        .with_retry_after(retry_after_seconds);
}

}  // namespace kreda::errors
