#include "auth/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace kreda::auth {
namespace {

TEST(RateLimiter, DelaysGrowAfterTheFreeFailuresAndAreCapped) {
    EXPECT_EQ(RateLimiter::delay_for(2, 3, 900), 0);
    EXPECT_EQ(RateLimiter::delay_for(3, 3, 900), 1);
    EXPECT_EQ(RateLimiter::delay_for(4, 3, 900), 2);
    EXPECT_EQ(RateLimiter::delay_for(6, 3, 900), 8);
    EXPECT_EQ(RateLimiter::delay_for(40, 3, 900), 900);
}

TEST(RateLimiter, ALoginIsSlowedAfterRepeatedFailures) {
    RateLimiter limiter;
    for (int i = 0; i < 3; ++i) limiter.record_failure("1234567", "10.0.0.1", 1000);
    EXPECT_GT(limiter.retry_after("1234567", "10.0.0.2", 1000), 0);
    EXPECT_EQ(limiter.retry_after("7654321", "10.0.0.2", 1000), 0);
}

TEST(RateLimiter, SuccessForgetsTheLoginsFailures) {
    RateLimiter limiter;
    for (int i = 0; i < 5; ++i) limiter.record_failure("1234567", "10.0.0.1", 1000);
    limiter.record_success("1234567");
    EXPECT_EQ(limiter.retry_after("1234567", "10.0.0.3", 1000), 0);
}

TEST(RateLimiter, ASchoolBehindOneAddressIsNotBlockedByItsOwnSuccessfulSignIns) {
    RateLimiter limiter;
    // 500 pupils sign in from one NAT address, a few of them mistype once.
    for (int i = 0; i < 20; ++i) limiter.record_failure("pupil" + std::to_string(i), "192.0.2.1", 1000);
    EXPECT_EQ(limiter.retry_after("pupil999", "192.0.2.1", 1000), 0);
}

TEST(RateLimiter, AnAddressSprayingManyLoginsIsSlowed) {
    RateLimiter limiter;
    for (int i = 0; i < 40; ++i) limiter.record_failure("victim" + std::to_string(i), "203.0.113.9", 1000);
    EXPECT_GT(limiter.retry_after("someone", "203.0.113.9", 1000), 0);
    EXPECT_EQ(limiter.retry_after("someone", "198.51.100.1", 1000), 0);
}

TEST(RateLimiter, TheDelayEndsAndNothingLocksForGood) {
    RateLimiter limiter;
    for (int i = 0; i < 50; ++i) limiter.record_failure("1234567", "10.0.0.1", 1000);
    EXPECT_LE(limiter.retry_after("1234567", "10.0.0.1", 1000), 15 * 60);
    EXPECT_EQ(limiter.retry_after("1234567", "10.0.0.1", 1000 + 15 * 60 + 1), 0);
}

}  // namespace
}  // namespace kreda::auth
