// Web Push over HTTP to a real push service on loopback: a device subscribes with its own keys; a grade for the
// child of a parent who chose push arrives encrypted for that device (RFC 8291) with a VAPID token the service
// can verify (RFC 8292); a device the service says is gone is forgotten; only known push services are accepted.
#include "support/notifications_scenario.hpp"
#include "support/push_service.hpp"

namespace kreda::test {
namespace {

class WebPush : public NotificationScenario {
  protected:
    //! The JWT in `Authorization: vapid t=…, k=…` verified with the server's public key; its claims.
    static boost::json::object verified_claims(const ReceivedPush& received, const std::string& server_key) {
        const std::string& header = received.headers.at("authorization");
        EXPECT_EQ(header.rfind("vapid t=", 0), 0u) << header;
        auto comma = header.find(", k=");
        EXPECT_EQ(header.substr(comma + 4), server_key) << "the key the browser subscribed with";
        std::string jwt = header.substr(8, comma - 8);
        std::string signed_part = jwt.substr(0, jwt.rfind('.'));
        auto signature = push::from_base64url(jwt.substr(jwt.rfind('.') + 1)).value_or("");
        EXPECT_TRUE(push::verify_es256(push::from_base64url(server_key).value_or(""), signed_part, signature))
            << "the VAPID signature does not verify";
        auto claims = push::from_base64url(signed_part.substr(signed_part.find('.') + 1)).value_or("{}");
        return boost::json::parse(claims).as_object();
    }
};

TEST_F(WebPush, AGradeArrivesEncryptedForTheDeviceWithAVerifiableVapidToken) {
    auto key = server().client().get("/api/v1/push/key");
    ASSERT_EQ(key.status, 200) << key;
    std::string server_key = text_of(key.json(), "public_key");
    EXPECT_EQ(push::from_base64url(server_key).value_or("").size(), 65u);
    EXPECT_EQ(text_of(server().client().get("/api/v1/push/key").json(), "public_key"), server_key) << "one key pair";

    HttpClient parent = as(no_email_);
    TestDevice phone("telefon-rodzica");
    auto subscribed = parent.post("/api/v1/me/push-subscriptions", phone.subscription());
    ASSERT_EQ(subscribed.status, 201) << subscribed;
    ASSERT_EQ(parent.put("/api/v1/me/notifications", object{{"channels", object{{"grades", "push"}}}}).status, 200)
        << "push needs no e-mail address";

    grade(no_email_, "Fotosynteza");
    auto received = push_service().wait_for(phone.path);
    ASSERT_TRUE(received) << "no push arrived";
    EXPECT_EQ(received->headers.at("content-encoding"), "aes128gcm");
    EXPECT_EQ(received->headers.at("ttl"), "86400");
    EXPECT_EQ(received->body.find("Biologia"), std::string::npos) << "the payload travels encrypted";
    auto claims = verified_claims(*received, server_key);
    EXPECT_EQ(claims.at("aud").as_string(), push_service().url(""));
    EXPECT_GT(claims.at("exp").as_int64(), std::time(nullptr));
    auto plain = phone.decrypt(received->body);
    ASSERT_TRUE(plain) << "the device cannot decrypt the push";
    auto payload = boost::json::parse(*plain).as_object();
    EXPECT_EQ(payload.at("body").as_string(), "Nowa ocena z przedmiotu Biologia: 5") << *plain;
    EXPECT_EQ(payload.at("url").as_string(), "/timeline");

    grade(mailed_, "Oddychanie komórkowe");  // another family's child: nothing for this device
    grade(no_email_, "Chloroplasty");        // once this one has come, the one before was passed over
    ASSERT_TRUE(push_service().wait_for(phone.path, 1));
    EXPECT_EQ(push_service().count(phone.path), 2u) << "a push about another family's child";
}

TEST_F(WebPush, ADeviceThePushServiceCallsGoneIsForgotten) {
    HttpClient parent = as(quiet_);
    TestDevice gone("gone");
    ASSERT_EQ(parent.post("/api/v1/me/push-subscriptions", gone.subscription()).status, 201);
    ASSERT_EQ(parent.get("/api/v1/me/push-subscriptions").json().at("items").as_array().size(), 1u);
    ASSERT_EQ(parent.put("/api/v1/me/notifications", object{{"channels", object{{"grades", "push"}}}}).status, 200);
    grade(quiet_, "Mitoza");
    ASSERT_TRUE(push_service().wait_for(gone.path));
    std::size_t left = 1;
    for (int i = 0; i < 50 && left != 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        left = parent.get("/api/v1/me/push-subscriptions").json().at("items").as_array().size();
    }
    EXPECT_EQ(left, 0u) << "a 410 Gone must remove the subscription";
}

TEST_F(WebPush, OnlyKnownPushServicesAndValidKeysAreAccepted) {
    HttpClient parent = as(digest_);
    TestDevice device("sprawdzany");
    auto elsewhere = device.subscription();
    elsewhere["endpoint"] = "http://10.0.0.7/push/x";
    auto refused = parent.post("/api/v1/me/push-subscriptions", elsewhere);
    EXPECT_EQ(refused.status, 422) << "the server must not post to any address a user names";
    EXPECT_NE(refused.body.find("endpoint"), std::string::npos);
    auto bad_key = device.subscription();
    bad_key["keys"].as_object()["p256dh"] = push::base64url(std::string(65, '\x04'));
    bad_key["keys"].as_object()["auth"] = "krotki";
    auto invalid = parent.post("/api/v1/me/push-subscriptions", bad_key);
    EXPECT_EQ(invalid.status, 422);
    EXPECT_NE(invalid.body.find("keys.p256dh"), std::string::npos) << invalid;
    EXPECT_NE(invalid.body.find("keys.auth"), std::string::npos) << invalid;

    auto id = id_of(parent.post("/api/v1/me/push-subscriptions", device.subscription()).json());
    HttpClient other = as(mailed_);
    EXPECT_EQ(other.del("/api/v1/me/push-subscriptions/" + std::to_string(id)).status, 404) << "not theirs";
    EXPECT_EQ(parent.del("/api/v1/me/push-subscriptions/" + std::to_string(id)).status, 204);
}

}  // namespace
}  // namespace kreda::test
