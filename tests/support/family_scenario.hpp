// The family-account suites' steps: signing up, reading the activation link from the SMTP listener, activating,
// linking, the test clock, and two schools with a child each (and a classmate who is nobody's business).
#pragma once

#include <map>
#include <regex>
#include <string>
#include <thread>

#include "support/scenario.hpp"
#include "support/smtp_listener.hpp"

namespace kreda::test {

class FamilyScenario : public ApiScenario {
  protected:
    using object = boost::json::object;

    static Response sign_up(const std::string& email, const std::string& bracket = "18_plus",
                            const std::string& parent_email = "") {
        object body{
            {"email", email}, {"password", "rodzinne-haslo-2026"}, {"age_bracket", bracket}, {"accept_terms", true}};
        if (!parent_email.empty()) body["parent_email"] = parent_email;
        return server().client().post("/api/v1/family/register", body);
    }
    //! The token of a link to `page` (activate, confirm-email) in the latest mail to `to` that carries one,
    //! waiting for one newer than any seen.
    static std::string token_for(const std::string& to, const std::string& page = "activate") {
        static std::map<std::string, std::string> seen;
        for (int i = 0; i < 100; ++i) {
            std::string latest;
            for (const auto& m : smtp().received()) {
                std::smatch found;
                if (m.to.find(to) != std::string::npos &&
                    std::regex_search(m.data, found, std::regex(page + "#([0-9a-f]{64})")))
                    latest = found[1].str();
            }
            if (!latest.empty() && seen[to + page] != latest) return seen[to + page] = latest;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        ADD_FAILURE() << "no new mail to " << to << " with a link to /" << page;
        return "";
    }
    static Response activate_with(const std::string& token, bool parent_confirms = false) {
        object body{{"token", token}};
        if (parent_confirms) body["parent_confirms"] = true;
        return server().client().post("/api/v1/family/activate", body);
    }
    //! A signed-up and activated family account, signed in (an app's bearer token is kept in `bearer_`).
    static HttpClient family(const std::string& email, const std::string& client = "browser") {
        EXPECT_EQ(sign_up(email).status, 202);
        EXPECT_EQ(activate_with(token_for(email)).status, 200);
        HttpClient http = server().client();
        auto body = http.login(email, "rodzinne-haslo-2026", std::nullopt, client);
        EXPECT_EQ(http.last_response().status, 200) << http.last_response();
        if (client == "app") {
            bearer_ = text_of(body, "token");
            http.set_bearer(bearer_);
        }
        return http;
    }
    static inline std::string bearer_;
    static Response link(HttpClient& http, const std::string& login, const std::string& password) {
        return http.post(
            "/api/v1/family/links",
            object{{"login", login}, {"password", password}, {"consent", true}, {"consent_version", "2026-11"}});
    }
    static void advance(std::int64_t seconds) {
        ASSERT_EQ(server().client().post("/api/v1/testing/clock", object{{"advance_seconds", seconds}}).status, 200);
    }
    //! Two schools, a child in each with its parent's own password, and an unrelated child in the first.
    struct TwoSchools {
        SchoolAccount a, b;
        Family first, second, stranger;
        std::string first_password, second_password, student_password;
    };
    static TwoSchools two_schools(const std::string& tag) {
        TwoSchools t;
        SchoolAccount& a = t.a = create_school("SP 1 " + tag);
        SchoolAccount& b = t.b = create_school("LO 2 " + tag);
        HttpClient office_a = signed_in(a.admin_login, a.admin_password);
        HttpClient office_b = signed_in(b.admin_login, b.admin_password);
        auto class_a = create_class(office_a, a.school_id, "4a");
        t.first = create_family(office_a, a.school_id, class_a, "Zosia", "Rodzinna");
        t.stranger = create_family(office_a, a.school_id, class_a, "Obcy", "Sąsiad");
        t.second = create_family(office_b, b.school_id, create_class(office_b, b.school_id, "1b"), "Kuba", "Rodzinny");
        t.first_password = ApiScenario::activate(t.first.parent_login, t.first.parent_code);
        t.second_password = ApiScenario::activate(t.second.parent_login, t.second.parent_code);
        t.student_password = ApiScenario::activate(t.first.student_login, t.first.student_code);
        return t;
    }
    static std::int64_t me_student(HttpClient& http) {
        auto me = http.get("/api/v1/me");
        EXPECT_EQ(me.status, 200) << me;
        auto students = me.json().at("students").as_array();
        EXPECT_EQ(students.size(), 1u) << me;
        return students.empty() ? 0 : id_of(students.front());
    }
};

}  // namespace kreda::test
