// Forgotten passwords over HTTP and real SMTP: the link arrives by mail, works once and for an hour, ends the
// account's sessions; nobody learns which logins exist; a mail server that refuses is tried again later and the
// request is not lost; asking too often is slowed down.
#include <regex>

#include "support/scenario.hpp"
#include "support/smtp_listener.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class PasswordReset : public ApiScenario {
  protected:
    //! A parent with an own password and an e-mail address; returns their login.
    static Family parent_with_email(const std::string& email, std::string& password) {
        auto school = create_school("SP Nowe Hasło " + email);
        HttpClient office = signed_in(school.admin_login, school.admin_password);
        Family f = create_family(office, school.school_id, create_class(office, school.school_id, "1a"), "Ola",
                                 "Zapominalska");
        auto patched = office.patch(school_path(school.school_id, "/users/" + std::to_string(f.parent_id)),
                                    object{{"email", email}});
        EXPECT_EQ(patched.status, 200) << patched;
        password = activate(f.parent_login, f.parent_code);
        return f;
    }
    static Response ask(const std::string& login, const std::string& language = "pl") {
        HttpClient http = server().client();
        http.set_accept_language(language);
        return http.post("/api/v1/auth/password-reset", object{{"login", login}});
    }
    static std::string token_in(const ReceivedMail& mail) {
        std::smatch found;
        EXPECT_TRUE(std::regex_search(mail.data, found, std::regex("reset-password#([0-9a-f]{64})"))) << mail.data;
        return found.size() > 1 ? found[1].str() : "";
    }
    static Response confirm(const std::string& token, const std::string& password) {
        return server().client().post("/api/v1/auth/password-reset/confirm",
                                      object{{"token", token}, {"password", password}});
    }
    static void advance(std::int64_t seconds) {
        ASSERT_EQ(server().client().post("/api/v1/testing/clock", object{{"advance_seconds", seconds}}).status, 200);
    }
};

TEST_F(PasswordReset, TheLinkArrivesByMailWorksOnceAndEndsEverySession) {
    std::string old_password;
    Family f = parent_with_email("ola.rodzic@example.pl", old_password);
    HttpClient earlier = signed_in(f.parent_login, old_password);
    auto asked = ask(f.parent_login);
    ASSERT_EQ(asked.status, 202) << asked;
    auto mail = smtp().wait_for("ola.rodzic@example.pl", "reset-password#");
    ASSERT_TRUE(mail) << "no mail arrived";
    EXPECT_NE(mail->data.find("Subject: =?UTF-8?B?"), std::string::npos) << "the Polish subject, encoded";
    EXPECT_NE(mail->data.find("Dzień dobry"), std::string::npos);
    std::string token = token_in(*mail);

    EXPECT_EQ(confirm(token, "krótkie").status, 422) << "a weak password is refused, the link stays usable";
    auto done = confirm(token, "nowe-bezpieczne-haslo-2026");
    ASSERT_EQ(done.status, 204) << done;
    EXPECT_EQ(earlier.get("/api/v1/me").status, 401) << "every session ended";
    HttpClient fresh = server().client();
    fresh.login(f.parent_login, old_password);
    EXPECT_EQ(fresh.last_response().status, 401) << "the old password no longer works";
    signed_in(f.parent_login, "nowe-bezpieczne-haslo-2026");
    auto again = confirm(token, "jeszcze-inne-haslo-2026");
    EXPECT_EQ(again.status, 422) << again;
    EXPECT_NE(again.body.find("link_invalid"), std::string::npos);
}

TEST_F(PasswordReset, NobodyLearnsWhichLoginsExistAndAnUnknownOneGetsNoMail) {
    auto before = smtp().received().size();
    auto unknown = ask("nie-ma-takiego-loginu");
    ASSERT_EQ(unknown.status, 202);
    std::string password;
    Family f = parent_with_email("ktos@example.pl", password);
    auto known = ask(f.parent_login);
    EXPECT_EQ(known.body, unknown.body) << "the same answer";
    ASSERT_TRUE(smtp().wait_for("ktos@example.pl", "reset-password#"));
    EXPECT_EQ(smtp().received().size(), before + 1) << "only the real account got mail";
}

TEST_F(PasswordReset, TheLinkExpiresAfterAnHourAndMailIsInTheReadersLanguage) {
    std::string password;
    Family f = parent_with_email("english@example.pl", password);
    ASSERT_EQ(ask(f.parent_login, "en").status, 202);
    auto mail = smtp().wait_for("english@example.pl", "reset-password#");
    ASSERT_TRUE(mail);
    EXPECT_NE(mail->data.find("someone (we hope it was you)"), std::string::npos);
    advance(3601);
    EXPECT_EQ(confirm(token_in(*mail), "nowe-bezpieczne-haslo-2026").status, 422);
}

TEST_F(PasswordReset, AMailServerThatRefusesIsTriedAgainAndTheRequestIsKept) {
    std::string password;
    Family f = parent_with_email("odrzucony@example.pl", password);
    smtp().refuse(true);
    int refused_before = smtp().refused();
    ASSERT_EQ(ask(f.parent_login).status, 202) << "the request succeeds though the mail cannot go yet";
    for (int i = 0; i < 100 && smtp().refused() == refused_before; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    smtp().refuse(false);
    ASSERT_GT(smtp().refused(), refused_before) << "the sender did not try";
    EXPECT_FALSE(smtp().wait_for("odrzucony@example.pl", "reset-password#", std::chrono::milliseconds(1500)))
        << "retried before its backoff";
    advance(61);  // past the first backoff
    auto mail = smtp().wait_for("odrzucony@example.pl", "reset-password#");
    ASSERT_TRUE(mail) << "not retried";
    EXPECT_EQ(confirm(token_in(*mail), "nowe-bezpieczne-haslo-2026").status, 204);
}

TEST_F(PasswordReset, AskingTooOftenIsSlowedDown) {
    int status = 0;
    for (int i = 0; i < 6 && status != 429; ++i) status = ask("zalewany-login").status;
    EXPECT_EQ(status, 429);
}

}  // namespace
}  // namespace kreda::test
