#include "modules/grades/view_cache.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace kreda::grades::cache {
namespace {

Key key_of(std::int64_t student, int term = 0, bool family = true) {
    return {student, 10, 1, term, family, Date{2026, 11, 23}};
}

Body body(std::string text) {
    return std::make_shared<const View>(std::move(text));
}

TEST(GradeViewCache, AViewIsServedOnlyForTheVersionsItWasBuiltFrom) {
    store(key_of(1001), {3, 1}, body("{\"a\":1}"));
    ASSERT_TRUE(find(key_of(1001), {3, 1}));
    EXPECT_EQ(find(key_of(1001), {3, 1})->json, "{\"a\":1}");
    EXPECT_EQ(gzip::gunzip(gzip::joined("{", find(key_of(1001), {3, 1})->compressed)), "{\"a\":1}");
    EXPECT_FALSE(find(key_of(1001), {4, 1}));  // a grade of the class changed
    EXPECT_FALSE(find(key_of(1001), {3, 2}));  // the school's settings changed
}

TEST(GradeViewCache, TermsAudiencesAndDaysAreSeparateViews) {
    store(key_of(1002, 1, true), {1, 1}, body("family term 1"));
    EXPECT_FALSE(find(key_of(1002, 2, true), {1, 1}));
    EXPECT_FALSE(find(key_of(1002, 1, false), {1, 1}));
    Key tomorrow = key_of(1002, 1, true);
    tomorrow.today = Date{2026, 11, 24};  // predicted grades may become visible overnight
    EXPECT_FALSE(find(tomorrow, {1, 1}));
}

TEST(GradeViewCache, ViewsAgeOut) {
    store(key_of(1003), {1, 1}, body("old"));
    ASSERT_TRUE(find(key_of(1003), {1, 1}));
    Clock::advance(kMaxAge + 1);
    EXPECT_FALSE(find(key_of(1003), {1, 1}));
}

}  // namespace
}  // namespace kreda::grades::cache
