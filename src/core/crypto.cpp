#include "core/crypto.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace kreda::crypto {

void init() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string random_hex(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

std::string random_string(std::size_t length, std::string_view alphabet) {
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i)
        out.push_back(alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))]);
    return out;
}

std::uint32_t random_below(std::uint32_t upper_bound) {
    return randombytes_uniform(upper_bound);
}

std::string sha256_hex(std::string_view input) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha256(), nullptr);
    std::string hex(length * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest, length);
    hex.pop_back();
    return hex;
}

bool equal_constant_time(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace kreda::crypto
