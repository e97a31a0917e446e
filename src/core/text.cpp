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
constexpr std::string_view kAlphabet[] = {"a", "ą", "b", "c", "ć", "d", "e", "ę", "f", "g", "h", "i", "j",
                                          "k", "l", "ł", "m", "n", "ń", "o", "ó", "p", "q", "r", "s", "ś",
                                          "t", "u", "v", "w", "x", "y", "z", "ź", "ż"};
constexpr std::string_view kUpper[] = {"A", "Ą", "B", "C", "Ć", "D", "E", "Ę", "F", "G", "H", "I", "J",
                                       "K", "L", "Ł", "M", "N", "Ń", "O", "Ó", "P", "Q", "R", "S", "Ś",
                                       "T", "U", "V", "W", "X", "Y", "Z", "Ź", "Ż"};

}  // namespace

std::string polish_sort_key(std::string_view text) {
    std::string key;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = (static_cast<unsigned char>(text[i]) & 0x80) == 0 ? 1 : 2;
        std::string_view letter = text.substr(i, length);
        char rank = 0;
        for (std::size_t k = 0; k < std::size(kAlphabet); ++k)
            if (letter == kAlphabet[k] || letter == kUpper[k]) rank = static_cast<char>(k + 0x20);
        if (rank) key.push_back(rank);
        else if (letter == " " || letter == "-") key.push_back('\x01');
        else key.append(letter);  // digits and other characters keep their byte order after the letters' ranks
        i += length;
    }
    return key;
}

}  // namespace kreda
