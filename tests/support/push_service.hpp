// A push service on loopback for the API tests: it takes what the server posts to a device's endpoint (keeping
// the headers and the encrypted body, answering 201 — or 410 Gone for endpoints ending in "/gone"), and a test
// device that subscribes with its own P-256 keys and decrypts what arrives (RFC 8291), as a browser would.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "modules/push/push_crypto.hpp"

namespace kreda::test {

struct ReceivedPush {
    std::string path;
    std::map<std::string, std::string> headers;  //!< names in lower case
    std::string body;
};

class PushService {
  public:
    PushService();  //!< listens on 127.0.0.1, any free port
    ~PushService();
    PushService(const PushService&) = delete;
    PushService& operator=(const PushService&) = delete;

    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    //! The first push to `path` after the first `skip` ones, waiting up to `timeout`.
    std::optional<ReceivedPush> wait_for(const std::string& path, std::size_t skip = 0,
                                         std::chrono::milliseconds timeout = std::chrono::seconds(10));
    std::size_t count(const std::string& path) const;

  private:
    void exchange(int fd);

    int port_ = 0, listen_fd_ = -1;  // this order: the listener sets the port
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::vector<ReceivedPush> pushes_;
    std::thread thread_;
};

//! The push service the API tests' servers may post to (started with the first server).
PushService& push_service();

//! A browser's side of one subscription: its keys, its endpoint on the test push service, and decryption.
struct TestDevice {
    explicit TestDevice(std::string name);
    std::string path;  //!< on the push service, e.g. /push/phone
    push::KeyPair keys;
    std::string auth;  //!< 16 random bytes
    //! What PushSubscription.toJSON() gives: {endpoint, keys: {p256dh, auth}}.
    boost::json::object subscription() const;
    //! The plaintext of an aes128gcm body (RFC 8291, one record), or nothing when it does not open.
    std::optional<std::string> decrypt(const std::string& body) const;
};

}  // namespace kreda::test
