#include "modules/grades/average.hpp"

#include <gtest/gtest.h>

namespace kreda::grades {
namespace {

GradeFact grade(std::int64_t id, std::optional<int> hundredths, int weight = 1, bool counts = true,
                std::optional<std::int64_t> improves = std::nullopt) {
    return {id, hundredths, weight, counts, improves, id};
}

TEST(GradeAverage, EqualWeightsGiveTheArithmeticMean) {
    EXPECT_EQ(weighted_average({grade(1, 500), grade(2, 400), grade(3, 300)}, ImprovementRule::Better), 4.0);
}

TEST(GradeAverage, WeightsMultiply) {
    // (5×3 + 3×1) / 4 = 4.5
    EXPECT_EQ(weighted_average({grade(1, 500, 3), grade(2, 300, 1)}, ImprovementRule::Better), 4.5);
}

TEST(GradeAverage, ModifiersUseTheirValues) {
    // 4+ (4.5) and 5- (4.75) with weights 2 and 2: 4.625 → 4.63 (half up)
    EXPECT_EQ(weighted_average({grade(1, 450, 2), grade(2, 475, 2)}, ImprovementRule::Better), 4.63);
    // 1- = 0.75 alone
    EXPECT_EQ(weighted_average({grade(1, 75)}, ImprovementRule::Better), 0.75);
}

TEST(GradeAverage, RoundsHalfUpToTwoDecimals) {
    // (4 + 4 + 5) / 3 = 4.3333 → 4.33; (5 + 5 + 4) / 3 = 4.6667 → 4.67
    EXPECT_EQ(weighted_average({grade(1, 400), grade(2, 400), grade(3, 500)}, ImprovementRule::Better), 4.33);
    EXPECT_EQ(weighted_average({grade(1, 500), grade(2, 500), grade(3, 400)}, ImprovementRule::Better), 4.67);
    // 4.125 exactly → 4.13
    EXPECT_EQ(weighted_average({grade(1, 400, 7), grade(2, 500, 1)}, ImprovementRule::Better), 4.13);
}

TEST(GradeAverage, SpecialMarksAndNonCountingCategoriesAreLeftOut) {
    std::vector<GradeFact> grades = {grade(1, 500, 2), grade(2, std::nullopt, 2), grade(3, 100, 5, false),
                                     grade(4, 300, 0)};
    EXPECT_EQ(weighted_average(grades, ImprovementRule::Both), 5.0);
}

TEST(GradeAverage, EmptyAndOnlySpecialMarksHaveNoAverage) {
    EXPECT_FALSE(weighted_average({}, ImprovementRule::Better));
    EXPECT_FALSE(weighted_average({grade(1, std::nullopt), grade(2, std::nullopt)}, ImprovementRule::Better));
    EXPECT_FALSE(weighted_average({grade(1, 400, 1, false)}, ImprovementRule::Better));
}

TEST(GradeAverage, ImprovementRuleBetterTakesTheBetter) {
    std::vector<GradeFact> grades = {grade(1, 200, 4), grade(2, 400, 4, true, 1), grade(3, 500, 1)};
    // 4×4 + 5×1 = 21 / 5 = 4.2
    EXPECT_EQ(weighted_average(grades, ImprovementRule::Better), 4.2);
    // an improvement that came out worse does not lower the grade
    std::vector<GradeFact> worse = {grade(1, 300, 4), grade(2, 200, 4, true, 1)};
    EXPECT_EQ(weighted_average(worse, ImprovementRule::Better), 3.0);
}

TEST(GradeAverage, ImprovementRuleLaterTakesTheLatest) {
    std::vector<GradeFact> worse = {grade(1, 300, 4), grade(2, 200, 4, true, 1)};
    EXPECT_EQ(weighted_average(worse, ImprovementRule::Later), 2.0);
}

TEST(GradeAverage, ImprovementRuleBothCountsAll) {
    std::vector<GradeFact> grades = {grade(1, 200, 4), grade(2, 400, 4, true, 1)};
    EXPECT_EQ(weighted_average(grades, ImprovementRule::Both), 3.0);
}

TEST(GradeAverage, AChainOfImprovementsCompetesAsOne) {
    std::vector<GradeFact> grades = {grade(1, 100, 3), grade(2, 200, 3, true, 1), grade(3, 400, 3, true, 2),
                                     grade(4, 500, 1)};
    EXPECT_EQ(weighted_average(grades, ImprovementRule::Better), 4.25);  // (12 + 5) / 4
    EXPECT_EQ(weighted_average(grades, ImprovementRule::Later), 4.25);
}

TEST(GradeAverage, ASpecialMarkAtTheRetakeKeepsTheOriginal) {
    std::vector<GradeFact> grades = {grade(1, 200, 3), grade(2, std::nullopt, 3, true, 1)};
    EXPECT_EQ(weighted_average(grades, ImprovementRule::Later), 2.0);
}

TEST(GradeAverage, MeanOfFinalGrades) {
    EXPECT_EQ(mean_of_finals({5, 4, 6, 5}), 5.0);
    EXPECT_EQ(mean_of_finals({5, 4, 4}), 4.33);
    EXPECT_FALSE(mean_of_finals({}));
}

TEST(GradeAverage, GradeNeededForATarget) {
    // 3 (w1) and 4 (w1); next test weight 2; target 4.0 → (7 + 2x) / 4 ≥ 4 → x ≥ 4.5 → 5
    std::vector<GradeFact> grades = {grade(1, 300), grade(2, 400)};
    EXPECT_EQ(grade_needed(grades, ImprovementRule::Better, 2, 4.0), 5);
    EXPECT_EQ(grade_needed(grades, ImprovementRule::Better, 2, 3.0), 3);
    EXPECT_FALSE(grade_needed(grades, ImprovementRule::Better, 1, 5.5));
    EXPECT_EQ(grade_needed({}, ImprovementRule::Better, 1, 4.75), 5);
}

TEST(GradeAverage, RuleNamesRoundTrip) {
    for (auto rule : {ImprovementRule::Better, ImprovementRule::Later, ImprovementRule::Both})
        EXPECT_EQ(parse_improvement_rule(to_string(rule)), rule);
    EXPECT_FALSE(parse_improvement_rule("best"));
}

}  // namespace
}  // namespace kreda::grades
