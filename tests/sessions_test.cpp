// Sessions: CSRF for cookie sessions, idle and absolute timeouts, disabling an account.
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class Sessions : public ApiScenario {
  protected:
    void advance_clock(std::int64_t seconds) {
        HttpClient http = server().client();
        auto moved = http.post("/api/v1/testing/clock", object{{"advance_seconds", seconds}});
        ASSERT_EQ(moved.status, 200) << moved;
    }
};

TEST_F(Sessions, AnUnsafeRequestWithoutTheCsrfHeaderIsRefused) {
    auto school = create_school("SP Csrf");
    HttpClient http = signed_in(school.admin_login, school.admin_password);
    std::string token = *http.csrf();
    http.set_csrf(std::nullopt);
    auto refused = http.post(school_path(school.school_id, "/classes"), object{{"name", "3c"}});
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.error_code(), "csrf_failed");
    http.set_csrf((token[0] == '0' ? "1" : "0") + token.substr(1));
    EXPECT_EQ(http.post(school_path(school.school_id, "/classes"), object{{"name", "3c"}}).status, 403);
    http.set_csrf(token);
    EXPECT_EQ(http.post(school_path(school.school_id, "/classes"), object{{"name", "3c"}}).status, 201);
    auto classes = http.get(school_path(school.school_id, "/classes")).json().at("items").as_array();
    EXPECT_EQ(classes.size(), 1u) << "the refused requests created nothing";
}

TEST_F(Sessions, AForgedOrUnknownTokenIsNotSignedIn) {
    HttpClient http = server().client();
    http.set_cookie("kreda_session", std::string(64, 'a'));
    EXPECT_EQ(http.get("/api/v1/me").status, 401);
    http.set_bearer("short");
    EXPECT_EQ(http.get("/api/v1/me").status, 401);
}

TEST_F(Sessions, DisablingAnAccountEndsItsSessionsAtOnce) {
    auto school = create_school("SP Disable");
    HttpClient admin = signed_in(school.admin_login, school.admin_password);
    auto teacher = create_staff(admin, school.school_id, "teacher");
    std::string password = activate(teacher.login, teacher.code);
    HttpClient browser = signed_in(teacher.login, password);
    HttpClient app = signed_in(teacher.login, password, "app");
    ASSERT_EQ(browser.get("/api/v1/me").status, 200);

    auto disabled =
        admin.patch(school_path(school.school_id, "/users/" + std::to_string(teacher.id)), object{{"active", false}});
    ASSERT_EQ(disabled.status, 200) << disabled;
    EXPECT_FALSE(disabled.json().at("user").at("active").as_bool());
    EXPECT_EQ(browser.get("/api/v1/me").status, 401);
    EXPECT_EQ(app.get("/api/v1/me").status, 401);
    HttpClient again = server().client();
    again.login(teacher.login, password);
    EXPECT_EQ(again.last_response().status, 401);

    ASSERT_EQ(
        admin.patch(school_path(school.school_id, "/users/" + std::to_string(teacher.id)), object{{"active", true}})
            .status,
        200);
    again.login(teacher.login, password);
    EXPECT_EQ(again.last_response().status, 200);
}

TEST_F(Sessions, AnAdminCannotDisableThemself) {
    auto school = create_school("SP Self");
    HttpClient admin = signed_in(school.admin_login, school.admin_password);
    auto me = admin.get("/api/v1/me").json();
    auto refused = admin.patch(school_path(school.school_id, "/users/" + std::to_string(id_of(me.at("user")))),
                               object{{"active", false}});
    EXPECT_EQ(refused.status, 422);
}

// The clock only moves forward, so the timeout tests come last in this suite and use fresh sessions.
TEST_F(Sessions, ZIdleStaffBrowserSessionExpiresAfterThirtyMinutes) {
    auto school = create_school("SP Idle");
    HttpClient staff = signed_in(school.admin_login, school.admin_password);
    HttpClient app = signed_in(school.admin_login, school.admin_password, "app");
    advance_clock(20 * 60);
    EXPECT_EQ(staff.get("/api/v1/me").status, 200);
    advance_clock(31 * 60);
    auto expired = staff.get("/api/v1/me");
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(expired.error_code(), "session_expired");
    EXPECT_EQ(app.get("/api/v1/me").status, 200) << "an app session has a longer idle timeout";
}

TEST_F(Sessions, ZZActiveSessionStillEndsAtTheAbsoluteTimeout) {
    auto school = create_school("SP Absolute");
    HttpClient staff = signed_in(school.admin_login, school.admin_password);
    for (int i = 0; i < 24; ++i) {
        advance_clock(29 * 60);
        ASSERT_EQ(staff.get("/api/v1/me").status, 200) << "still active after " << (i + 1) * 29 << " minutes";
    }
    advance_clock(29 * 60);  // 12 h 5 min after sign-in
    EXPECT_EQ(staff.get("/api/v1/me").status, 401);
}

}  // namespace
}  // namespace kreda::test
