// Family accounts over HTTP and real SMTP: sign-up and activation (14 days, then deleted by the background job;
// under 13 a parent confirms), reset by e-mail, linking school accounts from two schools by their passwords
// (wrong ones refused and slowed down), the switch between children, unlinking, and what each link lets one see.
#include <map>
#include <regex>
#include <thread>

#include "support/event_reader.hpp"
#include "support/push_service.hpp"
#include "support/scenario.hpp"
#include "support/smtp_listener.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class FamilyAccounts : public ApiScenario {
  protected:
    static Response sign_up(const std::string& email, const std::string& bracket = "18_plus",
                            const std::string& parent_email = "") {
        object body{
            {"email", email}, {"password", "rodzinne-haslo-2026"}, {"age_bracket", bracket}, {"accept_terms", true}};
        if (!parent_email.empty()) body["parent_email"] = parent_email;
        return server().client().post("/api/v1/family/register", body);
    }
    //! The activation token in the latest mail to `to` that carries one, waiting for one newer than any seen.
    static std::string token_for(const std::string& to) {
        static std::map<std::string, std::string> seen;
        for (int i = 0; i < 100; ++i) {
            std::string latest;
            for (const auto& m : smtp().received()) {
                std::smatch found;
                if (m.to.find(to) != std::string::npos &&
                    std::regex_search(m.data, found, std::regex("activate#([0-9a-f]{64})")))
                    latest = found[1].str();
            }
            if (!latest.empty() && seen[to] != latest) return seen[to] = latest;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        ADD_FAILURE() << "no new activation mail to " << to;
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

TEST_F(FamilyAccounts, LinkingNeedsTheAccountsOwnPasswordAndConsentAndGuessingIsSlowedDown) {
    TwoSchools t = two_schools("linki");
    HttpClient http = family("linkujacy@example.pl");
    auto consent = http.get("/api/v1/family/consent");
    ASSERT_EQ(consent.status, 200);
    EXPECT_EQ(text_of(consent.json(), "version"), "2026-11");

    auto no_consent =
        http.post("/api/v1/family/links", object{{"login", t.first.parent_login}, {"password", t.first_password}});
    EXPECT_EQ(no_consent.status, 422) << no_consent;
    auto wrong = link(http, t.first.parent_login, "zle-haslo-123");
    EXPECT_EQ(wrong.status, 422) << wrong;
    EXPECT_NE(wrong.body.find("link_credentials_invalid"), std::string::npos);
    auto slip = link(http, t.stranger.parent_login, t.stranger.parent_code);
    EXPECT_EQ(slip.status, 422) << "a one-time code from the slip is no own password";
    auto staff = create_school("SP Personel linki");
    EXPECT_EQ(link(http, staff.admin_login, staff.admin_password).status, 422) << "staff accounts do not link";

    auto linked = link(http, t.first.parent_login, t.first_password);
    ASSERT_EQ(linked.status, 201) << linked;
    EXPECT_EQ(link(http, t.first.parent_login, t.first_password).status, 409) << "linked once";
    EXPECT_EQ(me_student(http), t.first.student_id) << "the session acts as the first link at once";

    HttpClient office = signed_in(t.a.admin_login, t.a.admin_password);
    auto audit = office.get(school_path(t.a.school_id, "/audit"));
    ASSERT_EQ(audit.status, 200);
    EXPECT_NE(audit.body.find("family.link"), std::string::npos) << "the school's history shows the link";

    int status = 0;
    for (int i = 0; i < 8 && status != 429; ++i)
        status = link(http, t.second.parent_login, "zgaduje-" + std::to_string(i)).status;
    EXPECT_EQ(status, 429) << "guessing a school account's password is slowed down";
    HttpClient direct = server().client();
    direct.login(t.second.parent_login, t.second_password);
    EXPECT_EQ(direct.last_response().status, 429) << "the guesses count against the school login itself too";
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

TEST_F(FamilyAccounts, OneSwitchBetweenChildrenOfTwoSchoolsAndEachSeesOnlyItsOwn) {
    TwoSchools t = two_schools("przelacznik");
    HttpClient http = family("dwie.szkoly@example.pl");
    ASSERT_EQ(link(http, t.first.parent_login, t.first_password).status, 201);
    ASSERT_EQ(link(http, t.second.parent_login, t.second_password).status, 201);
    ASSERT_EQ(link(http, t.first.student_login, t.student_password).status, 201) << "a student's account links too";

    auto listed = http.get("/api/v1/family/links");
    ASSERT_EQ(listed.status, 200) << listed;
    auto links = listed.json().at("links").as_array();
    ASSERT_EQ(links.size(), 3u);
    EXPECT_EQ(listed.json().at("active_link_id").as_int64(), id_of(links[0]));
    EXPECT_EQ(id_of(links[1].at("school")), t.b.school_id) << "links span schools";
    EXPECT_EQ(id_of(links[1].at("students").as_array().at(0)), t.second.student_id);

    auto path = [](std::int64_t student) { return "/api/v1/students/" + std::to_string(student) + "/attendance"; };
    EXPECT_EQ(me_student(http), t.first.student_id);
    EXPECT_EQ(http.get(path(t.first.student_id)).status, 200);
    EXPECT_EQ(http.get(path(t.second.student_id)).status, 404) << "the other link's child is not this link's";
    EXPECT_EQ(http.get(path(t.stranger.student_id)).status, 404) << "a classmate is never visible";

    ASSERT_EQ(http.post("/api/v1/family/links/" + std::to_string(id_of(links[1])) + "/switch").status, 204);
    EXPECT_EQ(me_student(http), t.second.student_id);
    EXPECT_EQ(http.get(path(t.second.student_id)).status, 200);
    EXPECT_EQ(http.get(path(t.first.student_id)).status, 404);
    auto me = http.get("/api/v1/me").json();
    EXPECT_EQ(id_of(me.at("school")), t.b.school_id) << "the school of the child switched to";
    EXPECT_EQ(text_of(me.at("family"), "email"), "dwie.szkoly@example.pl");

    HttpClient other = family("inna.rodzina@example.pl");
    auto foreign = other.post("/api/v1/family/links/" + std::to_string(id_of(links[0])) + "/switch");
    EXPECT_EQ(foreign.status, 404) << "another family's link is not there";
    EXPECT_EQ(other.del("/api/v1/family/links/" + std::to_string(id_of(links[0]))).status, 404);
    HttpClient parent = signed_in(t.first.parent_login, t.first_password);
    EXPECT_EQ(parent.get("/api/v1/family/links").status, 403) << "a school account has no family links";
}

TEST_F(FamilyAccounts, UnlinkingRemovesTheLinkAndEndsWhatTheSessionHeard) {
    TwoSchools t = two_schools("odlaczanie");
    HttpClient http = family("odlaczajacy@example.pl", "app");
    ASSERT_EQ(link(http, t.first.parent_login, t.first_password).status, 201);
    ASSERT_EQ(link(http, t.second.parent_login, t.second_password).status, 201);
    auto links = http.get("/api/v1/family/links").json().at("links").as_array();
    ASSERT_EQ(links.size(), 2u);

    TestDevice phone("rodzinny-telefon");
    std::string second = "/api/v1/family/links/" + std::to_string(id_of(links[1]));
    ASSERT_EQ(http.post(second + "/switch").status, 204);
    ASSERT_EQ(http.post("/api/v1/me/push-subscriptions", phone.subscription()).status, 201);
    ASSERT_EQ(http.post("/api/v1/family/links/" + std::to_string(id_of(links[0])) + "/switch").status, 204);
    ASSERT_EQ(http.post("/api/v1/me/push-subscriptions", phone.subscription()).status, 201)
        << "one device, subscribed for each linked account";
    EventReader stream(server().port(), "/api/v1/feed/stream", {{"Authorization", "Bearer " + bearer_}});
    ASSERT_TRUE(stream.wait_for("ready", ""));
    ASSERT_EQ(http.del("/api/v1/family/links/" + std::to_string(id_of(links[0]))).status, 204);
    EXPECT_EQ(me_student(http), t.second.student_id) << "the session moved to the remaining link";
    EXPECT_EQ(http.get("/api/v1/students/" + std::to_string(t.first.student_id) + "/attendance").status, 404);
    // The stream was the unlinked child's: it ends within the hub's next look at its sessions.
    std::optional<SseEvent> after;
    do after = stream.next(std::chrono::seconds(20));
    while (after && after->event != "entry");
    EXPECT_TRUE(stream.ended()) << "the unlinked child's stream went on";

    auto remaining = http.get("/api/v1/family/links").json().at("links").as_array();
    ASSERT_EQ(remaining.size(), 1u);
    EXPECT_EQ(id_of(remaining[0], "user_id"), t.second.parent_id);
    ASSERT_EQ(link(http, t.first.parent_login, t.first_password).status, 201) << "it may be linked again";
    HttpClient school = signed_in(t.first.parent_login, t.first_password);
    EXPECT_TRUE(school.get("/api/v1/me/push-subscriptions").json().at("items").as_array().empty())
        << "the device the family subscribed through the link is forgotten with it";
    HttpClient kept = signed_in(t.second.parent_login, t.second_password);
    EXPECT_EQ(kept.get("/api/v1/me/push-subscriptions").json().at("items").as_array().size(), 1u)
        << "the same device stays subscribed for the other link";
    EXPECT_EQ(school.get("/api/v1/students/" + std::to_string(t.first.student_id) + "/attendance").status, 200)
        << "the school's account is untouched";
}

}  // namespace
}  // namespace kreda::test
