#include "core/csv.hpp"

namespace kreda::csv {

namespace {

char delimiter_of(std::string_view text) {
    auto end = text.find('\n');
    std::string_view header = text.substr(0, end);
    return header.find(';') != std::string_view::npos ? ';' : ',';
}

bool blank(const Line& line) {
    return line.fields.size() == 1 && line.fields[0].empty();
}

}  // namespace

Parsed parse(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    char delimiter = delimiter_of(text);
    Parsed parsed;
    Line current{1, {""}};
    int line_number = 1;
    bool quoted = false;
    int quote_started = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                current.fields.back().push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line_number;
                current.fields.back().push_back(c);
            }
        } else if (c == '"' && current.fields.back().empty()) {
            quoted = true;
            quote_started = line_number;
        } else if (c == delimiter) {
            current.fields.emplace_back();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (!blank(current)) parsed.lines.push_back(std::move(current));
            ++line_number;
            current = Line{line_number, {""}};
        } else {
            current.fields.back().push_back(c);
        }
    }
    if (quoted)
        parsed.error_line = quote_started;
    else if (!blank(current))
        parsed.lines.push_back(std::move(current));
    return parsed;
}

}  // namespace kreda::csv
