#include "auth/totp.hpp"

#include <liboath/oath.h>
#include <qrencode.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/crypto.hpp"

namespace kreda::auth {

namespace {

constexpr unsigned kStepSeconds = 30;
constexpr unsigned kDigits = 6;

void ensure_init() {
    static std::once_flag once;
    std::call_once(once, [] { oath_init(); });
}

std::string decode(std::string_view base32) {
    ensure_init();
    char* raw = nullptr;
    size_t length = 0;
    if (oath_base32_decode(base32.data(), base32.size(), &raw, &length) != OATH_OK) return {};
    std::string secret(raw, length);
    free(raw);
    return secret;
}

std::string url_escape(std::string_view text) {
    std::string out;
    const char* hex = "0123456789ABCDEF";
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
            out.push_back(static_cast<char>(c));
        else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

}  // namespace

std::string new_totp_secret() {
    ensure_init();
    std::string raw_hex = crypto::random_hex(20);
    std::string raw;
    for (std::size_t i = 0; i < raw_hex.size(); i += 2)
        raw.push_back(static_cast<char>(std::stoi(raw_hex.substr(i, 2), nullptr, 16)));
    char* encoded = nullptr;
    size_t length = 0;
    if (oath_base32_encode(raw.data(), raw.size(), &encoded, &length) != OATH_OK)
        throw std::runtime_error("base32 encoding failed");
    std::string secret(encoded, length);
    free(encoded);
    return secret;
}

std::optional<std::int64_t> totp_step_of(std::string_view base32_secret, std::string_view code, std::int64_t now) {
    if (code.size() != kDigits) return std::nullopt;
    for (char c : code)
        if (c < '0' || c > '9') return std::nullopt;
    std::string secret = decode(base32_secret);
    if (secret.empty()) return std::nullopt;
    int position = 0;
    std::string otp(code);
    int rc = oath_totp_validate2(secret.data(), secret.size(), static_cast<time_t>(now), kStepSeconds, 0, 1, &position,
                                 otp.c_str());
    if (rc < 0) return std::nullopt;
    return now / kStepSeconds + position;
}

std::string totp_code(std::string_view base32_secret, std::int64_t now) {
    std::string secret = decode(base32_secret);
    char out[kDigits + 1] = {};
    oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(now), kStepSeconds, 0, kDigits, out);
    return out;
}

std::string otpauth_uri(std::string_view login, std::string_view base32_secret) {
    return "otpauth://totp/Kreda:" + url_escape(login) + "?secret=" + std::string(base32_secret) +
           "&issuer=Kreda&algorithm=SHA1&digits=6&period=30";
}

std::string qr_svg(std::string_view text) {
    std::string input(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) throw std::runtime_error("QR encoding failed");
    const int width = code->width, border = 4, size = width + 2 * border;
    std::string path;
    for (int y = 0; y < width; ++y)
        for (int x = 0; x < width; ++x)
            if (code->data[y * width + x] & 1)
                path += "M" + std::to_string(x + border) + " " + std::to_string(y + border) + "h1v1h-1z";
    std::string s = std::to_string(size);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + s + " " + s +
           "\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"QR\" shape-rendering=\"crispEdges\">"
           "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" +
           path + "\"/></svg>";
}

}  // namespace kreda::auth
