// Web Push over HTTP to a real push service on loopback: a device subscribes with its own keys; a grade for the
// child of a parent who chose push arrives encrypted for that device (RFC 8291) with a VAPID token the service
// can verify (RFC 8292); a device the service says is gone is forgotten; only known push services are accepted;
// signing a device out (or every other device, with a new password) silences it, timing out does not.
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

//! The ids of the account's devices, as GET /me/push-subscriptions lists them, oldest first.
std::vector<std::int64_t> device_ids(HttpClient& client) {
    std::vector<std::int64_t> ids;
    auto listed = client.get("/api/v1/me/push-subscriptions");
    EXPECT_EQ(listed.status, 200) << listed;
    auto body = listed.json();  // ranging over a temporary's member would outlive it
    for (const auto& item : body.at("items").as_array()) ids.push_back(item.at("id").as_int64());
    return ids;
}

TEST_F(WebPush, SigningOutSilencesTheDevicesOfThatSessionAndTheBrowserItNames) {
    Family family = new_family();
    HttpClient laptop = as(family), phone = as(family);
    TestDevice laptop_browser("laptop-signout"), phone_browser("phone-signout"), shared("shared-signout");
    ASSERT_EQ(laptop.post("/api/v1/me/push-subscriptions", laptop_browser.subscription()).status, 201);
    auto phone_id = id_of(phone.post("/api/v1/me/push-subscriptions", phone_browser.subscription()).json());
    // The shared computer's browser, subscribed for this account in a session long gone, and for another family.
    ASSERT_EQ(as(family).post("/api/v1/me/push-subscriptions", shared.subscription()).status, 201);
    HttpClient neighbour = as(mailed_);
    auto neighbours = id_of(neighbour.post("/api/v1/me/push-subscriptions", shared.subscription()).json());
    ASSERT_EQ(device_ids(phone).size(), 3u);

    HttpClient stray = as(family);
    EXPECT_EQ(stray.post("/api/v1/auth/logout", object{{"push_endpoint", 7}}).status, 204)
        << "a malformed hint does not keep a session signed in";
    EXPECT_EQ(stray.get("/api/v1/me").status, 401);
    ASSERT_EQ(device_ids(laptop).size(), 3u) << "and silences nothing";
    auto endpoint = shared.subscription().at("endpoint");
    ASSERT_EQ(laptop.post("/api/v1/auth/logout", object{{"push_endpoint", endpoint}}).status, 204);
    EXPECT_EQ(laptop.get("/api/v1/me").status, 401);
    EXPECT_EQ(device_ids(phone), std::vector<std::int64_t>{phone_id})
        << "the laptop's device and the named browser's subscription for this account are gone";
    EXPECT_EQ(device_ids(neighbour), std::vector<std::int64_t>{neighbours}) << "another account's is not";

    ASSERT_EQ(phone.post("/api/v1/auth/logout", object{}).status, 204);
    HttpClient later = as(family);
    EXPECT_TRUE(device_ids(later).empty()) << "the phone's session subscribed it";
}

TEST_F(WebPush, ANewPasswordSilencesEveryOtherDevice) {
    Family family = new_family();
    HttpClient thief = as(family), owner = as(family);
    TestDevice thiefs("thiefs-browser"), owners("owners-phone");
    ASSERT_EQ(thief.post("/api/v1/me/push-subscriptions", thiefs.subscription()).status, 201);
    auto kept = id_of(owner.post("/api/v1/me/push-subscriptions", owners.subscription()).json());
    ASSERT_EQ(owner.put("/api/v1/me/notifications", object{{"channels", object{{"grades", "push"}}}}).status, 200);

    std::string password = "Nowe-Haslo-Rodzica-2026";
    auto changed = owner.post("/api/v1/auth/password", object{{"current_password", passwords_.at(family.parent_login)},
                                                              {"new_password", password}});
    ASSERT_EQ(changed.status, 200) << changed;
    passwords_[family.parent_login] = password;
    EXPECT_EQ(thief.get("/api/v1/me").status, 401);
    EXPECT_EQ(device_ids(owner), std::vector<std::int64_t>{kept});

    grade(family, "Po zmianie hasła");
    ASSERT_TRUE(push_service().wait_for(owners.path)) << "the owner's phone still hears the account";
    EXPECT_EQ(push_service().count(thiefs.path), 0u) << "whoever knew the old password hears nothing";
}

TEST_F(WebPush, ASessionThatTimesOutKeepsItsDevices) {
    Family family = new_family();
    HttpClient browser = as(family);
    TestDevice device("timed-out");
    auto id = id_of(browser.post("/api/v1/me/push-subscriptions", device.subscription()).json());
    advance(2 * 3600);  // a parent's browser session ends after an hour without use
    EXPECT_EQ(browser.get("/api/v1/me").status, 401);
    HttpClient again = as(family);
    EXPECT_EQ(device_ids(again), std::vector<std::int64_t>{id}) << "the device still hears the account";
}

}  // namespace
}  // namespace kreda::test
