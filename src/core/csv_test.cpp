#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace kreda::csv {
namespace {

TEST(Csv, QuotedFieldsWithDelimitersQuotesAndNewlines) {
    auto parsed = parse("a,b\n\"Kowalska, Anna\",\"powiedziała \"\"tak\"\"\"\n\"dwie\nlinie\",x\n");
    ASSERT_EQ(parsed.lines.size(), 3u);
    EXPECT_EQ(parsed.lines[1].fields[0], "Kowalska, Anna");
    EXPECT_EQ(parsed.lines[1].fields[1], "powiedziała \"tak\"");
    EXPECT_EQ(parsed.lines[2].fields[0], "dwie\nlinie");
    EXPECT_EQ(parsed.lines[2].number, 3);
}

TEST(Csv, SemicolonsCrlfByteOrderMarkAndBlankLines) {
    auto parsed = parse(
        "\xEF\xBB\xBF"
        "klasa;imię\r\n\r\n4a;Żaneta\r\n");
    ASSERT_EQ(parsed.lines.size(), 2u);
    EXPECT_EQ(parsed.lines[0].fields[0], "klasa");
    EXPECT_EQ(parsed.lines[1].fields[1], "Żaneta");
    EXPECT_EQ(parsed.lines[1].number, 3) << "line numbers count blank lines too";
}

TEST(Csv, AnUnterminatedQuoteNamesItsLine) {
    auto parsed = parse("a,b\nx,y\n\"never closed,z\n");
    ASSERT_TRUE(parsed.error_line.has_value());
    EXPECT_EQ(*parsed.error_line, 3);
}

}  // namespace
}  // namespace kreda::csv
