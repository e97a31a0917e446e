// The Polish grade scale (DOMAIN.md "Grades"): what a teacher may type into a grade book cell, what it is worth,
// and the whole grades and behaviour grades of the end of a term or year. Pure: no storage, no time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace kreda::grades {

//! A school's rules for the scale; values are in hundredths so that 4+ = 450 exactly.
struct ScaleRules {
    int plus = 50;                          //!< what `+` adds (Librus's default 0.5)
    int minus = 25;                         //!< what `-` subtracts (default 0.25)
    int double_minus = 50;                  //!< what `=` and `--` subtract
    std::vector<std::string> custom_marks;  //!< the school's own marks, which never count
};

enum class MarkKind {
    Scale,        //!< 1–6 with an optional modifier: counts to the average
    Special,      //!< np, bz, nb, zw, nk, a bare + or -, and the school's own marks: never counts
    Points,       //!< a point grade, 0 to the category's maximum: never counts to a numeric average
    Descriptive,  //!< a descriptive grade (classes 1–3): never counts
};

struct Mark {
    MarkKind kind = MarkKind::Scale;
    std::string symbol;  //!< as stored and shown: "4+", "np", "17", or the description
    int base = 0;        //!< 1–6 for scale marks; the points for point grades
    int hundredths = 0;  //!< the value of a scale mark, 450 for 4+
    double value() const { return hundredths / 100.0; }
};

enum class ColumnKind { Scale, Points, Descriptive };

//! Reads what a teacher typed. Scale columns take 1–6 with `+`, `-`, `=` or `--` (not 6+, nor anything below
//! 0.5) and the special marks; point columns take 0…max_points and the special marks; descriptive columns any
//! text up to 2000 characters. Surrounding spaces are ignored and special marks are case-insensitive.
//! The error says why, in Polish and English.
std::optional<Mark> parse_mark(std::string_view typed, ColumnKind column, const ScaleRules& rules, int max_points = 0,
                               Text* why = nullptr);

//! Term and annual grades are whole: 1–6, also written as "cel", "bdb", … or in full words.
std::optional<int> parse_whole_grade(std::string_view typed);
//! "celujący", "bardzo dobry", …
std::string_view whole_grade_name(int grade);

//! Behaviour grades: wz, bdb, db, popr, ndp, ng (also in full words); returns the short code.
std::optional<std::string> parse_behaviour(std::string_view typed);

//! The standard special marks, lower-case.
const std::vector<std::string>& standard_special_marks();

}  // namespace kreda::grades
