// Notification preferences over HTTP, and the mail they bring through a real SMTP listener: at once, held back
// by quiet hours until they end, or gathered into the day's digest.
#include "support/notifications_scenario.hpp"
#include "support/smtp_listener.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;

class Notifications : public NotificationScenario {};

TEST_F(Notifications, EveryoneStartsInTheAppOnlyAndMailNeedsAnAddress) {
    HttpClient parent = as(no_email_);
    auto mine = parent.get("/api/v1/me/notifications");
    ASSERT_EQ(mine.status, 200) << mine;
    EXPECT_EQ(mine.json().at("channels").at("grades").as_string(), "in_app");
    EXPECT_TRUE(mine.json().at("quiet_hours").is_null());
    EXPECT_TRUE(mine.json().at("email").is_null());
    auto refused = parent.put("/api/v1/me/notifications", object{{"channels", object{{"grades", "email"}}}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("channels.grades"), std::string::npos) << refused;
    EXPECT_EQ(parent.put("/api/v1/me/notifications", object{{"channels", object{{"wszystko", "none"}}}}).status, 422);
    EXPECT_EQ(parent.put("/api/v1/me/notifications", object{{"channels", object{{"grades", "pigeon"}}}}).status, 422);
    auto bad_time =
        parent.put("/api/v1/me/notifications", object{{"quiet_hours", object{{"from", "25:00"}, {"to", "07:00"}}}});
    EXPECT_EQ(bad_time.status, 422);
    EXPECT_NE(bad_time.body.find("quiet_hours.from"), std::string::npos) << bad_time;
    auto set =
        parent.put("/api/v1/me/notifications", object{{"channels", object{{"messages", "none"}}},
                                                      {"quiet_hours", object{{"from", "22:00"}, {"to", "07:00"}}}});
    ASSERT_EQ(set.status, 200) << set;
    EXPECT_EQ(set.json().at("channels").at("messages").as_string(), "none");
    EXPECT_EQ(set.json().at("quiet_hours").at("from").as_string(), "22:00");
    EXPECT_EQ(operator_client().get("/api/v1/me/notifications").status, 403);
}

TEST_F(Notifications, AGradeComesByMailAtOnceToThoseWhoAskedForIt) {
    ASSERT_EQ(as(mailed_).put("/api/v1/me/notifications", object{{"channels", object{{"grades", "email"}}}}).status,
              200);
    grade(mailed_, "Budowa komórki");
    grade(no_email_, "Budowa komórki bez poczty");
    auto mail = smtp().wait_for(email_of(mailed_), "Biologia");
    ASSERT_TRUE(mail) << "no notification arrived";
    EXPECT_NE(mail->data.find("Nowa ocena z przedmiotu Biologia: 5"), std::string::npos) << mail->data;
    EXPECT_FALSE(smtp().wait_for(email_of(digest_), "Budowa", std::chrono::milliseconds(500)))
        << "another family's child's grade";
}

TEST_F(Notifications, QuietHoursHoldMailBackUntilTheyEnd) {
    int minute = server_minute();
    ASSERT_EQ(as(quiet_)
                  .put("/api/v1/me/notifications",
                       object{{"channels", object{{"grades", "email"}}},
                              {"quiet_hours", object{{"from", clock(minute - 60)}, {"to", clock(minute + 60)}}}})
                  .status,
              200);
    grade(quiet_, "Fotosynteza nocą");
    EXPECT_FALSE(smtp().wait_for(email_of(quiet_), "Biologia", std::chrono::seconds(5))) << "sent in quiet hours";
    advance(61 * 60);
    EXPECT_TRUE(smtp().wait_for(email_of(quiet_), "Biologia", std::chrono::seconds(10))) << "not sent after them";
}

TEST_F(Notifications, TheDigestGathersTheDayIntoOneMailAtTheChosenTime) {
    int minute = server_minute();
    if (minute >= 1438) {  // too close to midnight for "later today": start from tomorrow
        advance(15 * 60);
        minute = server_minute();
    }
    ASSERT_EQ(
        as(digest_)
            .put("/api/v1/me/notifications", object{{"channels", object{{"grades", "digest"}}}, {"digest_at", "23:59"}})
            .status,
        200);
    grade(digest_, "Układ pokarmowy");
    grade(digest_, "Układ krążenia");
    EXPECT_FALSE(smtp().wait_for(email_of(digest_), "podsumowanie", std::chrono::seconds(5))) << "before its time";
    // To 23:59:20 of the same day (Warsaw is a whole number of hours from UTC, so seconds agree).
    std::int64_t now = server_now();
    advance((1439 - warsaw_minutes_of_day(now)) * 60 - now % 60 + 20);
    auto digest = smtp().wait_for(email_of(digest_), "co nowego w dzienniku", std::chrono::seconds(10));
    ASSERT_TRUE(digest) << "no digest";
    EXPECT_NE(digest->data.find("Subject: =?UTF-8?B?"), std::string::npos);
    std::size_t lines = 0;
    for (auto at = digest->data.find("Nowa ocena"); at != std::string::npos;
         at = digest->data.find("Nowa ocena", at + 1))
        ++lines;
    EXPECT_EQ(lines, 2u) << digest->data;
}

}  // namespace
}  // namespace kreda::test
