// Compressing once what many readers get: a body is deflated when it is built, and each answer is one gzip
// member (RFC 1952) of the reader's own few bytes, stored as they are, followed by that shared compressed body.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kreda::gzip {

//! A text compressed once as raw deflate (RFC 1951), with the CRC-32 and length a gzip trailer needs.
struct Deflated {
    std::string data;
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
};

Deflated deflate_once(std::string_view text);

//! One gzip member that decompresses to `prefix` followed by the text behind `body`.
std::string joined(std::string_view prefix, const Deflated& body);

//! The text behind a gzip member; nothing when it is not one or is damaged (for tests and tools).
std::optional<std::string> gunzip(std::string_view member);

}  // namespace kreda::gzip
