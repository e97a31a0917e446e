// The office: staff, classes, students with their parents, siblings, guardianship, activation slips.
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class Administration : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Sekretariat");
    }
    static inline SchoolAccount school_;
    HttpClient office() { return signed_in(school_.admin_login, school_.admin_password); }
};

TEST_F(Administration, CreatingAStudentCreatesTheParentWithLoginsNAndNu) {
    HttpClient http = office();
    auto class_id = create_class(http, school_.school_id, "1a");
    auto family = create_family(http, school_.school_id, class_id, "Maja", "Wójcik");
    EXPECT_EQ(family.parent_login.size(), 7u);
    EXPECT_EQ(family.student_login, family.parent_login + "u");
    EXPECT_FALSE(family.parent_code.empty());
    EXPECT_NE(family.student_code, family.parent_code);
    HttpClient parent = signed_in(family.parent_login, activate(family.parent_login, family.parent_code));
    EXPECT_EQ(text_of(parent.get("/api/v1/me").json().at("user"), "role"), "parent");
}

TEST_F(Administration, ASiblingLinksTheExistingParentAccount) {
    HttpClient http = office();
    auto class_a = create_class(http, school_.school_id, "2a");
    auto class_b = create_class(http, school_.school_id, "5b");
    auto elder = create_family(http, school_.school_id, class_b, "Kacper", "Zieliński");
    auto younger = create_family(http, school_.school_id, class_a, "Iga", "Zielińska", elder.parent_id);
    EXPECT_EQ(younger.parent_id, elder.parent_id);
    EXPECT_TRUE(younger.parent_code.empty()) << "the parent already has an account";
    EXPECT_NE(younger.student_login, elder.student_login);
    EXPECT_EQ(younger.student_login.back(), 'u');
    HttpClient parent = signed_in(elder.parent_login, activate(elder.parent_login, elder.parent_code));
    EXPECT_EQ(parent.get("/api/v1/me").json().at("students").as_array().size(), 2u);
}

TEST_F(Administration, GuardianshipIsExplicitAndCanBeRemoved) {
    HttpClient http = office();
    auto class_id = create_class(http, school_.school_id, "3c");
    auto first = create_family(http, school_.school_id, class_id, "Ala", "Mazur");
    auto second = create_family(http, school_.school_id, class_id, "Ola", "Kruk");
    auto link = http.post(school_path(school_.school_id, "/guardianships"),
                          object{{"parent_id", first.parent_id}, {"student_id", second.student_id}});
    EXPECT_EQ(link.status, 201) << link;
    EXPECT_EQ(http.post(school_path(school_.school_id, "/guardianships"),
                        object{{"parent_id", first.parent_id}, {"student_id", second.student_id}})
                  .status,
              409);
    HttpClient parent = signed_in(first.parent_login, activate(first.parent_login, first.parent_code));
    EXPECT_EQ(parent.get("/api/v1/students/" + std::to_string(second.student_id)).status, 200);
    auto unlink = http.del(school_path(school_.school_id, "/guardianships/" + std::to_string(first.parent_id) + "/" +
                                                              std::to_string(second.student_id)));
    EXPECT_EQ(unlink.status, 204);
    EXPECT_EQ(parent.get("/api/v1/students/" + std::to_string(second.student_id)).status, 404);
}

TEST_F(Administration, SlipsIssueNewCodesForAccountsNotYetActivatedAndOldCodesStopWorking) {
    HttpClient http = office();
    auto class_id = create_class(http, school_.school_id, "4d");
    auto activated = create_family(http, school_.school_id, class_id, "Adam", "Lis");
    activate(activated.student_login, activated.student_code);
    auto waiting = create_family(http, school_.school_id, class_id, "Ewa", "Sowa");

    auto slips = http.post(school_path(school_.school_id, "/credentials"), object{{"class_id", class_id}});
    ASSERT_EQ(slips.status, 200) << slips;
    auto body = slips.json();
    EXPECT_EQ(text_of(body, "school_name"), "SP Sekretariat");
    EXPECT_EQ(text_of(body, "class_name"), "4d");
    std::map<std::string, std::string> code_of;
    for (const auto& slip : body.at("slips").as_array())
        code_of[text_of(slip, "login")] = text_of(slip, "activation_code");
    EXPECT_EQ(code_of.size(), 3u) << "two parents and one student have not set a password";
    EXPECT_FALSE(code_of.count(activated.student_login));
    ASSERT_TRUE(code_of.count(waiting.parent_login));

    HttpClient old_slip = server().client();
    old_slip.login(waiting.parent_login, waiting.parent_code);
    EXPECT_EQ(old_slip.last_response().status, 401);
    activate(waiting.parent_login, code_of[waiting.parent_login]);
}

TEST_F(Administration, ResetGivesAForgottenPasswordANewSlip) {
    HttpClient http = office();
    auto teacher = create_staff(http, school_.school_id, "teacher", "Paweł", "Zapominalski");
    std::string password = activate(teacher.login, teacher.code);
    HttpClient session = signed_in(teacher.login, password);
    auto reset = http.post(school_path(school_.school_id, "/users/" + std::to_string(teacher.id) + "/reset"));
    ASSERT_EQ(reset.status, 200) << reset;
    EXPECT_EQ(session.get("/api/v1/me").status, 401) << "the old sessions end";
    HttpClient again = server().client();
    again.login(teacher.login, password);
    EXPECT_EQ(again.last_response().status, 401);
    activate(teacher.login, text_of(reset.json(), "activation_code"));
}

TEST_F(Administration, StaffListFiltersByRoleAndLeavesFamiliesOut) {
    HttpClient http = office();
    create_staff(http, school_.school_id, "pedagogue", "Halina", "Spokojna");
    auto pedagogues = http.get(school_path(school_.school_id, "/users?role=pedagogue")).json().at("items").as_array();
    ASSERT_GE(pedagogues.size(), 1u);
    for (const auto& u : pedagogues) EXPECT_EQ(text_of(u, "role"), "pedagogue");
    auto everyone = http.get(school_path(school_.school_id, "/users")).json();
    for (const auto& u : everyone.at("items").as_array())
        EXPECT_TRUE(text_of(u, "role") != "parent" && text_of(u, "role") != "student");
    EXPECT_EQ(http.get(school_path(school_.school_id, "/users?role=king")).status, 422);
}

}  // namespace
}  // namespace kreda::test
