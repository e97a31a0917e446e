#include "core/text.hpp"

#include <gtest/gtest.h>

namespace kreda {
namespace {

TEST(FoldCase, LowersAsciiAndPolishLetters) {
    EXPECT_EQ(fold_case("ZAŻÓŁĆ GĘŚLĄ JAŹŃ"), "zażółć gęślą jaźń");
    EXPECT_EQ(fold_case("Wycieczka do Łodzi, 12.05"), "wycieczka do łodzi, 12.05");
    EXPECT_EQ(fold_case("już małe"), "już małe");
    EXPECT_EQ(fold_case(""), "");
}

TEST(FoldCase, LeavesOtherBytesAlone) {
    EXPECT_EQ(fold_case("Ünïcode ✓"), "Ünïcode ✓");
    std::string broken = "A\xC4";  // a sequence cut short
    EXPECT_EQ(fold_case(broken), "a\xC4");
}

}  // namespace
}  // namespace kreda
