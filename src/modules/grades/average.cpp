#include "modules/grades/average.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace kreda::grades {

namespace {

//! Exact until the final division: hundredths × weight summed in 64-bit integers.
std::optional<double> ratio_rounded(std::int64_t numerator_hundredths, std::int64_t denominator) {
    if (denominator <= 0) return std::nullopt;
    // round half up to two decimals: value = numerator / denominator / 100
    double exact = static_cast<double>(numerator_hundredths) / static_cast<double>(denominator);
    return std::floor(exact + 0.5 + 1e-9) / 100.0;
}

std::int64_t root_of(const std::map<std::int64_t, const GradeFact*>& by_id, const GradeFact& g) {
    const GradeFact* at = &g;
    for (int guard = 0; at->improves_id && guard < 64; ++guard) {
        auto parent = by_id.find(*at->improves_id);
        if (parent == by_id.end()) break;
        at = parent->second;
    }
    return at->id;
}

}  // namespace

std::optional<ImprovementRule> parse_improvement_rule(std::string_view text) {
    if (text == "better") return ImprovementRule::Better;
    if (text == "later") return ImprovementRule::Later;
    if (text == "both") return ImprovementRule::Both;
    return std::nullopt;
}

std::string_view to_string(ImprovementRule rule) {
    switch (rule) {
        case ImprovementRule::Better:
            return "better";
        case ImprovementRule::Later:
            return "later";
        case ImprovementRule::Both:
            return "both";
    }
    return "better";
}

std::vector<GradeFact> counted_grades(const std::vector<GradeFact>& grades, ImprovementRule rule) {
    std::map<std::int64_t, const GradeFact*> by_id;
    for (const auto& g : grades) by_id[g.id] = &g;
    // An improvement chain (original and its improvements) competes as one; a special mark in it (nb at the
    // retake) never replaces a numeric grade.
    std::map<std::int64_t, std::vector<const GradeFact*>> chains;
    for (const auto& g : grades)
        if (g.hundredths && g.counts && g.weight > 0) chains[root_of(by_id, g)].push_back(&g);
    std::vector<GradeFact> out;
    for (auto& [root, chain] : chains) {
        if (rule == ImprovementRule::Both || chain.size() == 1) {
            for (const auto* g : chain) out.push_back(*g);
            continue;
        }
        auto chosen =
            rule == ImprovementRule::Better
                ? std::max_element(chain.begin(), chain.end(),
                                   [](auto* a, auto* b) {
                                       return std::tie(*a->hundredths, a->order) < std::tie(*b->hundredths, b->order);
                                   })
                : std::max_element(chain.begin(), chain.end(), [](auto* a, auto* b) { return a->order < b->order; });
        out.push_back(**chosen);
    }
    return out;
}

std::optional<double> weighted_average(const std::vector<GradeFact>& grades, ImprovementRule rule) {
    std::int64_t sum = 0, weights = 0;
    for (const auto& g : counted_grades(grades, rule)) {
        sum += static_cast<std::int64_t>(*g.hundredths) * g.weight;
        weights += g.weight;
    }
    return ratio_rounded(sum, weights);
}

std::optional<double> mean_of_finals(const std::vector<int>& grades) {
    std::int64_t sum = 0;
    for (int g : grades) sum += g * 100;
    return ratio_rounded(sum, static_cast<std::int64_t>(grades.size()));
}

std::optional<int> grade_needed(const std::vector<GradeFact>& grades, ImprovementRule rule, int weight, double target) {
    std::int64_t next_id = 1, next_order = 1;
    for (const auto& g : grades) {
        next_id = std::max(next_id, g.id + 1);
        next_order = std::max(next_order, g.order + 1);
    }
    for (int grade = 1; grade <= 6; ++grade) {
        auto with = grades;
        with.push_back({next_id, grade * 100, weight, true, std::nullopt, next_order});
        auto average = weighted_average(with, rule);
        if (average && *average + 1e-9 >= target) return grade;
    }
    return std::nullopt;
}

}  // namespace kreda::grades
