#include <gtest/gtest.h>

#include "storage/postgres/postgres_database.hpp"

namespace kreda::storage {
namespace {

TEST(Placeholders, AreNumberedOutsideQuotedText) {
    EXPECT_EQ(number_placeholders("SELECT ? , '?' , \"a?\" FROM t WHERE x = ?"),
              "SELECT $1 , '?' , \"a?\" FROM t WHERE x = $2");
}

}  // namespace
}  // namespace kreda::storage
