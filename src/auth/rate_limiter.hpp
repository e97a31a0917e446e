// Failed sign-in attempts, per login and per address, with growing delays.
//
// Only failures count: a whole school signing in from one address behind NAT is never slowed by its own
// successful sign-ins. A login's failures are forgotten after a success; nothing locks an account for good
// (the longest delay is 15 minutes), so a stranger cannot lock a teacher out for the day.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kreda::auth {

class RateLimiter {
  public:
    struct Policy {
        int free_login_failures = 3;     //!< failures allowed before delays start, per login
        int free_address_failures = 30;  //!< per address (many people share school NAT addresses)
        std::int64_t max_delay_seconds = 15 * 60;
        std::int64_t forget_after_seconds = 60 * 60;
    };

    RateLimiter() = default;
    explicit RateLimiter(Policy policy) : policy_(policy) {}

    //! Seconds the caller must wait before another attempt for this login from this address; 0 = go ahead.
    std::int64_t retry_after(const std::string& login, const std::string& address, std::int64_t now);
    void record_failure(const std::string& login, const std::string& address, std::int64_t now);
    //! A failure against a login alone (its address already counted under another key).
    void record_login_failure(const std::string& login, std::int64_t now);
    void record_success(const std::string& login);

    //! The delay after `failures` failures when `free` are allowed: 0, then 1, 2, 4, … seconds up to the cap.
    static std::int64_t delay_for(int failures, int free, std::int64_t cap);

  private:
    struct Counter {
        int failures = 0;
        std::int64_t last_failure = 0;
    };
    std::int64_t wait_for(Counter& counter, int free, std::int64_t now);
    void bump(Counter& counter, std::int64_t now);
    void prune(std::int64_t now);

    Policy policy_;
    std::mutex mutex_;
    std::unordered_map<std::string, Counter> logins_;
    std::unordered_map<std::string, Counter> addresses_;
    std::int64_t last_prune_ = 0;
};

}  // namespace kreda::auth
