// A family account moves to a new e-mail address over HTTP and real SMTP: the password first, a link to the new
// mailbox (24 hours, once), notices to the old one; a taken address is never revealed nor taken; a new password
// voids a pending change; asking is slowed down.
#include "support/family_scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class FamilyEmail : public FamilyScenario {
  protected:
    //! Each test tries bad links and many requests on purpose: the limiter forgets what an hour ago tried.
    void SetUp() override { advance(3601); }
    static Response ask(HttpClient& http, const std::string& email,
                        const std::string& password = "rodzinne-haslo-2026") {
        return http.post("/api/v1/family/email", object{{"email", email}, {"password", password}});
    }
    static Response confirm(const std::string& token) {
        return server().client().post("/api/v1/family/email/confirm", object{{"token", token}});
    }
};

TEST_F(FamilyEmail, ANewAddressIsConfirmedFromItsMailboxAndTheOldOneIsTold) {
    HttpClient http = family("stary.adres@example.pl");
    auto wrong = ask(http, "nowy.adres@example.pl", "nie-to-haslo-2026");
    EXPECT_EQ(wrong.status, 422) << wrong;
    EXPECT_NE(wrong.body.find("\"password\""), std::string::npos) << wrong;
    auto same = ask(http, "Stary.Adres@example.pl");
    EXPECT_EQ(same.status, 422) << "the account's own address";
    EXPECT_NE(same.body.find("\"email\""), std::string::npos) << same;
    EXPECT_EQ(ask(http, "nie-adres").status, 422);

    auto asked = ask(http, "Nowy.Adres@example.pl");
    ASSERT_EQ(asked.status, 202) << asked;
    std::string token = token_for("nowy.adres@example.pl", "confirm-email");
    EXPECT_TRUE(smtp().wait_for("stary.adres@example.pl", "nowy.adres@example.pl")) << "the old mailbox is told";
    HttpClient before = signed_in("stary.adres@example.pl", "rodzinne-haslo-2026");  // nothing changed yet

    auto confirmed = confirm(token);
    ASSERT_EQ(confirmed.status, 200) << confirmed;
    EXPECT_EQ(text_of(confirmed.json(), "email"), "nowy.adres@example.pl");
    EXPECT_EQ(confirm(token).status, 422) << "the link works once";
    EXPECT_EQ(text_of(http.get("/api/v1/me").json().at("family"), "email"), "nowy.adres@example.pl")
        << "the open session sees the new address at once";
    HttpClient old_address = server().client();
    old_address.login("stary.adres@example.pl", "rodzinne-haslo-2026");
    EXPECT_EQ(old_address.last_response().status, 401) << "the old address signs in no more";
    HttpClient after = signed_in("nowy.adres@example.pl", "rodzinne-haslo-2026");
    EXPECT_EQ(after.get("/api/v1/me").status, 200);
    EXPECT_TRUE(smtp().wait_for("stary.adres@example.pl", "od teraz adresem nowy.adres@example.pl"))
        << "the old mailbox is told that it happened";
}

TEST_F(FamilyEmail, ANewPasswordVoidsAPendingChange) {
    // Someone who knew the password asks to move the account to their address; the owner, told by mail, sets a
    // new password: the link then moves nothing.
    HttpClient intruder = family("okradany@example.pl");
    ASSERT_EQ(ask(intruder, "zlodziej@example.pl").status, 202);
    std::string token = token_for("zlodziej@example.pl", "confirm-email");
    HttpClient owner = signed_in("okradany@example.pl", "rodzinne-haslo-2026");
    ASSERT_EQ(owner
                  .post("/api/v1/auth/password",
                        object{{"current_password", "rodzinne-haslo-2026"}, {"new_password", "wlasciciel-haslo-2026"}})
                  .status,
              200);
    auto voided = confirm(token);
    EXPECT_EQ(voided.status, 422) << voided;
    EXPECT_NE(voided.body.find("link_invalid"), std::string::npos);
    EXPECT_EQ(text_of(owner.get("/api/v1/me").json().at("family"), "email"), "okradany@example.pl");
    EXPECT_EQ(confirm(token).status, 422) << "and stays void";
}

TEST_F(FamilyEmail, AskingForATakenAddressVoidsTheEarlierLinkAndAskingIsSlowed) {
    family("juz.jest@example.pl");
    HttpClient http = family("literowka@example.pl");
    ASSERT_EQ(ask(http, "literowka.nowa@exmaple.pl").status, 202);  // mistyped: a stranger's mailbox
    std::string mistyped = token_for("literowka.nowa@exmaple.pl", "confirm-email");
    ASSERT_EQ(ask(http, "juz.jest@example.pl").status, 202);
    EXPECT_EQ(confirm(mistyped).status, 422) << "the link in the stranger's mailbox stopped working";
    // Every request mails someone: after three, each waits longer (1, 2, 4, 8 s …) and is refused until then.
    int refused_at = 0;
    for (int i = 3; i <= 10 && refused_at == 0; ++i)
        if (ask(http, "kolejny" + std::to_string(i) + "@example.pl").status == 429) refused_at = i;
    EXPECT_GE(refused_at, 4) << "three requests are free";
    EXPECT_NE(refused_at, 0) << "a stream of requests is never slowed";
    EXPECT_EQ(text_of(http.get("/api/v1/me").json().at("family"), "email"), "literowka@example.pl");
}

TEST_F(FamilyEmail, ATakenAddressIsNeitherRevealedNorTaken) {
    family("zajety.adres@example.pl");
    HttpClient http = family("chce.zajety@example.pl");
    auto asked = ask(http, "zajety.adres@example.pl");
    EXPECT_EQ(asked.status, 202) << "the same answer as for a free address";
    EXPECT_TRUE(smtp().wait_for("zajety.adres@example.pl", "/login")) << "the address's owner is told";
    EXPECT_TRUE(smtp().wait_for("chce.zajety@example.pl", "zajety.adres@example.pl")) << "the notice still goes";
    for (const auto& m : smtp().received())
        if (m.to.find("zajety.adres@example.pl") != std::string::npos)
            EXPECT_EQ(m.data.find("confirm-email#"), std::string::npos) << "no link to take a taken address";

    // Free when asked, taken before the link is opened: the link then changes nothing.
    ASSERT_EQ(ask(http, "wolny.adres@example.pl").status, 202);
    std::string token = token_for("wolny.adres@example.pl", "confirm-email");
    family("wolny.adres@example.pl");
    auto late = confirm(token);
    EXPECT_EQ(late.status, 409) << late;
    EXPECT_NE(late.body.find("email_taken"), std::string::npos);
    EXPECT_EQ(text_of(http.get("/api/v1/me").json().at("family"), "email"), "chce.zajety@example.pl");
}

TEST_F(FamilyEmail, TheLinkLastsADayAndOnlyAFamilyAccountMayAsk) {
    HttpClient http = family("spozniony@example.pl");
    ASSERT_EQ(ask(http, "spozniony.nowy@example.pl").status, 202);
    std::string first = token_for("spozniony.nowy@example.pl", "confirm-email");
    ASSERT_EQ(ask(http, "spozniony.nowy@example.pl").status, 202);
    std::string second = token_for("spozniony.nowy@example.pl", "confirm-email");
    EXPECT_EQ(confirm(first).status, 422) << "asking again replaces the link";
    advance(24 * 3600 + 60);
    auto expired = confirm(second);
    EXPECT_EQ(expired.status, 422) << expired;
    EXPECT_NE(expired.body.find("link_expired"), std::string::npos);
    EXPECT_EQ(confirm(std::string(64, 'a')).status, 422) << "an unknown link";

    SchoolAccount school = create_school("SP Zmiana Adresu");
    HttpClient office = signed_in(school.admin_login, school.admin_password);
    auto refused = ask(office, "dyrektor@example.pl", school.admin_password);
    EXPECT_EQ(refused.status, 403) << "a school account's address is the school's to change";
    EXPECT_NE(refused.body.find("family_account_required"), std::string::npos);
    EXPECT_EQ(server().client().post("/api/v1/family/email", object{{"email", "x@example.pl"}}).status, 401);
}

}  // namespace
}  // namespace kreda::test
