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
