// Family accounts over HTTP and real SMTP: sign-up and activation (14 days, then deleted by the background job;
// under 13 a parent confirms), reset by e-mail, and deletion by the owner.
#include "support/family_scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class FamilyAccounts : public FamilyScenario {};

TEST_F(FamilyAccounts, SignUpActivatesOnceAndSignsInByEmail) {
    auto bad = server().client().post("/api/v1/family/register",
                                      object{{"email", "nie-adres"}, {"password", "123"}, {"age_bracket", "x"}});
    ASSERT_EQ(bad.status, 422) << bad;
    auto fields = bad.json().at("error").at("fields").as_object();
    for (const char* field : {"email", "password", "age_bracket", "accept_terms"})
        EXPECT_TRUE(fields.contains(field)) << field << " " << bad;

    ASSERT_EQ(sign_up("Mama.Nowak@Example.pl").status, 202);
    std::string token = token_for("mama.nowak@example.pl");
    HttpClient early = server().client();
    early.login("mama.nowak@example.pl", "rodzinne-haslo-2026");
    EXPECT_EQ(early.last_response().status, 403) << "not active before the link is opened";
    EXPECT_NE(early.last_response().body.find("account_not_activated"), std::string::npos);

    auto activated = activate_with(token);
    ASSERT_EQ(activated.status, 200) << activated;
    EXPECT_EQ(text_of(activated.json(), "email"), "mama.nowak@example.pl");
    EXPECT_EQ(activate_with(token).status, 422) << "the link works once";

    HttpClient http = signed_in("mama.nowak@example.pl", "rodzinne-haslo-2026");
    auto me = http.get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me;
    EXPECT_EQ(text_of(me.json().at("user"), "role"), "family");
    EXPECT_EQ(text_of(me.json().at("family"), "email"), "mama.nowak@example.pl");
    EXPECT_TRUE(me.json().at("students").as_array().empty());
    auto school_data = http.get("/api/v1/notices");
    EXPECT_EQ(school_data.status, 403) << "nothing of a school before a link";
    EXPECT_NE(school_data.body.find("family_link_required"), std::string::npos);

    auto before = smtp().received().size();
    ASSERT_EQ(sign_up("mama.nowak@example.pl").status, 202) << "the same answer for a taken address";
    auto notice = smtp().wait_for("mama.nowak@example.pl", "forgot-password");
    ASSERT_TRUE(notice) << "the owner hears that someone tried";
    EXPECT_GT(smtp().received().size(), before);
    signed_in("mama.nowak@example.pl", "rodzinne-haslo-2026");  // the password did not change
}

TEST_F(FamilyAccounts, UnderThirteenTheParentConfirmsFromTheirOwnMailbox) {
    auto same = sign_up("dziecko@example.pl", "under_13", "dziecko@example.pl");
    EXPECT_EQ(same.status, 422) << "the parent's address must be another";
    EXPECT_EQ(sign_up("dziecko@example.pl", "under_13").status, 422) << "a parent's address is required";
    ASSERT_EQ(sign_up("dziecko@example.pl", "under_13", "rodzic.dziecka@example.pl").status, 202);
    auto to_parent = smtp().wait_for("rodzic.dziecka@example.pl", "activate#");
    ASSERT_TRUE(to_parent) << "the link goes to the parent";
    EXPECT_NE(to_parent->data.find("dziecko@example.pl"), std::string::npos) << "naming the child's address";
    EXPECT_FALSE(smtp().wait_for("dziecko@example.pl", "activate#", std::chrono::milliseconds(500)))
        << "the child gets no link to activate alone";
    std::string token = token_for("rodzic.dziecka@example.pl");
    auto unconfirmed = activate_with(token);
    ASSERT_EQ(unconfirmed.status, 422) << unconfirmed;
    EXPECT_NE(unconfirmed.body.find("parent_confirmation_required"), std::string::npos);
    auto confirmed = activate_with(token, true);
    ASSERT_EQ(confirmed.status, 200) << confirmed;
    EXPECT_TRUE(confirmed.json().at("parent_confirmed").as_bool());
    signed_in("dziecko@example.pl", "rodzinne-haslo-2026");
}

TEST_F(FamilyAccounts, AnAccountNotActivatedIn14DaysIsDeletedWithItsData) {
    ASSERT_EQ(sign_up("zapominalski@example.pl").status, 202);
    std::string token = token_for("zapominalski@example.pl");
    advance(14 * 24 * 3600 - 120);
    HttpClient http = server().client();
    http.login("zapominalski@example.pl", "rodzinne-haslo-2026");
    EXPECT_EQ(http.last_response().status, 403) << "still there on day 14";
    advance(121);
    // The background job (every second under the tests) deletes it: its sign-in and its link are gone.
    int status = 0;
    for (int i = 0; i < 50 && status != 401; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        http.login("zapominalski@example.pl", "rodzinne-haslo-2026");
        status = http.last_response().status;
    }
    EXPECT_EQ(status, 401) << "the account was not deleted";
    auto late = activate_with(token);
    EXPECT_EQ(late.status, 422);
    EXPECT_NE(late.body.find("link_invalid"), std::string::npos) << late;
    ASSERT_EQ(sign_up("zapominalski@example.pl").status, 202) << "the address is free again";
    EXPECT_EQ(activate_with(token_for("zapominalski@example.pl")).status, 200);
}

TEST_F(FamilyAccounts, APasswordIsResetByEmailOnceAndEndsTheFamilysSessions) {
    HttpClient http = family("reset.rodzinny@example.pl");
    ASSERT_EQ(
        server().client().post("/api/v1/family/password-reset", object{{"email", "reset.rodzinny@example.pl"}}).status,
        202);
    auto mail = smtp().wait_for("reset.rodzinny@example.pl", "reset-password#");
    ASSERT_TRUE(mail);
    std::smatch found;
    ASSERT_TRUE(std::regex_search(mail->data, found, std::regex("reset-password#([0-9a-f]{64})")));
    auto confirm = [&](const std::string& password) {
        return server().client().post("/api/v1/auth/password-reset/confirm",
                                      object{{"token", found[1].str()}, {"password", password}});
    };
    ASSERT_EQ(confirm("nowe-rodzinne-haslo-2026").status, 204);
    EXPECT_EQ(confirm("trzecie-rodzinne-haslo-2026").status, 422) << "the link works once";
    EXPECT_EQ(http.get("/api/v1/me").status, 401) << "the family's sessions ended";
    signed_in("reset.rodzinny@example.pl", "nowe-rodzinne-haslo-2026");
}

TEST_F(FamilyAccounts, DeletingTheAccountTakesItsLinksAndLeavesTheSchoolAccounts) {
    TwoSchools t = two_schools("usuwanie");
    HttpClient http = family("usuwajacy@example.pl");
    ASSERT_EQ(link(http, t.first.parent_login, t.first_password).status, 201);
    auto wrong = http.request("DELETE", "/api/v1/family/account", object{{"password", "nie-to-haslo"}});
    EXPECT_EQ(wrong.status, 422) << wrong;
    HttpClient parent = signed_in(t.first.parent_login, t.first_password);
    EXPECT_EQ(parent.request("DELETE", "/api/v1/family/account", object{{"password", t.first_password}}).status, 403)
        << "a school account is no family account";
    auto deleted = http.request("DELETE", "/api/v1/family/account", object{{"password", "rodzinne-haslo-2026"}});
    ASSERT_EQ(deleted.status, 204) << deleted;
    EXPECT_EQ(http.get("/api/v1/me").status, 401) << "its sessions ended";
    HttpClient again = server().client();
    again.login("usuwajacy@example.pl", "rodzinne-haslo-2026");
    EXPECT_EQ(again.last_response().status, 401) << "the account is gone";
    EXPECT_EQ(parent.get("/api/v1/students/" + std::to_string(t.first.student_id) + "/attendance").status, 200)
        << "the school account is untouched";
    auto audit = signed_in(t.a.admin_login, t.a.admin_password).get(school_path(t.a.school_id, "/audit"));
    EXPECT_NE(audit.body.find("family.unlink"), std::string::npos) << "the school's history shows the link ended";
}

}  // namespace
}  // namespace kreda::test
