#include <gtest/gtest.h>

#include "modules/notify/notify.hpp"

namespace kreda::notify {
namespace {

TEST(QuietHours, MayWrapMidnight) {
    EXPECT_TRUE(in_quiet_hours(23 * 60, 22 * 60, 7 * 60));
    EXPECT_TRUE(in_quiet_hours(3 * 60, 22 * 60, 7 * 60));
    EXPECT_FALSE(in_quiet_hours(7 * 60, 22 * 60, 7 * 60)) << "they end at 7:00";
    EXPECT_FALSE(in_quiet_hours(12 * 60, 22 * 60, 7 * 60));
    EXPECT_TRUE(in_quiet_hours(13 * 60, 12 * 60, 14 * 60));
    EXPECT_FALSE(in_quiet_hours(14 * 60, 12 * 60, 14 * 60));
    EXPECT_FALSE(in_quiet_hours(5, 600, 600)) << "from = to: none";
}

TEST(QuietHours, MailWaitsUntilTheyEnd) {
    const std::int64_t now = 1'000'000;
    EXPECT_EQ(quiet_end(now, 23 * 60, 22 * 60, 7 * 60), now + 8 * 3600);
    EXPECT_EQ(quiet_end(now, 6 * 60 + 30, 22 * 60, 7 * 60), now + 30 * 60);
    EXPECT_EQ(quiet_end(now, 12 * 60, 22 * 60, 7 * 60), now) << "outside them: at once";
}

TEST(NotificationGroups, EveryKindOfTheFeedHasOne) {
    for (const char* kind :
         {"grade.added", "grade.changed", "attendance.marked", "excuse.decided", "event.added", "event.deleted",
          "homework.set", "homework.changed", "homework.deleted", "note.added", "notice.published", "notice.deleted",
          "message.received", "timetable.changed", "lucky_number.drawn"})
        EXPECT_NE(group_of(kind), "other") << kind;
    EXPECT_EQ(group_of("excuse.decided"), "attendance");
    EXPECT_EQ(group_of("timetable.changed"), "terminarz");
    EXPECT_TRUE(urgent("timetable.changed"));
    EXPECT_FALSE(urgent("grade.added"));
}

TEST(NotificationText, SaysWhatChangedInTheReadersLanguage) {
    json::object grade{{"subject", "Chemia"}, {"value", "4+"}};
    EXPECT_EQ(describe("grade.added", grade, Language::Polish), "Nowa ocena z przedmiotu Chemia: 4+");
    EXPECT_EQ(describe("grade.added", grade, Language::English), "New grade in Chemia: 4+");
    json::object mark{{"date", "2026-11-20"},
                      {"lesson_number", 3},
                      {"code", "nb"},
                      {"type", {{"name_pl", "nieobecność"}, {"name_en", "absence"}}}};
    EXPECT_EQ(describe("attendance.marked", mark, Language::Polish), "Frekwencja 2026-11-20, lekcja 3: nieobecność");
    json::object homework{
        {"subject", {{"id", 1}, {"name", "Biologia"}}}, {"due_on", "2026-11-25"}, {"text", "Zielnik"}};
    EXPECT_EQ(describe("homework.set", homework, Language::Polish),
              "Zadanie domowe z przedmiotu Biologia na 2026-11-25: Zielnik");
    json::object change{{"date", "2026-11-23"}, {"lesson_number", 2}, {"subject", "Fizyka"}, {"withdrawn", false}};
    EXPECT_EQ(describe("timetable.changed", change, Language::Polish),
              "Zmiana w planie lekcji: 2026-11-23, lekcja 2 (Fizyka)");
    change["withdrawn"] = true;
    EXPECT_EQ(describe("timetable.changed", change, Language::English),
              "A timetable change was withdrawn: 2026-11-23, lesson 2 (Fizyka)");
}

}  // namespace
}  // namespace kreda::notify
