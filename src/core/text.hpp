// A user-facing text in both of Kreda's languages.
#pragma once

#include <string>
#include <string_view>

namespace kreda {

enum class Language { Polish, English };

struct Text {
    std::string pl;
    std::string en;

    const std::string& in(Language language) const { return language == Language::English ? en : pl; }
};

//! The language stored as a code ("pl", "en"): English only for "en".
inline Language language_from_code(std::string_view code) {
    return code == "en" ? Language::English : Language::Polish;
}

//! Picks the language from an Accept-Language header: English only when it is preferred, Polish otherwise.
Language language_from_header(std::string_view accept_language);

}  // namespace kreda

namespace kreda {

//! A key that sorts Polish names alphabetically: a < ą < b < c < ć …, ignoring case ("Łukasz" after "Lucyna").
std::string polish_sort_key(std::string_view text);
//! Lower case for searching: ASCII and the Polish letters (Ą→ą … Ż→ż); other bytes unchanged.
std::string fold_case(std::string_view text);

}  // namespace kreda
