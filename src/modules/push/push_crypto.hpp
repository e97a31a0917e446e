// The cryptography of Web Push: P-256 keys, the message encryption of RFC 8291 (aes128gcm, RFC 8188) and the
// VAPID signature of RFC 8292 (an ES256 JWT). Byte strings are std::string; keys are raw (a 32-byte private
// scalar, a 65-byte uncompressed public point).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace kreda::push {

struct KeyPair {
    std::string private_key;  //!< 32 bytes
    std::string public_key;   //!< 65 bytes, 0x04 || x || y
};

KeyPair generate_key_pair();
//! The key pair of a private scalar; none when it is not a valid P-256 private key.
std::optional<KeyPair> key_pair_of(const std::string& private_key);
//! Whether the bytes are an uncompressed point on P-256.
bool valid_public_key(const std::string& public_key);

//! ECDH on P-256: the shared secret's x coordinate (32 bytes); none when the peer's point is invalid.
std::optional<std::string> ecdh(const KeyPair& mine, const std::string& peer_public);
std::string hmac_sha256(const std::string& key, const std::string& data);

//! One aes128gcm record (RFC 8291 §3.4) of `plaintext` for a subscription's p256dh key and auth secret, from the
//! sender's ephemeral key pair and a 16-byte salt (both random in `encrypt`, fixed only to test the RFC example).
std::string encrypt_with(const std::string& plaintext, const std::string& ua_public, const std::string& auth_secret,
                         const KeyPair& ephemeral, const std::string& salt);
std::string encrypt(const std::string& plaintext, const std::string& ua_public, const std::string& auth_secret);

//! `Authorization: vapid t=<JWT>, k=<public key>` for a push service's endpoint (the JWT's `aud` is its origin).
std::string vapid_authorization(const std::string& endpoint, const KeyPair& vapid, const std::string& subject,
                                std::int64_t expires_at);
//! Verifies an ES256 signature (64 bytes r || s) of `message` with a public key.
bool verify_es256(const std::string& public_key, const std::string& message, const std::string& signature);

//! The origin of a URL ("https://host:port"), or empty when it is not an http(s) URL.
std::string origin_of(const std::string& url);

std::string base64url(const std::string& bytes);
std::optional<std::string> from_base64url(const std::string& text);

}  // namespace kreda::push
