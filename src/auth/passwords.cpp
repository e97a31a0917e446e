#include "auth/passwords.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/json.hpp"

namespace kreda::auth {

namespace {
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19 * 1024 * 1024;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

std::string hash_password(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("argon2id: out of memory");
    return out;
}

bool verify_password(std::string_view encoded_hash, std::string_view password) {
    std::string hash(encoded_hash);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verify_dummy_password(std::string_view password) {
    static const std::string dummy = hash_password("kreda-dummy-password");
    (void)verify_password(dummy, password);
}

std::optional<Text> password_weakness(std::string_view password, std::string_view login) {
    if (json::utf8_length(password) < 8)
        return Text{"Hasło musi mieć co najmniej 8 znaków.", "The password must have at least 8 characters."};
    if (password.size() > 256) return Text{"Hasło jest zbyt długie.", "The password is too long."};
    if (is_common_password(password))
        return Text{"To hasło jest zbyt popularne i łatwe do odgadnięcia. Wybierz inne.",
                    "This password is too common and easy to guess. Choose another."};
    if (!login.empty() && lower_ascii(password).find(lower_ascii(login)) != std::string::npos)
        return Text{"Hasło nie może zawierać loginu.", "The password must not contain the login."};
    return std::nullopt;
}

}  // namespace kreda::auth
