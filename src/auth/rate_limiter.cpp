#include "auth/rate_limiter.hpp"

#include <algorithm>

namespace kreda::auth {

std::int64_t RateLimiter::delay_for(int failures, int free, std::int64_t cap) {
    if (failures < free) return 0;
    int exponent = std::min(failures - free, 20);
    return std::min<std::int64_t>(std::int64_t{1} << exponent, cap);
}

std::int64_t RateLimiter::wait_for(Counter& counter, int free, std::int64_t now) {
    if (counter.failures == 0) return 0;
    if (now - counter.last_failure > policy_.forget_after_seconds) {
        counter = {};
        return 0;
    }
    std::int64_t until = counter.last_failure + delay_for(counter.failures, free, policy_.max_delay_seconds);
    return std::max<std::int64_t>(0, until - now);
}

std::int64_t RateLimiter::retry_after(const std::string& login, const std::string& address, std::int64_t now) {
    std::lock_guard guard(mutex_);
    std::int64_t wait = 0;
    if (auto it = logins_.find(login); it != logins_.end())
        wait = std::max(wait, wait_for(it->second, policy_.free_login_failures, now));
    if (auto it = addresses_.find(address); it != addresses_.end())
        wait = std::max(wait, wait_for(it->second, policy_.free_address_failures, now));
    return wait;
}

void RateLimiter::record_failure(const std::string& login, const std::string& address, std::int64_t now) {
    std::lock_guard guard(mutex_);
    prune(now);
    bump(logins_[login], now);
    bump(addresses_[address], now);
}

void RateLimiter::bump(Counter& counter, std::int64_t now) {
    if (counter.failures > 0 && now - counter.last_failure > policy_.forget_after_seconds) counter = {};
    ++counter.failures;
    counter.last_failure = now;
}

void RateLimiter::record_login_failure(const std::string& login, std::int64_t now) {
    std::lock_guard guard(mutex_);
    prune(now);
    bump(logins_[login], now);
}

void RateLimiter::record_success(const std::string& login) {
    std::lock_guard guard(mutex_);
    logins_.erase(login);
}

void RateLimiter::prune(std::int64_t now) {
    // Keeps memory bounded under a spray of made-up logins: forget stale counters every few minutes.
    if (now - last_prune_ < 300) return;
    last_prune_ = now;
    for (auto* map : {&logins_, &addresses_})
        std::erase_if(*map,
                      [&](const auto& item) { return now - item.second.last_failure > policy_.forget_after_seconds; });
}

}  // namespace kreda::auth
