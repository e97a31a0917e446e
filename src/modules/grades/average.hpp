// Averages (DOMAIN.md "Grades"): the weighted average Σ(value × weight) / Σ(weight) over counting grades, the
// school's rule for improvements, and the mean of final grades. Pure; the browser's "what if" and "what do I
// need" calculators (web/src/grades/average.ts) follow the same rules and are tested against the same cases.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kreda::grades {

//! How an improvement (poprawa) and the grade it improves enter the average.
enum class ImprovementRule {
    Better,  //!< only the better of the original and its improvements
    Later,   //!< only the latest of them
    Both,    //!< all of them
};

std::optional<ImprovementRule> parse_improvement_rule(std::string_view text);
std::string_view to_string(ImprovementRule rule);

//! One grade as the average sees it.
struct GradeFact {
    std::int64_t id = 0;
    std::optional<int> hundredths;  //!< none for special, point and descriptive marks
    int weight = 1;
    bool counts = true;  //!< the category counts to the average
    std::optional<std::int64_t> improves_id;
    std::int64_t order = 0;  //!< later grades have larger orders (date, then id)
};

//! The grades that enter the average after applying the improvement rule: counting, numeric, weight > 0.
std::vector<GradeFact> counted_grades(const std::vector<GradeFact>& grades, ImprovementRule rule);

//! Σ(value × weight) / Σ(weight) over counted grades, rounded half up to two decimals; none when nothing counts.
std::optional<double> weighted_average(const std::vector<GradeFact>& grades, ImprovementRule rule);

//! The arithmetic mean of whole final grades, rounded half up to two decimals; none for an empty list.
std::optional<double> mean_of_finals(const std::vector<int>& grades);

//! The lowest whole grade 1–6 that, added with `weight`, lifts the average to at least `target`; none when even
//! a 6 is not enough.
std::optional<int> grade_needed(const std::vector<GradeFact>& grades, ImprovementRule rule, int weight, double target);

}  // namespace kreda::grades
