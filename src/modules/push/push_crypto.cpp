// P-256 through OpenSSL's EC_KEY interface (deprecated in OpenSSL 3 but complete and much shorter for raw keys),
// HMAC-SHA-256 for HKDF, AES-128-GCM; base64url through libsodium.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "modules/push/push_crypto.hpp"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdh.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <sodium.h>

#include <cstring>
#include <memory>
#include <stdexcept>

#include "core/json.hpp"

namespace kreda::push {

namespace {

struct KeyFree {
    void operator()(EC_KEY* key) const { EC_KEY_free(key); }
};
struct PointFree {
    void operator()(EC_POINT* point) const { EC_POINT_free(point); }
};
struct BnFree {
    void operator()(BIGNUM* bn) const { BN_free(bn); }
};
struct CipherFree {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
struct SigFree {
    void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};
using Key = std::unique_ptr<EC_KEY, KeyFree>;
using Point = std::unique_ptr<EC_POINT, PointFree>;
using Bn = std::unique_ptr<BIGNUM, BnFree>;

const unsigned char* bytes(const std::string& s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

Key new_key() {
    Key key(EC_KEY_new_by_curve_name(NID_X9_62_prime256v1));
    if (!key) throw std::runtime_error("P-256 is not available");
    return key;
}

std::string public_bytes(const EC_KEY* key) {
    std::string out(65, '\0');
    std::size_t n =
        EC_POINT_point2oct(EC_KEY_get0_group(key), EC_KEY_get0_public_key(key), POINT_CONVERSION_UNCOMPRESSED,
                           reinterpret_cast<unsigned char*>(out.data()), out.size(), nullptr);
    out.resize(n);
    return out;
}

Point point_of(const EC_GROUP* group, const std::string& public_key) {
    Point point(EC_POINT_new(group));
    if (public_key.size() != 65 || public_key[0] != 0x04 ||
        EC_POINT_oct2point(group, point.get(), bytes(public_key), public_key.size(), nullptr) != 1 ||
        EC_POINT_is_on_curve(group, point.get(), nullptr) != 1)
        return nullptr;
    return point;
}

Key key_of(const KeyPair& pair) {
    Key key = new_key();
    Bn scalar(BN_bin2bn(bytes(pair.private_key), static_cast<int>(pair.private_key.size()), nullptr));
    EC_KEY_set_private_key(key.get(), scalar.get());
    Point point = point_of(EC_KEY_get0_group(key.get()), pair.public_key);
    if (point) EC_KEY_set_public_key(key.get(), point.get());
    return key;
}

std::string random_bytes(std::size_t n) {
    std::string out(n, '\0');
    randombytes_buf(out.data(), n);
    return out;
}

//! HKDF (RFC 5869) with SHA-256, for outputs of at most 32 bytes: extract, then one expand step.
std::string hkdf(const std::string& salt, const std::string& ikm, const std::string& info, std::size_t length) {
    std::string prk = hmac_sha256(salt, ikm);
    return hmac_sha256(prk, info + '\x01').substr(0, length);
}

}  // namespace

KeyPair generate_key_pair() {
    Key key = new_key();
    if (EC_KEY_generate_key(key.get()) != 1) throw std::runtime_error("cannot generate a P-256 key");
    std::string priv(32, '\0');
    BN_bn2binpad(EC_KEY_get0_private_key(key.get()), reinterpret_cast<unsigned char*>(priv.data()), 32);
    return {priv, public_bytes(key.get())};
}

std::optional<KeyPair> key_pair_of(const std::string& private_key) {
    if (private_key.size() != 32) return std::nullopt;
    Key key = new_key();
    const EC_GROUP* group = EC_KEY_get0_group(key.get());
    Bn scalar(BN_bin2bn(bytes(private_key), 32, nullptr));
    Point point(EC_POINT_new(group));
    if (BN_is_zero(scalar.get()) || EC_POINT_mul(group, point.get(), scalar.get(), nullptr, nullptr, nullptr) != 1 ||
        EC_KEY_set_private_key(key.get(), scalar.get()) != 1 || EC_KEY_set_public_key(key.get(), point.get()) != 1 ||
        EC_KEY_check_key(key.get()) != 1)
        return std::nullopt;
    return KeyPair{private_key, public_bytes(key.get())};
}

bool valid_public_key(const std::string& public_key) {
    Key key = new_key();
    return point_of(EC_KEY_get0_group(key.get()), public_key) != nullptr;
}

std::optional<std::string> ecdh(const KeyPair& mine, const std::string& peer_public) {
    Key key = key_of(mine);
    Point peer = point_of(EC_KEY_get0_group(key.get()), peer_public);
    if (!peer) return std::nullopt;
    std::string secret(32, '\0');
    if (ECDH_compute_key(secret.data(), secret.size(), peer.get(), key.get(), nullptr) != 32) return std::nullopt;
    return secret;
}

std::string hmac_sha256(const std::string& key, const std::string& data) {
    std::string out(32, '\0');
    unsigned int length = 32;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), bytes(data), data.size(),
         reinterpret_cast<unsigned char*>(out.data()), &length);
    return out;
}

std::string encrypt_with(const std::string& plaintext, const std::string& ua_public, const std::string& auth_secret,
                         const KeyPair& ephemeral, const std::string& salt) {
    auto shared = ecdh(ephemeral, ua_public);
    if (!shared) throw std::invalid_argument("the subscription's key is not a P-256 point");
    // RFC 8291 §3.3–3.4: the input keying material mixes in the auth secret and both public keys.
    std::string key_info = std::string("WebPush: info") + '\0' + ua_public + ephemeral.public_key;
    std::string ikm = hkdf(auth_secret, *shared, key_info, 32);
    std::string cek = hkdf(salt, ikm, std::string("Content-Encoding: aes128gcm") + '\0', 16);
    std::string nonce = hkdf(salt, ikm, std::string("Content-Encoding: nonce") + '\0', 12);

    std::string record = plaintext + '\x02';  // the last (and only) record's delimiter, no padding
    std::string sealed(record.size() + 16, '\0');
    std::unique_ptr<EVP_CIPHER_CTX, CipherFree> ctx(EVP_CIPHER_CTX_new());
    int n = 0, total = 0;
    auto* out = reinterpret_cast<unsigned char*>(sealed.data());
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_gcm(), nullptr, bytes(cek), bytes(nonce)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out, &n, bytes(record), static_cast<int>(record.size())) != 1)
        throw std::runtime_error("AES-128-GCM failed");
    total = n;
    if (EVP_EncryptFinal_ex(ctx.get(), out + total, &n) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, out + total + n) != 1)
        throw std::runtime_error("AES-128-GCM failed");

    // RFC 8188 §2.1 header: salt, record size (4096, big-endian), key id length, key id (the sender's key).
    std::string header = salt + std::string("\x00\x00\x10\x00", 4) + static_cast<char>(ephemeral.public_key.size()) +
                         ephemeral.public_key;
    return header + sealed;
}

std::string encrypt(const std::string& plaintext, const std::string& ua_public, const std::string& auth_secret) {
    return encrypt_with(plaintext, ua_public, auth_secret, generate_key_pair(), random_bytes(16));
}

std::string origin_of(const std::string& url) {
    auto scheme = url.find("://");
    if (scheme == std::string::npos) return "";
    std::string name = url.substr(0, scheme);
    if (name != "https" && name != "http") return "";
    auto path = url.find('/', scheme + 3);
    return url.substr(0, path);
}

std::string vapid_authorization(const std::string& endpoint, const KeyPair& vapid, const std::string& subject,
                                std::int64_t expires_at) {
    std::string header = base64url(R"({"typ":"JWT","alg":"ES256"})");
    std::string claims =
        base64url(json::to_string(json::object{{"aud", origin_of(endpoint)}, {"exp", expires_at}, {"sub", subject}}));
    std::string signing_input = header + "." + claims;
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(bytes(signing_input), signing_input.size(), digest);
    Key key = key_of(vapid);
    std::unique_ptr<ECDSA_SIG, SigFree> sig(ECDSA_do_sign(digest, sizeof digest, key.get()));
    if (!sig) throw std::runtime_error("cannot sign the VAPID token");
    std::string raw(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), reinterpret_cast<unsigned char*>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
    return "vapid t=" + signing_input + "." + base64url(raw) + ", k=" + base64url(vapid.public_key);
}

bool verify_es256(const std::string& public_key, const std::string& message, const std::string& signature) {
    if (signature.size() != 64) return false;
    Key key = new_key();
    Point point = point_of(EC_KEY_get0_group(key.get()), public_key);
    if (!point) return false;
    EC_KEY_set_public_key(key.get(), point.get());
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(bytes(message), message.size(), digest);
    std::unique_ptr<ECDSA_SIG, SigFree> sig(ECDSA_SIG_new());
    ECDSA_SIG_set0(sig.get(), BN_bin2bn(bytes(signature), 32, nullptr), BN_bin2bn(bytes(signature) + 32, 32, nullptr));
    return ECDSA_do_verify(digest, sizeof digest, sig.get(), key.get()) == 1;
}

std::string base64url(const std::string& data) {
    std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes(data), data.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::string> from_base64url(const std::string& text) {
    std::string out(text.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &length, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
        return std::nullopt;
    out.resize(length);
    return out;
}

}  // namespace kreda::push
