#include "core/gzip.hpp"

#include <gtest/gtest.h>

namespace kreda::gzip {
namespace {

TEST(Gzip, APrefixAndASharedBodyDecompressToBoth) {
    std::string body;
    for (int i = 0; i < 2000; ++i)
        body += "{\"subject\":\"Matematyka\",\"value\":\"" + std::to_string(i % 6 + 1) + "\"},";
    Deflated shared = deflate_once(body);
    EXPECT_LT(shared.data.size(), body.size() / 5) << "a repetitive view compresses well";
    for (std::string prefix : {std::string(), std::string("{\"seen_at\":null,"), std::string(70000, 'x')}) {
        auto member = joined(prefix, shared);
        EXPECT_EQ(gunzip(member), prefix + body) << "prefix of " << prefix.size() << " bytes";
    }
    EXPECT_EQ(gunzip(joined("ż", deflate_once(""))), "ż");
}

TEST(Gzip, ADamagedMemberIsNotText) {
    auto member = joined("{\"seen_at\":null,", deflate_once("\"a\":1}"));
    member[member.size() - 6] ^= 1;  // the CRC no longer matches
    EXPECT_EQ(gunzip(member), std::nullopt);
    EXPECT_EQ(gunzip("not gzip"), std::nullopt);
}

}  // namespace
}  // namespace kreda::gzip
