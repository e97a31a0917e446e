// Result<T>: a value or an Error, for failures that callers are expected to handle (opening a database,
// parsing configuration). Handler failures use ApiError (error.hpp) instead.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kreda {

struct Failure {
    std::string message;
};

template <typename T>
class Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Failure failure) : state_(std::move(failure)) {}

    //! True when the result holds a value.
    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(state_); }
    const T& value() const { return std::get<T>(state_); }
    T& operator*() { return value(); }
    T* operator->() { return &value(); }
    const std::string& error() const { return std::get<Failure>(state_).message; }

  private:
    std::variant<T, Failure> state_;
};

}  // namespace kreda
