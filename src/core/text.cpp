#include "core/text.hpp"

namespace kreda {

Language language_from_header(std::string_view header) {
    // The first listed language wins; q-values are rarely used by browsers for the primary choice.
    while (!header.empty() && (header.front() == ' ' || header.front() == '\t')) header.remove_prefix(1);
    if (header.size() >= 2 && (header[0] == 'e' || header[0] == 'E') && (header[1] == 'n' || header[1] == 'N'))
        return Language::English;
    return Language::Polish;
}

}  // namespace kreda

namespace kreda {

namespace {

// The Polish alphabet in order; q, v and x sit where the Latin alphabet puts them.
constexpr std::string_view kAlphabet[] = {"a", "ą", "b", "c", "ć", "d", "e", "ę", "f", "g", "h", "i",
                                          "j", "k", "l", "ł", "m", "n", "ń", "o", "ó", "p", "q", "r",
                                          "s", "ś", "t", "u", "v", "w", "x", "y", "z", "ź", "ż"};
constexpr std::string_view kUpper[] = {"A", "Ą", "B", "C", "Ć", "D", "E", "Ę", "F", "G", "H", "I",
                                       "J", "K", "L", "Ł", "M", "N", "Ń", "O", "Ó", "P", "Q", "R",
                                       "S", "Ś", "T", "U", "V", "W", "X", "Y", "Z", "Ź", "Ż"};

}  // namespace

std::string fold_case(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c + 32);
        } else if (i + 1 < out.size()) {
            auto n = static_cast<unsigned char>(out[i + 1]);
            // Ą Ć Ę (C4 84/86/98), Ł Ń Ś Ź Ż (C5 81/83/9A/B9/BB): the lower case is the next code point.
            bool upper = (c == 0xC4 && (n == 0x84 || n == 0x86 || n == 0x98)) ||
                         (c == 0xC5 && (n == 0x81 || n == 0x83 || n == 0x9A || n == 0xB9 || n == 0xBB));
            if (upper) out[i + 1] = static_cast<char>(n + 1);
            if (c == 0xC3 && n == 0x93) out[i + 1] = static_cast<char>(0xB3);  // Ó → ó
            if (c >= 0xC0) ++i;
        }
    }
    return out;
}

std::string polish_sort_key(std::string_view text) {
    std::string key;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = (static_cast<unsigned char>(text[i]) & 0x80) == 0 ? 1 : 2;
        std::string_view letter = text.substr(i, length);
        char rank = 0;
        for (std::size_t k = 0; k < std::size(kAlphabet); ++k)
            if (letter == kAlphabet[k] || letter == kUpper[k]) rank = static_cast<char>(k + 0x20);
        if (rank)
            key.push_back(rank);
        else if (letter == " " || letter == "-")
            key.push_back('\x01');
        else
            key.append(letter);  // digits and other characters keep their byte order after the letters' ranks
        i += length;
    }
    return key;
}

}  // namespace kreda
