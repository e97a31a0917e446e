// ApiError: the one exception family for handler failures. It carries the HTTP status, a stable code,
// a message in Polish and English and per-field reasons; http/ turns it into the JSON error shape.
#pragma once

#include <map>
#include <stdexcept>
#include <string>

#include "core/text.hpp"

namespace kreda {

class ApiError : public std::runtime_error {
  public:
    ApiError(int status, std::string code, Text message, std::map<std::string, Text> fields = {})
        : std::runtime_error(code),
          status_(status),
          code_(std::move(code)),
          message_(std::move(message)),
          fields_(std::move(fields)) {}

    int status() const { return status_; }
    const std::string& code() const { return code_; }
    const Text& message() const { return message_; }
    const std::map<std::string, Text>& fields() const { return fields_; }
    //! Seconds for a Retry-After header; 0 when none applies.
    int retry_after() const { return retry_after_; }
    ApiError& with_retry_after(int seconds) {
        retry_after_ = seconds;
        return *this;
    }

  private:
    int status_;
    std::string code_;
    Text message_;
    std::map<std::string, Text> fields_;
    int retry_after_ = 0;
};

namespace errors {
ApiError bad_request(std::string code, Text message);
ApiError unauthorized();
ApiError forbidden();
ApiError not_found();
ApiError conflict(std::string code, Text message);
ApiError invalid(std::map<std::string, Text> fields);
ApiError too_many_attempts(int retry_after_seconds);
}  // namespace errors

}  // namespace kreda
