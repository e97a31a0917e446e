// CSV as spreadsheets write it (RFC 4180): quoted fields, doubled quotes, CRLF or LF, a UTF-8 byte-order mark,
// and a semicolon delimiter where the header uses one (Polish Excel does).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kreda::csv {

struct Line {
    int number;  //!< 1-based line number in the file where the record starts
    std::vector<std::string> fields;
};

struct Parsed {
    std::vector<Line> lines;
    std::optional<int> error_line;  //!< an unterminated quote starting on this line
};

//! Splits text into records; blank lines are skipped.
Parsed parse(std::string_view text);

}  // namespace kreda::csv
