#include "support/push_service.hpp"

#include <openssl/evp.h>
#include <poll.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

#include "support/loopback.hpp"

namespace kreda::test {

namespace {

//! Reads until `buffer` holds `size` bytes (or the peer is gone or silent for 10 s).
bool fill(int fd, std::string& buffer, std::size_t size) {
    while (buffer.size() < size) {
        pollfd waiting{fd, POLLIN, 0};
        if (::poll(&waiting, 1, 10000) <= 0) return false;
        char chunk[8192];
        ssize_t got = ::recv(fd, chunk, sizeof chunk, 0);
        if (got <= 0) return false;
        buffer.append(chunk, static_cast<std::size_t>(got));
    }
    return true;
}

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string hkdf(const std::string& salt, const std::string& ikm, const std::string& info, std::size_t length) {
    return push::hmac_sha256(push::hmac_sha256(salt, ikm), info + '\x01').substr(0, length);
}

}  // namespace

PushService::PushService() : listen_fd_(listen_on_loopback(port_)) {
    thread_ = std::thread([this] { accept_each(listen_fd_, stopping_, [this](int fd) { exchange(fd); }); });
}

PushService::~PushService() {
    stopping_ = true;
    close_listener(listen_fd_);
    thread_.join();
}

void PushService::exchange(int fd) {
    std::string buffer;
    std::size_t head_end = std::string::npos;
    while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos)
        if (!fill(fd, buffer, buffer.size() + 1)) return;
    ReceivedPush push;
    std::string head = buffer.substr(0, head_end);
    auto first = head.find("\r\n");
    std::string request_line = head.substr(0, first);
    push.path = request_line.substr(request_line.find(' ') + 1);
    push.path = push.path.substr(0, push.path.find(' '));
    for (auto at = first; at != std::string::npos && at < head.size();) {
        auto next = head.find("\r\n", at + 2);
        std::string line = head.substr(at + 2, next == std::string::npos ? std::string::npos : next - at - 2);
        if (auto colon = line.find(':'); colon != std::string::npos)
            push.headers[lower(line.substr(0, colon))] = line.substr(line.find_first_not_of(' ', colon + 1));
        at = next;
    }
    std::size_t length = std::stoul(push.headers.count("content-length") ? push.headers["content-length"] : "0");
    if (!fill(fd, buffer, head_end + 4 + length)) return;
    push.body = buffer.substr(head_end + 4, length);
    bool gone = push.path.size() >= 5 && push.path.substr(push.path.size() - 5) == "/gone";
    {
        std::lock_guard guard(mutex_);
        pushes_.push_back(push);
    }
    std::string answer = gone ? "HTTP/1.1 410 Gone\r\n" : "HTTP/1.1 201 Created\r\n";
    answer += "Content-Length: 0\r\nConnection: close\r\n\r\n";
    ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
}

std::optional<ReceivedPush> PushService::wait_for(const std::string& path, std::size_t skip,
                                                  std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        {
            std::lock_guard guard(mutex_);
            std::size_t seen = 0;
            for (const auto& p : pushes_)
                if (p.path == path && seen++ == skip) return p;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return std::nullopt;
}

std::size_t PushService::count(const std::string& path) const {
    std::lock_guard guard(mutex_);
    std::size_t n = 0;
    for (const auto& p : pushes_) n += p.path == path;
    return n;
}

PushService& push_service() {
    static PushService service;
    return service;
}

TestDevice::TestDevice(std::string name) : path("/push/" + std::move(name)), keys(push::generate_key_pair()) {
    auth.resize(16);
    randombytes_buf(auth.data(), auth.size());
}

boost::json::object TestDevice::subscription() const {
    return {{"endpoint", push_service().url(path)},
            {"keys", {{"p256dh", push::base64url(keys.public_key)}, {"auth", push::base64url(auth)}}}};
}

std::optional<std::string> TestDevice::decrypt(const std::string& body) const {
    if (body.size() < 21) return std::nullopt;
    std::string salt = body.substr(0, 16);
    std::size_t id_length = static_cast<unsigned char>(body[20]);
    if (body.size() < 21 + id_length + 16) return std::nullopt;
    std::string sender = body.substr(21, id_length);
    std::string sealed = body.substr(21 + id_length);
    auto shared = push::ecdh(keys, sender);
    if (!shared) return std::nullopt;
    std::string ikm = hkdf(auth, *shared, std::string("WebPush: info") + '\0' + keys.public_key + sender, 32);
    std::string cek = hkdf(salt, ikm, std::string("Content-Encoding: aes128gcm") + '\0', 16);
    std::string nonce = hkdf(salt, ikm, std::string("Content-Encoding: nonce") + '\0', 12);

    std::string cipher = sealed.substr(0, sealed.size() - 16), tag = sealed.substr(sealed.size() - 16);
    std::string plain(cipher.size(), '\0');
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    auto* in = reinterpret_cast<const unsigned char*>(cipher.data());
    auto* out = reinterpret_cast<unsigned char*>(plain.data());
    int n = 0;
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_128_gcm(), nullptr, reinterpret_cast<const unsigned char*>(cek.data()),
                           reinterpret_cast<const unsigned char*>(nonce.data())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), out, &n, in, static_cast<int>(cipher.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), out + n, &n) != 1)
        return std::nullopt;
    while (!plain.empty() && plain.back() == '\0') plain.pop_back();   // padding
    if (plain.empty() || plain.back() != '\x02') return std::nullopt;  // the last record's delimiter
    plain.pop_back();
    return plain;
}

}  // namespace kreda::test
