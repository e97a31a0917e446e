// Guessing passwords: growing delays per login and per address, 429 with Retry-After, no lockout by others.
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

class RateLimits : public ApiScenario {};

TEST_F(RateLimits, RepeatedWrongPasswordsForOneLoginGet429WithRetryAfter) {
    auto school = create_school("SP Guess");
    HttpClient http = server().client();
    int refused = 0;
    for (int i = 0; i < 6; ++i) {
        http.login(school.admin_login, "zgadywane-" + std::to_string(i));
        if (http.last_response().status == 429) {
            ++refused;
            EXPECT_EQ(http.last_response().error_code(), "too_many_attempts");
            EXPECT_GE(std::stoi(http.last_response().header("retry-after")), 1);
        } else {
            EXPECT_EQ(http.last_response().status, 401);
        }
    }
    EXPECT_GE(refused, 1);
    // While the delay lasts, even the right password waits: a guesser learns nothing from the answer.
    http.login(school.admin_login, school.admin_password);
    EXPECT_EQ(http.last_response().status, 429);
}

TEST_F(RateLimits, ManySuccessfulSignInsFromOneAddressAreNeverSlowed) {
    // A whole class signing in from the school's one NAT address, a few mistyping once.
    auto school = create_school("SP Nat");
    HttpClient admin = signed_in(school.admin_login, school.admin_password);
    auto class_id = create_class(admin, school.school_id, "4a");
    std::vector<std::pair<std::string, std::string>> pupils;
    for (int i = 0; i < 12; ++i) {
        auto family = create_family(admin, school.school_id, class_id, "Uczeń", "Numer" + std::to_string(i));
        pupils.emplace_back(family.student_login, activate(family.student_login, family.student_code));
    }
    for (int round = 0; round < 3; ++round)
        for (std::size_t i = 0; i < pupils.size(); ++i) {
            HttpClient http = server().client();
            if (i % 4 == 0) http.login(pupils[i].first, "literowka-123");
            http.login(pupils[i].first, pupils[i].second);
            EXPECT_EQ(http.last_response().status, 200) << "round " << round << " pupil " << i;
        }
}

}  // namespace
}  // namespace kreda::test
