#include "auth/passwords.hpp"

#include <gtest/gtest.h>

#include "auth/totp.hpp"
#include "core/crypto.hpp"

namespace kreda::auth {
namespace {

TEST(Passwords, HashVerifiesOnlyTheSamePassword) {
    crypto::init();
    std::string hash = hash_password("Zażółć gęślą jaźń");
    EXPECT_TRUE(hash.rfind("$argon2id$", 0) == 0);
    EXPECT_TRUE(verify_password(hash, "Zażółć gęślą jaźń"));
    EXPECT_FALSE(verify_password(hash, "zażółć gęślą jaźń"));
}

TEST(Passwords, ShortCommonAndLoginLikePasswordsAreRefused) {
    EXPECT_TRUE(password_weakness("krótkie", "1234567").has_value());
    EXPECT_TRUE(password_weakness("zaq12wsx", "1234567").has_value());
    EXPECT_TRUE(password_weakness("Password123", "1234567").has_value());
    EXPECT_TRUE(password_weakness("xx1234567xx", "1234567").has_value());
    EXPECT_FALSE(password_weakness("lipowa-aleja-7", "1234567").has_value());
}

TEST(Passwords, LengthCountsCharactersNotBytes) {
    EXPECT_TRUE(password_weakness("ąęśćżźół", "x").has_value() == false);  // 8 letters, 16 bytes
    EXPECT_TRUE(password_weakness("ąęśćżźó", "x").has_value());            // 7 letters
}

TEST(Totp, CodeForNowIsAcceptedOnceWindowAndWrongCodesAreNot) {
    std::string secret = new_totp_secret();
    std::int64_t now = 1'800'000'000;
    auto step = totp_step_of(secret, totp_code(secret, now), now);
    ASSERT_TRUE(step.has_value());
    EXPECT_EQ(*step, now / 30);
    EXPECT_TRUE(totp_step_of(secret, totp_code(secret, now - 30), now).has_value());
    EXPECT_FALSE(totp_step_of(secret, totp_code(secret, now - 120), now).has_value());
    EXPECT_FALSE(totp_step_of(secret, "12345a", now).has_value());
}

TEST(Totp, EnrolmentQrIsAnSvgImage) {
    std::string svg = qr_svg(otpauth_uri("jan.kowalski", new_totp_secret()));
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    EXPECT_NE(svg.find("<path"), std::string::npos);
}

}  // namespace
}  // namespace kreda::auth
