#include "modules/grades/scale.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace kreda::grades {

namespace {

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_special(const std::string& symbol, const ScaleRules& rules) {
    const auto& standard = standard_special_marks();
    if (std::find(standard.begin(), standard.end(), symbol) != standard.end()) return true;
    return std::find(rules.custom_marks.begin(), rules.custom_marks.end(), symbol) != rules.custom_marks.end();
}

void say(Text* why, Text text) {
    if (why) *why = std::move(text);
}

std::optional<Mark> parse_scale(const std::string& s, const ScaleRules& rules, Text* why) {
    if (s.empty() || s[0] < '1' || s[0] > '6') {
        say(why, {"Ocena musi być od 1 do 6 (z +, - albo =) lub znakiem np, bz, nb, zw, nk.",
                  "A grade is 1 to 6 (with +, - or =) or a mark such as np, bz, nb, zw, nk."});
        return std::nullopt;
    }
    int base = s[0] - '0';
    std::string modifier = s.substr(1);
    int hundredths = base * 100;
    if (modifier == "+") {
        hundredths += rules.plus;
    } else if (modifier == "-") {
        hundredths -= rules.minus;
    } else if (modifier == "=" || modifier == "--") {
        hundredths -= rules.double_minus;
    } else if (!modifier.empty()) {
        say(why, {"Po ocenie może stać tylko +, -, = albo --.", "A grade may only be followed by +, -, = or --."});
        return std::nullopt;
    }
    if (base == 6 && modifier == "+") {
        say(why, {"6 to najwyższa ocena: 6+ nie istnieje.", "6 is the top grade: there is no 6+."});
        return std::nullopt;
    }
    if (base == 1 && (modifier == "=" || modifier == "--")) {
        say(why, {"1 można obniżyć najwyżej minusem (1-).", "A 1 can only be lowered by a minus (1-)."});
        return std::nullopt;
    }
    if (hundredths < 50) {
        say(why, {"Ocena nie może być niższa niż 0,5.", "A grade cannot be worth less than 0.5."});
        return std::nullopt;
    }
    return Mark{MarkKind::Scale, s, base, hundredths};
}

std::optional<Mark> parse_points(const std::string& s, int max_points, Text* why) {
    bool digits =
        !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    int points = digits ? std::stoi(s) : -1;
    if (!digits || points > max_points) {
        say(why, {"Punkty: liczba od 0 do " + std::to_string(max_points) + ".",
                  "Points: a number from 0 to " + std::to_string(max_points) + "."});
        return std::nullopt;
    }
    return Mark{MarkKind::Points, std::to_string(points), points, 0};
}

struct Named {
    std::string_view code, full;
};

}  // namespace

const std::vector<std::string>& standard_special_marks() {
    static const std::vector<std::string> marks = {"np", "bz", "nb", "zw", "nk", "+", "-"};
    return marks;
}

std::optional<Mark> parse_mark(std::string_view typed, ColumnKind column, const ScaleRules& rules, int max_points,
                               Text* why) {
    std::string s = trimmed(typed);
    if (s.empty()) {
        say(why, {"Wpisz ocenę.", "Enter a grade."});
        return std::nullopt;
    }
    if (column == ColumnKind::Descriptive) {
        if (s.size() > 2000) {
            say(why, {"Ocena opisowa: najwyżej 2000 znaków.", "A descriptive grade has at most 2000 characters."});
            return std::nullopt;
        }
        return Mark{MarkKind::Descriptive, s, 0, 0};
    }
    std::string symbol = lower(s);
    if (is_special(symbol, rules)) return Mark{MarkKind::Special, symbol, 0, 0};
    if (column == ColumnKind::Points) return parse_points(s, max_points, why);
    return parse_scale(s, rules, why);
}

std::optional<int> parse_whole_grade(std::string_view typed) {
    static constexpr std::array<Named, 6> names = {Named{"ndst", "niedostateczny"}, {"dop", "dopuszczający"},
                                                   {"dst", "dostateczny"},          {"db", "dobry"},
                                                   {"bdb", "bardzo dobry"},         {"cel", "celujący"}};
    std::string s = lower(trimmed(typed));
    if (s.size() == 1 && s[0] >= '1' && s[0] <= '6') return s[0] - '0';
    for (std::size_t i = 0; i < names.size(); ++i)
        if (s == names[i].code || s == names[i].full) return static_cast<int>(i) + 1;
    return std::nullopt;
}

std::string_view whole_grade_name(int grade) {
    static constexpr std::array<std::string_view, 6> names = {"niedostateczny", "dopuszczający", "dostateczny",
                                                              "dobry",          "bardzo dobry",  "celujący"};
    return grade >= 1 && grade <= 6 ? names[grade - 1] : std::string_view{};
}

std::optional<std::string> parse_behaviour(std::string_view typed) {
    static constexpr std::array<Named, 6> names = {Named{"wz", "wzorowe"},    {"bdb", "bardzo dobre"},
                                                   {"db", "dobre"},           {"popr", "poprawne"},
                                                   {"ndp", "nieodpowiednie"}, {"ng", "naganne"}};
    std::string s = lower(trimmed(typed));
    for (const auto& n : names)
        if (s == n.code || s == n.full) return std::string(n.code);
    return std::nullopt;
}

}  // namespace kreda::grades
