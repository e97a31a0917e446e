// Bad input gets a clear JSON error with the right status, and nothing is lost or half-saved.
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class Errors : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Błędy");
    }
    static inline SchoolAccount school_;
    HttpClient admin() { return signed_in(school_.admin_login, school_.admin_password); }

    static void expect_error_shape(const Response& response, long status, const std::string& code) {
        EXPECT_EQ(response.status, status) << response;
        EXPECT_EQ(response.header("content-type"), "application/json");
        auto error = response.json().at("error");
        EXPECT_EQ(text_of(error, "code"), code);
        EXPECT_FALSE(text_of(error, "message").empty());
    }
};

TEST_F(Errors, MalformedJsonIs400) {
    HttpClient http = admin();
    auto response = http.send_raw("POST", school_path(school_.school_id, "/classes"), "{\"name\": \"1a\"",
                                  {{"Content-Type", "application/json"}, {"X-CSRF-Token", *http.csrf()}});
    expect_error_shape(response, 400, "malformed_json");
    auto not_object = http.send_raw("POST", school_path(school_.school_id, "/classes"), "[1,2]",
                                    {{"Content-Type", "application/json"}, {"X-CSRF-Token", *http.csrf()}});
    expect_error_shape(not_object, 400, "malformed_json");
}

TEST_F(Errors, WrongContentTypeIs415) {
    HttpClient http = admin();
    auto response =
        http.send_raw("POST", school_path(school_.school_id, "/classes"), "name=1a",
                      {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-CSRF-Token", *http.csrf()}});
    expect_error_shape(response, 415, "unsupported_media_type");
}

TEST_F(Errors, OversizedBodyIs413) {
    HttpClient http = server().client();
    std::string huge = "{\"login\":\"" + std::string(2 * 1024 * 1024, 'x') + "\"}";
    auto response = http.send_raw("POST", "/api/v1/auth/login", huge, {{"Content-Type", "application/json"}});
    expect_error_shape(response, 413, "payload_too_large");
    HttpClient fresh = server().client();
    EXPECT_EQ(fresh.get("/healthz").status, 200) << "the server carries on";
}

TEST_F(Errors, OversizedHeaderIs413) {
    HttpClient http = server().client();
    auto response = http.get("/healthz", {{"X-Padding", std::string(64 * 1024, 'y')}});
    EXPECT_EQ(response.status, 413);
}

TEST_F(Errors, UnknownRouteIsJson404AndWrongMethodIs405) {
    HttpClient http = admin();
    expect_error_shape(http.get("/api/v1/no-such-thing"), 404, "not_found");
    expect_error_shape(http.del("/api/v1/me"), 405, "method_not_allowed");
    expect_error_shape(http.get(school_path(school_.school_id, "/users/abc/reset")), 405, "method_not_allowed");
    expect_error_shape(http.get("/api/v1/students/12abc"), 404, "not_found");
}

TEST_F(Errors, InvalidValuesAre422NamingEveryField) {
    HttpClient http = admin();
    auto response =
        http.post(school_path(school_.school_id, "/users"),
                  object{{"first_name", ""}, {"last_name", 12}, {"role", "janitor"}, {"email", "nie-email"}});
    expect_error_shape(response, 422, "invalid_input");
    auto fields = response.json().at("error").at("fields").as_object();
    for (const char* name : {"first_name", "last_name", "role", "email"}) EXPECT_TRUE(fields.contains(name)) << name;
    EXPECT_EQ(http.get(school_path(school_.school_id, "/users?role=teacher")).json().at("items").as_array().size(), 0u);
}

TEST_F(Errors, MessagesFollowAcceptLanguage) {
    HttpClient http = admin();
    http.set_accept_language("en");
    auto response = http.post(school_path(school_.school_id, "/classes"), object{{"name", ""}});
    EXPECT_EQ(text_of(response.json().at("error"), "message"), "Please correct the marked fields.");
    http.set_accept_language("pl-PL");
    response = http.post(school_path(school_.school_id, "/classes"), object{{"name", ""}});
    EXPECT_EQ(text_of(response.json().at("error"), "message"), "Popraw zaznaczone pola.");
}

TEST_F(Errors, DuplicateClassIs409AndTheFirstStays) {
    HttpClient http = admin();
    create_class(http, school_.school_id, "6b");
    auto again = http.post(school_path(school_.school_id, "/classes"), object{{"name", "6B"}});
    expect_error_shape(again, 409, "duplicate_class");
}

TEST_F(Errors, StudentInAClassOfAnotherSchoolIsRefusedAndNoParentIsLeftBehind) {
    HttpClient http = admin();
    auto before = http.get(school_path(school_.school_id, "/students")).json().at("items").as_array().size();
    auto response = http.post(school_path(school_.school_id, "/students"),
                              object{{"first_name", "Ala"},
                                     {"last_name", "Kot"},
                                     {"class_id", 987654},
                                     {"parent", {{"first_name", "Ewa"}, {"last_name", "Kot"}}}});
    expect_error_shape(response, 422, "invalid_input");
    EXPECT_EQ(http.get(school_path(school_.school_id, "/students")).json().at("items").as_array().size(), before);
}

TEST_F(Errors, PolishDiacriticsSurviveTheRoundTrip) {
    HttpClient http = admin();
    auto class_id = create_class(http, school_.school_id, "7ż");
    auto family = create_family(http, school_.school_id, class_id, "Zażółć", "Gęśląjaźń-Łęcka");
    auto listed = http.get(school_path(school_.school_id, "/students?class_id=" + std::to_string(class_id)));
    ASSERT_EQ(listed.status, 200) << listed;
    auto student = listed.json().at("items").as_array().at(0);
    EXPECT_EQ(text_of(student, "first_name"), "Zażółć");
    EXPECT_EQ(text_of(student, "last_name"), "Gęśląjaźń-Łęcka");
    EXPECT_EQ(text_of(student, "class_name"), "7ż");
    EXPECT_EQ(text_of(student, "login"), family.parent_login + "u");
}

}  // namespace
}  // namespace kreda::test
