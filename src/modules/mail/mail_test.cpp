#include <gtest/gtest.h>

#include "modules/mail/mail.hpp"

namespace kreda::mail {
namespace {

TEST(MailTemplates, FillTheValuesInTheReadersLanguage) {
    auto pl = render("password_reset", Language::Polish, "ola@example.pl",
                     {{"name", "Ola"}, {"login", "ola.z"}, {"link", "https://k/reset-password#abc"}});
    EXPECT_EQ(pl.subject, "Kreda: ustaw nowe hasło");
    EXPECT_NE(pl.body.find("Dzień dobry Ola"), std::string::npos);
    EXPECT_NE(pl.body.find("https://k/reset-password#abc"), std::string::npos);
    EXPECT_EQ(pl.body.find("{{"), std::string::npos) << "every value filled";
    auto en = render("password_reset", Language::English, "ola@example.pl", {{"name", "Ola"}});
    EXPECT_EQ(en.subject, "Kreda: set a new password");
}

TEST(MailTemplates, NoHeaderInjectionThroughAnAddressOrAValue) {
    auto mail = render("password_reset", Language::Polish, "a@b.pl\r\nBcc: all@school.pl", {{"name", "x"}});
    EXPECT_EQ(mail.to.find('\n'), std::string::npos);
    EXPECT_EQ(mail.to.find('\r'), std::string::npos);
}

TEST(MailRetries, BackOffDoublingUpToAnHour) {
    EXPECT_EQ(backoff_seconds(1), 30);
    EXPECT_EQ(backoff_seconds(2), 60);
    EXPECT_EQ(backoff_seconds(3), 120);
    EXPECT_EQ(backoff_seconds(9), 3600);
    EXPECT_EQ(backoff_seconds(50), 3600);
}

}  // namespace
}  // namespace kreda::mail
