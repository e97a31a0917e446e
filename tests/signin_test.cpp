// Signing in: passwords, one-time activation codes, the first own password, TOTP for staff.
#include "auth/totp.hpp"
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class SignIn : public ApiScenario {};

TEST_F(SignIn, BrowserSignInSetsAnHttpOnlyCookieAndReturnsACsrfToken) {
    auto school = create_school("SP 1 Cookie");
    HttpClient http = server().client();
    auto body = http.login(school.admin_login, school.admin_password);
    ASSERT_EQ(http.last_response().status, 200) << http.last_response();
    std::string cookie = http.last_response().header("set-cookie");
    EXPECT_NE(cookie.find("kreda_session="), std::string::npos);
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
    EXPECT_EQ(text_of(body, "csrf_token").size(), 32u);
    EXPECT_EQ(text_of(body.at("user"), "role"), "admin");
    auto me = http.get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me;
    EXPECT_EQ(id_of(me.json().at("school")), school.school_id);
}

TEST_F(SignIn, WrongPasswordIsRefusedWithAMessageInTheRequestedLanguage) {
    auto school = create_school("SP 2 Wrong");
    HttpClient http = server().client();
    http.login(school.admin_login, "not-the-password");
    EXPECT_EQ(http.last_response().status, 401);
    EXPECT_EQ(http.last_response().error_code(), "invalid_credentials");
    EXPECT_EQ(text_of(http.last_response().json().at("error"), "message"), "Nieprawidłowy login lub hasło.");
    http.set_accept_language("en-GB,en;q=0.9");
    http.login("no-such-login", "whatever-password");
    EXPECT_EQ(http.last_response().status, 401);
    EXPECT_EQ(text_of(http.last_response().json().at("error"), "message"), "Wrong login or password.");
}

TEST_F(SignIn, FirstSignInWithTheSlipCodeMustSetAnOwnPasswordBeforeAnythingElse) {
    auto school = create_school("SP 3 First");
    HttpClient admin = signed_in(school.admin_login, school.admin_password);
    auto teacher = create_staff(admin, school.school_id, "teacher", "Łukasz", "Żółtowski");

    HttpClient http = server().client();
    auto body = http.login(teacher.login, teacher.code);
    ASSERT_EQ(http.last_response().status, 200) << http.last_response();
    EXPECT_TRUE(body.at("must_change_password").as_bool());
    EXPECT_EQ(http.get(school_path(school.school_id, "/classes")).error_code(), "password_change_required");
    EXPECT_EQ(http.get("/api/v1/me").status, 200);

    auto short_one =
        http.post("/api/v1/auth/password", object{{"current_password", teacher.code}, {"new_password", "krótkie"}});
    EXPECT_EQ(short_one.status, 422);
    EXPECT_TRUE(short_one.json().at("error").at("fields").as_object().contains("new_password"));
    auto common =
        http.post("/api/v1/auth/password", object{{"current_password", teacher.code}, {"new_password", "qwerty123"}});
    EXPECT_EQ(common.status, 422);
    auto good = http.post("/api/v1/auth/password",
                          object{{"current_password", teacher.code}, {"new_password", "zielona-lipa-42"}});
    ASSERT_EQ(good.status, 200) << good;
    EXPECT_TRUE(good.json().at("user").at("activated").as_bool());
    EXPECT_EQ(http.get(school_path(school.school_id, "/users")).status, 403);  // a teacher, not the office

    HttpClient again = server().client();
    again.login(teacher.login, teacher.code);
    EXPECT_EQ(again.last_response().status, 401) << "the slip's code is single-use";
    again.login(teacher.login, "zielona-lipa-42");
    EXPECT_EQ(again.last_response().status, 200);
}

TEST_F(SignIn, PasswordChangeNeedsTheCurrentPasswordAndEndsOtherSessions) {
    auto school = create_school("SP 4 Change");
    HttpClient first = signed_in(school.admin_login, school.admin_password);
    HttpClient second = signed_in(school.admin_login, school.admin_password);
    auto wrong = second.post("/api/v1/auth/password",
                             object{{"current_password", "zle-haslo-123"}, {"new_password", "nowe-haslo-szkoly"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_TRUE(wrong.json().at("error").at("fields").as_object().contains("current_password"));
    auto changed = second.post("/api/v1/auth/password", object{{"current_password", school.admin_password},
                                                               {"new_password", "nowe-haslo-szkoly"}});
    ASSERT_EQ(changed.status, 200) << changed;
    EXPECT_EQ(second.get("/api/v1/me").status, 200);
    EXPECT_EQ(first.get("/api/v1/me").status, 401);
}

TEST_F(SignIn, StaffTotpEnrolmentThenSignInNeedsTheCodeAndRecoveryCodesWorkOnce) {
    auto school = create_school("SP 5 Totp");
    HttpClient admin = signed_in(school.admin_login, school.admin_password);
    auto enrol = admin.post("/api/v1/auth/totp/enrol");
    ASSERT_EQ(enrol.status, 200) << enrol;
    std::string secret = text_of(enrol.json(), "secret");
    EXPECT_EQ(text_of(enrol.json(), "qr_svg").rfind("<svg", 0), 0u);
    EXPECT_EQ(admin.post("/api/v1/auth/totp/confirm", object{{"code", "000000"}}).status, 422);
    auto confirmed =
        admin.post("/api/v1/auth/totp/confirm", object{{"code", auth::totp_code(secret, std::time(nullptr))}});
    ASSERT_EQ(confirmed.status, 200) << confirmed;
    auto recovery = confirmed.json().at("recovery_codes").as_array();
    ASSERT_EQ(recovery.size(), 10u);

    HttpClient http = server().client();
    http.login(school.admin_login, school.admin_password);
    EXPECT_EQ(http.last_response().error_code(), "totp_required");
    http.login(school.admin_login, school.admin_password, "123456");
    EXPECT_EQ(http.last_response().error_code(), "totp_invalid");
    std::string code = std::string(recovery[0].as_string());
    http.login(school.admin_login, school.admin_password, code);
    EXPECT_EQ(http.last_response().status, 200) << http.last_response();
    HttpClient replay = server().client();
    replay.login(school.admin_login, school.admin_password, code);
    EXPECT_EQ(replay.last_response().error_code(), "totp_invalid") << "recovery codes are single-use";
}

TEST_F(SignIn, ASchoolCanMakeTheSecondFactorMandatoryForStaffButNotForFamilies) {
    auto school = create_school("SP 6 Mandatory");
    HttpClient admin = signed_in(school.admin_login, school.admin_password);
    auto teacher = create_staff(admin, school.school_id, "teacher");
    auto class_id = create_class(admin, school.school_id, "1a");
    auto family = create_family(admin, school.school_id, class_id, "Zofia", "Mazur");
    ASSERT_EQ(admin.patch(school_path(school.school_id), object{{"require_staff_totp", true}}).status, 200);

    std::string teacher_password = activate(teacher.login, teacher.code);
    HttpClient http = server().client();
    auto body = http.login(teacher.login, teacher_password);
    ASSERT_EQ(http.last_response().status, 200);
    EXPECT_TRUE(body.at("must_enrol_totp").as_bool());
    EXPECT_EQ(http.get(school_path(school.school_id)).error_code(), "totp_enrolment_required");
    auto enrol = http.post("/api/v1/auth/totp/enrol");
    ASSERT_EQ(enrol.status, 200);
    auto confirmed = http.post("/api/v1/auth/totp/confirm",
                               object{{"code", auth::totp_code(text_of(enrol.json(), "secret"), std::time(nullptr))}});
    ASSERT_EQ(confirmed.status, 200) << confirmed;
    EXPECT_EQ(http.get(school_path(school.school_id)).status, 200);
    EXPECT_EQ(http.post("/api/v1/auth/totp/disable", object{{"current_password", teacher_password}}).error_code(),
              "totp_mandatory");

    std::string parent_password = activate(family.parent_login, family.parent_code);
    HttpClient parent = server().client();
    auto parent_body = parent.login(family.parent_login, parent_password);
    EXPECT_FALSE(parent_body.at("must_enrol_totp").as_bool());
}

TEST_F(SignIn, AppsUseABearerTokenWithoutCookiesOrCsrf) {
    auto school = create_school("SP 7 App");
    HttpClient app = signed_in(school.admin_login, school.admin_password, "app");
    EXPECT_TRUE(app.last_response().header("set-cookie").empty());
    app.set_csrf(std::nullopt);
    auto created = app.post(school_path(school.school_id, "/classes"), object{{"name", "2b"}});
    EXPECT_EQ(created.status, 201) << created;
}

TEST_F(SignIn, LogoutEndsTheSession) {
    auto school = create_school("SP 8 Logout");
    HttpClient http = signed_in(school.admin_login, school.admin_password);
    EXPECT_EQ(http.post("/api/v1/auth/logout").status, 204);
    EXPECT_EQ(http.get("/api/v1/me").status, 401);
}

}  // namespace
}  // namespace kreda::test
