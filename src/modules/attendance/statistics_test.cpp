#include "modules/attendance/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace kreda::attendance {
namespace {

constexpr std::int64_t maths = 21, polish = 22;

PresenceKind kind_of(std::string_view code) {
    for (const auto& type : standard_types()) {
        if (type.code == code) return type.kind;
    }
    throw std::invalid_argument("no standard type " + std::string(code));
}

Tally tally_of(std::initializer_list<std::string_view> codes) {
    Tally tally;
    for (auto code : codes) tally.add(kind_of(code));
    return tally;
}

MarkFact mark(std::string_view date, std::int64_t subject, int term, std::string_view code) {
    return MarkFact{parse_date(date).value(), subject, term, kind_of(code)};
}

// `count` marks of one type for one subject.
std::vector<MarkFact> marks(int count, std::int64_t subject, std::string_view code) {
    return std::vector<MarkFact>(count, mark("2026-10-05", subject, 1, code));
}

TEST(AttendancePercentage, PresentLateExcusedLateAndSchoolReasonsEachCountAsPresence) {
    for (auto code : {"ob", "sp", "su", "ns"}) EXPECT_EQ(tally_of({code}).percentage(), 100.0) << code;
}

TEST(AttendancePercentage, AbsenceExcusedOrNotCountsAgainstPresence) {
    EXPECT_EQ(tally_of({"nb"}).percentage(), 0.0);
    EXPECT_EQ(tally_of({"u"}).percentage(), 0.0);
}

TEST(AttendancePercentage, ReleasedIsLeftOutOfBothSides) {
    EXPECT_FALSE(tally_of({"zw"}).percentage());
    EXPECT_EQ(tally_of({"ob", "zw", "zw"}).percentage(), 100.0);
    EXPECT_EQ(tally_of({"ob", "nb", "zw"}).percentage(), 50.0);
    EXPECT_EQ(tally_of({"ob", "nb", "zw"}).counted(), 2);
}

TEST(AttendancePercentage, EveryStandardTypeOnceGivesFourOfSix) {
    Tally tally = tally_of({"ob", "nb", "u", "sp", "su", "zw", "ns"});

    EXPECT_EQ(tally.present, 4);
    EXPECT_EQ(tally.absent, 1);
    EXPECT_EQ(tally.excused, 1);
    EXPECT_EQ(tally.released, 1);
    EXPECT_EQ(tally.percentage(), 66.7);
}

TEST(AttendancePercentage, IsRoundedHalfUpToOneDecimal) {
    Tally one_of_sixteen = tally_of({"ob"});
    for (int i = 0; i < 15; ++i) one_of_sixteen.add(PresenceKind::Absent);
    EXPECT_EQ(one_of_sixteen.percentage(), 6.3);  // 6.25
    EXPECT_EQ(tally_of({"ob", "nb", "nb"}).percentage(), 33.3);
    EXPECT_EQ(tally_of({"ob", "ob", "nb"}).percentage(), 66.7);
}

TEST(AttendancePercentage, IsNoneWithoutMarks) {
    EXPECT_FALSE(Tally{}.percentage());
    EXPECT_FALSE(Tally{}.absence_share());
    EXPECT_FALSE(compute_statistics({}).total.percentage());
}

TEST(AttendanceStatistics, SplitsBySubjectTermAndMonth) {
    Statistics statistics = compute_statistics({
        mark("2026-09-14", maths, 1, "ob"),
        mark("2026-10-05", maths, 1, "nb"),
        mark("2026-10-06", polish, 1, "u"),
        mark("2027-02-01", polish, 2, "ob"),
        mark("2027-02-02", polish, 2, "zw"),
    });

    EXPECT_EQ(statistics.total.counted(), 4);
    EXPECT_EQ(statistics.total.percentage(), 50.0);
    EXPECT_EQ(statistics.by_subject.at(maths).percentage(), 50.0);
    EXPECT_EQ(statistics.by_subject.at(polish).percentage(), 50.0);
    EXPECT_EQ(statistics.by_subject.at(polish).released, 1);
    EXPECT_EQ(statistics.by_term.at(1).percentage(), 33.3);
    EXPECT_EQ(statistics.by_term.at(2).percentage(), 100.0);
    ASSERT_EQ(statistics.by_month.size(), 3u);
    EXPECT_EQ(statistics.by_month.at("2026-09").present, 1);
    EXPECT_EQ(statistics.by_month.at("2026-10").percentage(), 0.0);
    EXPECT_EQ(statistics.by_month.at("2027-02").counted(), 1);
}

TEST(AttendanceStatistics, SubjectAtExactlyTheWarningShareIsAtRisk) {
    auto facts = marks(3, maths, "ob");
    for (const auto& absence : marks(2, maths, "u")) facts.push_back(absence);  // 2 of 5 = 0.4

    EXPECT_EQ(compute_statistics(facts).subjects_at_risk, (std::vector<std::int64_t>{maths}));
}

TEST(AttendanceStatistics, SubjectJustBelowTheWarningShareIsNotAtRisk) {
    auto facts = marks(61, maths, "ob");
    for (const auto& absence : marks(39, maths, "nb")) facts.push_back(absence);  // 39 of 100

    EXPECT_TRUE(compute_statistics(facts).subjects_at_risk.empty());
}

TEST(AttendanceStatistics, ReleasedLessonsDoNotPutASubjectAtRisk) {
    auto facts = marks(1, polish, "ob");
    for (const auto& released : marks(5, polish, "zw")) facts.push_back(released);

    EXPECT_TRUE(compute_statistics(facts).subjects_at_risk.empty());
}

TEST(AttendanceStatistics, WarningShareIsTheCallersChoice) {
    auto facts = marks(1, maths, "ob");
    facts.push_back(mark("2026-10-05", maths, 1, "nb"));
    for (const auto& absence : marks(2, polish, "nb")) facts.push_back(absence);

    EXPECT_EQ(compute_statistics(facts, 0.5).subjects_at_risk, (std::vector<std::int64_t>{maths, polish}));
    EXPECT_EQ(compute_statistics(facts, 0.75).subjects_at_risk, (std::vector<std::int64_t>{polish}));
}

TEST(StandardTypes, AreTheSevenEverySchoolStartsWith) {
    std::vector<std::string_view> codes;
    for (const auto& type : standard_types()) codes.push_back(type.code);
    EXPECT_EQ(codes, (std::vector<std::string_view>{"ob", "nb", "u", "sp", "su", "zw", "ns"}));
    EXPECT_EQ(kind_of("ns"), PresenceKind::Present);
    EXPECT_EQ(kind_of("u"), PresenceKind::ExcusedAbsent);
    EXPECT_EQ(kind_of("zw"), PresenceKind::Released);
}

// WCAG 2.1 relative luminance of one sRGB channel given as two hex digits.
double channel_luminance(std::string_view hex) {
    double c = std::stoi(std::string(hex), nullptr, 16) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

TEST(StandardTypes, EveryColourIsReadableOnWhite) {
    for (const auto& type : standard_types()) {
        ASSERT_EQ(type.colour.size(), 7u) << type.code;
        ASSERT_EQ(type.colour[0], '#') << type.code;
        double luminance = 0.2126 * channel_luminance(type.colour.substr(1, 2)) +
                           0.7152 * channel_luminance(type.colour.substr(3, 2)) +
                           0.0722 * channel_luminance(type.colour.substr(5, 2));
        EXPECT_GE(1.05 / (luminance + 0.05), 4.5) << type.code << " " << type.colour;
    }
}

TEST(StandardTypes, EveryTypeHasAPolishAndAnEnglishName) {
    for (const auto& type : standard_types()) {
        EXPECT_FALSE(type.name_pl.empty()) << type.code;
        EXPECT_FALSE(type.name_en.empty()) << type.code;
    }
}

TEST(PresenceKindNames, RoundTripAndRejectUnknownNames) {
    for (auto kind : {PresenceKind::Present, PresenceKind::Absent, PresenceKind::ExcusedAbsent, PresenceKind::Released})
        EXPECT_EQ(parse_presence_kind(to_string(kind)), kind);
    EXPECT_EQ(parse_presence_kind("excused"), PresenceKind::ExcusedAbsent);
    EXPECT_FALSE(parse_presence_kind("Present"));
    EXPECT_FALSE(parse_presence_kind(""));
}

}  // namespace
}  // namespace kreda::attendance
