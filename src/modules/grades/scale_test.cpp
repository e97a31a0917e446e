#include "modules/grades/scale.hpp"

#include <gtest/gtest.h>

namespace kreda::grades {
namespace {

int hundredths(std::string_view typed, const ScaleRules& rules = {}) {
    auto mark = parse_mark(typed, ColumnKind::Scale, rules);
    EXPECT_TRUE(mark) << typed;
    return mark ? mark->hundredths : -1;
}

TEST(GradeScale, WholeGradesAndModifiersHaveLibrusDefaultValues) {
    EXPECT_EQ(hundredths("1"), 100);
    EXPECT_EQ(hundredths("6"), 600);
    EXPECT_EQ(hundredths("4+"), 450);
    EXPECT_EQ(hundredths("5-"), 475);
    EXPECT_EQ(hundredths("1-"), 75);
    EXPECT_EQ(hundredths("3="), 250);
    EXPECT_EQ(hundredths("3--"), 250);
    EXPECT_EQ(hundredths("6-"), 575);
    EXPECT_EQ(hundredths("1+"), 150);
    EXPECT_EQ(hundredths(" 2+ "), 250);
}

TEST(GradeScale, TheSchoolConfiguresModifierValues) {
    ScaleRules rules;
    rules.plus = 33;
    rules.minus = 33;
    EXPECT_EQ(hundredths("4+", rules), 433);
    EXPECT_EQ(hundredths("4-", rules), 367);
}

TEST(GradeScale, ScaleMarksKeepTheirSymbolAndBase) {
    auto mark = parse_mark("4+", ColumnKind::Scale, {});
    ASSERT_TRUE(mark);
    EXPECT_EQ(mark->kind, MarkKind::Scale);
    EXPECT_EQ(mark->symbol, "4+");
    EXPECT_EQ(mark->base, 4);
    EXPECT_DOUBLE_EQ(mark->value(), 4.5);
}

TEST(GradeScale, InvalidFormsAreRefusedWithAReason) {
    for (std::string_view bad : {"7", "0", "5++", "ab", "", "  ", "6+", "1=", "1--", "+5", "4.5", "4,5", "44", "-1",
                                 "5+-", "x", "np2", "10"}) {
        Text why;
        EXPECT_FALSE(parse_mark(bad, ColumnKind::Scale, {}, 0, &why)) << bad;
        EXPECT_FALSE(why.pl.empty()) << bad;
        EXPECT_FALSE(why.en.empty()) << bad;
    }
}

TEST(GradeScale, SpecialMarksNeverCountAndIgnoreCase) {
    for (std::string_view special : {"np", "bz", "nb", "zw", "nk", "+", "-", "NP", " Nb "}) {
        auto mark = parse_mark(special, ColumnKind::Scale, {});
        ASSERT_TRUE(mark) << special;
        EXPECT_EQ(mark->kind, MarkKind::Special) << special;
        EXPECT_EQ(mark->hundredths, 0);
    }
    EXPECT_EQ(parse_mark("NP", ColumnKind::Scale, {})->symbol, "np");
}

TEST(GradeScale, TheSchoolsOwnMarksAreSpecial) {
    ScaleRules rules;
    rules.custom_marks = {"bk"};
    auto mark = parse_mark("bk", ColumnKind::Scale, rules);
    ASSERT_TRUE(mark);
    EXPECT_EQ(mark->kind, MarkKind::Special);
    EXPECT_FALSE(parse_mark("bk", ColumnKind::Scale, {}));
}

TEST(GradeScale, PointColumnsTakeZeroToTheMaximum) {
    auto mark = parse_mark("17", ColumnKind::Points, {}, 20);
    ASSERT_TRUE(mark);
    EXPECT_EQ(mark->kind, MarkKind::Points);
    EXPECT_EQ(mark->base, 17);
    EXPECT_TRUE(parse_mark("0", ColumnKind::Points, {}, 20));
    EXPECT_TRUE(parse_mark("20", ColumnKind::Points, {}, 20));
    EXPECT_EQ(parse_mark("nb", ColumnKind::Points, {}, 20)->kind, MarkKind::Special);
    for (std::string_view bad : {"21", "-1", "4+", "1.5", "abc", "99999"})
        EXPECT_FALSE(parse_mark(bad, ColumnKind::Points, {}, 20)) << bad;
}

TEST(GradeScale, DescriptiveColumnsTakeText) {
    auto mark = parse_mark("  Czyta płynnie i ze zrozumieniem.  ", ColumnKind::Descriptive, {});
    ASSERT_TRUE(mark);
    EXPECT_EQ(mark->kind, MarkKind::Descriptive);
    EXPECT_EQ(mark->symbol, "Czyta płynnie i ze zrozumieniem.");
    EXPECT_FALSE(parse_mark(std::string(2001, 'a'), ColumnKind::Descriptive, {}));
    EXPECT_FALSE(parse_mark("", ColumnKind::Descriptive, {}));
}

TEST(GradeScale, WholeGradesInDigitsShortAndFullWords) {
    EXPECT_EQ(parse_whole_grade("5"), 5);
    EXPECT_EQ(parse_whole_grade("bdb"), 5);
    EXPECT_EQ(parse_whole_grade("celujący"), 6);
    EXPECT_EQ(parse_whole_grade("Niedostateczny"), 1);
    EXPECT_EQ(parse_whole_grade("dop"), 2);
    for (std::string_view bad : {"4+", "0", "7", "5-", "", "dobra"}) EXPECT_FALSE(parse_whole_grade(bad)) << bad;
    EXPECT_EQ(whole_grade_name(4), "dobry");
}

TEST(GradeScale, BehaviourGrades) {
    EXPECT_EQ(parse_behaviour("wz"), "wz");
    EXPECT_EQ(parse_behaviour("Poprawne"), "popr");
    EXPECT_EQ(parse_behaviour("ng"), "ng");
    EXPECT_FALSE(parse_behaviour("5"));
    EXPECT_FALSE(parse_behaviour("super"));
}

}  // namespace
}  // namespace kreda::grades
