// Random tokens and digests (libsodium and OpenSSL behind a small interface).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kreda::crypto {

//! Initialises libsodium; call once at start.
void init();
//! A random token of the given number of bytes, hex encoded.
std::string random_hex(std::size_t bytes);
//! A random string of `length` characters drawn uniformly from `alphabet`.
std::string random_string(std::size_t length, std::string_view alphabet);
//! A uniform random number in [0, upper_bound).
std::uint32_t random_below(std::uint32_t upper_bound);
//! SHA-256 of the input, hex encoded.
std::string sha256_hex(std::string_view input);
//! Constant-time comparison of two strings of equal length.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace kreda::crypto
