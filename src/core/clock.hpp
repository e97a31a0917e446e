// The clock: real time, optionally shifted forward for tests (enabled only by the test-clock option).
#pragma once

#include <cstdint>
#include <string>

namespace kreda {

class Clock {
  public:
    //! Seconds since the Unix epoch, including any test offset.
    static std::int64_t now();
    //! Moves the clock forward by the given seconds (tests only; the route exists only with --test-clock).
    static void advance(std::int64_t seconds);
};

//! An instant as RFC 3339 UTC, e.g. 2026-09-01T07:55:00Z.
std::string format_instant(std::int64_t unix_seconds);

}  // namespace kreda
