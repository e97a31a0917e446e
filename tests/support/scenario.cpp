#include "support/scenario.hpp"

#include <cctype>

#include "support/smtp_listener.hpp"

namespace kreda::test {

std::unique_ptr<ServerProcess> ApiScenario::server_;

std::int64_t id_of(const boost::json::value& v, const char* key) {
    return v.at(key).as_int64();
}
std::string text_of(const boost::json::value& v, const char* key) {
    return std::string(v.at(key).as_string());
}

void ApiScenario::SetUpTestSuite() {
    std::string suite = ::testing::UnitTest::GetInstance()->current_test_suite()->name();
    std::string db = fresh_database("kreda_" + suite);
    auto added =
        ServerProcess::run_cli({"operator", "add", kOperatorLogin, "--db", db}, std::string(kOperatorPassword) + "\n");
    ASSERT_EQ(added.exit_code, 0) << added.err;
    // Every scenario's server sends its mail to the test's own SMTP listener on loopback, pushes to the test's push
    // service on loopback, and runs its housekeeping every second (so what the test clock makes due happens at once).
    server_ = std::make_unique<ServerProcess>(
        db, std::vector<std::string>{"--smtp-url", smtp().url(), "--housekeeping-seconds", "1", "--push-hosts",
                                     "127.0.0.1", "--push-allow-http"});
}

void ApiScenario::TearDownTestSuite() {
    server_.reset();
}

ServerProcess& ApiScenario::server() {
    return *server_;
}

std::string ApiScenario::school_path(std::int64_t school_id, const std::string& rest) {
    return "/api/v1/schools/" + std::to_string(school_id) + rest;
}

HttpClient ApiScenario::signed_in(const std::string& login, const std::string& password, const std::string& client) {
    HttpClient http = server().client();
    auto body = http.login(login, password, std::nullopt, client);
    EXPECT_EQ(http.last_response().status, 200) << http.last_response();
    if (client == "app" && http.last_response().status == 200) http.set_bearer(text_of(body, "token"));
    return http;
}

std::string ApiScenario::activate(const std::string& login, const std::string& code) {
    HttpClient http = server().client();
    auto body = http.login(login, code);
    EXPECT_EQ(http.last_response().status, 200) << http.last_response();
    EXPECT_TRUE(body.at("must_change_password").as_bool());
    // The login reversed with its digits as letters: never contains the login (a reversed palindrome would).
    std::string password = "Mocne-haslo-";
    for (auto c = login.rbegin(); c != login.rend(); ++c)
        password.push_back(std::isdigit(static_cast<unsigned char>(*c)) ? static_cast<char>('a' + (*c - '0')) : *c);
    auto changed =
        http.post("/api/v1/auth/password", boost::json::object{{"current_password", code}, {"new_password", password}});
    EXPECT_EQ(changed.status, 200) << changed;
    return password;
}

SchoolAccount ApiScenario::create_school(const std::string& name) {
    HttpClient op = operator_client();
    auto created = op.post(
        "/api/v1/schools",
        boost::json::object{
            {"name", name}, {"city", "Kraków"}, {"admin", {{"first_name", "Ewa"}, {"last_name", "Dyrektorska"}}}});
    EXPECT_EQ(created.status, 201) << created;
    auto body = created.json();
    SchoolAccount school;
    school.school_id = id_of(body.at("school"));
    school.admin_login = text_of(body.at("admin").at("user"), "login");
    school.admin_password = activate(school.admin_login, text_of(body.at("admin"), "activation_code"));
    return school;
}

std::int64_t ApiScenario::create_class(HttpClient& office, std::int64_t school_id, const std::string& name) {
    auto created = office.post(school_path(school_id, "/classes"), boost::json::object{{"name", name}});
    EXPECT_EQ(created.status, 201) << created;
    return created.status == 201 ? id_of(created.json()) : 0;
}

Family ApiScenario::create_family(HttpClient& office, std::int64_t school_id, std::int64_t class_id,
                                  const std::string& first_name, const std::string& last_name,
                                  std::int64_t existing_parent_id) {
    boost::json::object input{{"first_name", first_name}, {"last_name", last_name}, {"class_id", class_id}};
    if (existing_parent_id)
        input["parent_id"] = existing_parent_id;
    else
        input["parent"] = {{"first_name", "Rodzic"}, {"last_name", last_name}};
    auto created = office.post(school_path(school_id, "/students"), input);
    EXPECT_EQ(created.status, 201) << created;
    auto body = created.json();
    Family family;
    family.student_id = id_of(body.at("student"));
    family.parent_id = id_of(body.at("parent"));
    family.student_login = text_of(body.at("student"), "login");
    family.student_code = text_of(body, "student_activation_code");
    family.parent_login = text_of(body.at("parent"), "login");
    if (body.at("parent_activation_code").is_string()) family.parent_code = text_of(body, "parent_activation_code");
    return family;
}

ApiScenario::Staff ApiScenario::create_staff(HttpClient& office, std::int64_t school_id, const std::string& role,
                                             const std::string& first_name, const std::string& last_name) {
    auto created =
        office.post(school_path(school_id, "/users"),
                    boost::json::object{{"first_name", first_name}, {"last_name", last_name}, {"role", role}});
    EXPECT_EQ(created.status, 201) << created;
    auto body = created.json();
    return {id_of(body.at("user")), text_of(body.at("user"), "login"), text_of(body, "activation_code")};
}

}  // namespace kreda::test
