// What a teacher types into a grade book cell, and averages over whatever the parser accepts: a scale mark is
// always worth 0.5 to 6, and an average always lies within its grades.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "modules/grades/average.hpp"
#include "modules/grades/scale.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kreda::grades;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    ScaleRules rules;
    rules.custom_marks = {"bk", "+/-"};
    for (auto column : {ColumnKind::Scale, ColumnKind::Points, ColumnKind::Descriptive}) {
        auto mark = parse_mark(text, column, rules, 50);
        if (mark && mark->kind == MarkKind::Scale && (mark->hundredths < 50 || mark->hundredths > 600)) std::abort();
        if (mark && mark->kind == MarkKind::Points && (mark->base < 0 || mark->base > 50)) std::abort();
    }
    if (auto whole = parse_whole_grade(text); whole && (*whole < 1 || *whole > 6)) std::abort();
    parse_behaviour(text);

    // Bytes as grades: value, weight, counts, improves (an earlier grade or none).
    std::vector<GradeFact> grades;
    int lowest = 600, highest = 0;
    for (std::size_t i = 0; i + 3 < size && grades.size() < 64; i += 4) {
        GradeFact g;
        g.id = static_cast<std::int64_t>(grades.size()) + 1;
        g.hundredths = 50 + data[i] % 551;
        g.weight = data[i + 1] % 11;
        g.counts = data[i + 2] % 5 != 0;
        if (data[i + 3] % 3 == 0 && g.id > 1) g.improves_id = 1 + data[i + 3] % (g.id - 1);
        g.order = g.id;
        if (g.counts && g.weight > 0)
            lowest = std::min(lowest, *g.hundredths), highest = std::max(highest, *g.hundredths);
        grades.push_back(g);
    }
    for (auto rule : {ImprovementRule::Better, ImprovementRule::Later, ImprovementRule::Both}) {
        auto average = weighted_average(grades, rule);
        if (average && (*average * 100 < lowest - 1 || *average * 100 > highest + 1)) std::abort();
    }
    return 0;
}
