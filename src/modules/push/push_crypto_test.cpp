#include "modules/push/push_crypto.hpp"

#include <gtest/gtest.h>

namespace kreda::push {
namespace {

std::string b64(const char* text) {
    return from_base64url(text).value_or("");
}

// RFC 8291 Appendix A: the example's keys, salt and resulting message, byte for byte.
TEST(PushCrypto, EncryptionMatchesTheRfc8291Example) {
    auto sender = key_pair_of(b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"));
    ASSERT_TRUE(sender);
    EXPECT_EQ(base64url(sender->public_key),
              "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
    std::string body =
        encrypt_with("When I grow up, I want to be a watermelon",
                     b64("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
                     b64("BTBZMqHH6r4Tts7J_aSIgg"), *sender, b64("DGv6ra1nlYgDCS1FRnbzlw"));
    EXPECT_EQ(base64url(body),
              "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK"
              "6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
}

TEST(PushCrypto, TheVapidTokenIsSignedForTheEndpointsOrigin) {
    KeyPair vapid = generate_key_pair();
    std::string header =
        vapid_authorization("https://push.example.net:8443/send/abc", vapid, "mailto:a@b.pl", 1900000000);
    ASSERT_EQ(header.rfind("vapid t=", 0), 0u);
    auto comma = header.find(", k=");
    std::string jwt = header.substr(8, comma - 8);
    EXPECT_EQ(header.substr(comma + 4), base64url(vapid.public_key));
    auto last_dot = jwt.rfind('.');
    std::string signing_input = jwt.substr(0, last_dot);
    auto signature = from_base64url(jwt.substr(last_dot + 1));
    ASSERT_TRUE(signature);
    EXPECT_TRUE(verify_es256(vapid.public_key, signing_input, *signature));
    EXPECT_FALSE(verify_es256(generate_key_pair().public_key, signing_input, *signature)) << "another key";
    auto claims = from_base64url(signing_input.substr(signing_input.find('.') + 1));
    ASSERT_TRUE(claims);
    EXPECT_NE(claims->find("\"aud\":\"https://push.example.net:8443\""), std::string::npos) << *claims;
}

TEST(PushCrypto, KeysAreCheckedBeforeUse) {
    EXPECT_FALSE(valid_public_key(std::string(65, '\x04')));
    EXPECT_TRUE(valid_public_key(generate_key_pair().public_key));
    EXPECT_FALSE(key_pair_of(std::string(32, '\0')));
    EXPECT_FALSE(from_base64url("not base64url!"));
    EXPECT_EQ(origin_of("ftp://x/y"), "");
}

}  // namespace
}  // namespace kreda::push
