// Linking school accounts from two schools to a family account by their passwords (wrong ones refused and slowed
// down), the switch between children, unlinking, and what each link lets one see.
#include "support/event_reader.hpp"
#include "support/family_scenario.hpp"
#include "support/push_service.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class FamilyLinks : public FamilyScenario {};

TEST_F(FamilyLinks, LinkingNeedsTheAccountsOwnPasswordAndConsentAndGuessingIsSlowedDown) {
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

TEST_F(FamilyLinks, OneSwitchBetweenChildrenOfTwoSchoolsAndEachSeesOnlyItsOwn) {
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

TEST_F(FamilyLinks, UnlinkingRemovesTheLinkAndEndsWhatTheSessionHeard) {
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

TEST_F(FamilyLinks, SigningOutSilencesTheBrowserForEveryLinkedAccount) {
    TwoSchools t = two_schools("wylogowanie");
    HttpClient http = family("wylogowany@example.pl", "app");
    ASSERT_EQ(link(http, t.first.parent_login, t.first_password).status, 201);
    ASSERT_EQ(link(http, t.second.parent_login, t.second_password).status, 201);
    auto body = http.get("/api/v1/family/links").json();
    auto links = body.at("links").as_array();
    TestDevice shared("wspolny-komputer");
    for (const auto& l : links) {
        ASSERT_EQ(http.post("/api/v1/family/links/" + std::to_string(id_of(l)) + "/switch").status, 204);
        ASSERT_EQ(http.post("/api/v1/me/push-subscriptions", shared.subscription()).status, 201);
    }
    HttpClient school = signed_in(t.first.parent_login, t.first_password);  // the parent, signed in at school too
    ASSERT_EQ(school.post("/api/v1/me/push-subscriptions", shared.subscription()).status, 201);

    ASSERT_EQ(http.post("/api/v1/auth/logout", object{{"push_endpoint", shared.subscription().at("endpoint")}}).status,
              204);
    HttpClient second = signed_in(t.second.parent_login, t.second_password);
    EXPECT_TRUE(second.get("/api/v1/me/push-subscriptions").json().at("items").as_array().empty())
        << "the family's subscription for its second link";
    EXPECT_EQ(school.get("/api/v1/me/push-subscriptions").json().at("items").as_array().size(), 1u)
        << "the school account's own subscription of the same browser is not the family's to end";
}

}  // namespace
}  // namespace kreda::test
