#include "core/gzip.hpp"

#include <zlib.h>

#include <stdexcept>

namespace kreda::gzip {

namespace {

void put_le32(std::string& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint32_t crc_of(std::string_view text) {
    return static_cast<std::uint32_t>(
        crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(text.data()), static_cast<uInt>(text.size())));
}

}  // namespace

Deflated deflate_once(std::string_view text) {
    z_stream stream{};
    if (deflateInit2(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflate: cannot start");
    Deflated out;
    out.data.resize(deflateBound(&stream, static_cast<uLong>(text.size())));
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data.data());
    stream.avail_out = static_cast<uInt>(out.data.size());
    int result = deflate(&stream, Z_FINISH);  // the bound guarantees one call finishes
    out.data.resize(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("deflate: did not finish");
    out.crc = crc_of(text);
    out.size = text.size();
    return out;
}

std::string joined(std::string_view prefix, const Deflated& body) {
    std::string out = {'\x1f', '\x8b', '\x08', '\0', '\0', '\0', '\0', '\0', '\0', '\xff'};  // no name, no time
    out.reserve(out.size() + prefix.size() + body.data.size() + 32);
    // The prefix as stored blocks that are not the last (BFINAL 0, BTYPE 00, byte-aligned), each up to 65535
    // bytes; the body's own blocks follow from a byte boundary and end the stream.
    for (std::size_t at = 0; at < prefix.size(); at += 65535) {
        auto part = prefix.substr(at, 65535);
        auto length = static_cast<std::uint16_t>(part.size());
        out.push_back('\0');
        out.push_back(static_cast<char>(length & 0xff));
        out.push_back(static_cast<char>(length >> 8));
        out.push_back(static_cast<char>(~length & 0xff));
        out.push_back(static_cast<char>((~length >> 8) & 0xff));
        out.append(part);
    }
    out += body.data;
    auto crc = static_cast<std::uint32_t>(crc32_combine(crc_of(prefix), body.crc, static_cast<z_off_t>(body.size)));
    put_le32(out, crc);
    put_le32(out, static_cast<std::uint32_t>((prefix.size() + body.size) & 0xffffffffu));
    return out;
}

std::optional<std::string> gunzip(std::string_view member) {
    z_stream stream{};
    if (inflateInit2(&stream, 16 + 15) != Z_OK) return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(member.data()));
    stream.avail_in = static_cast<uInt>(member.size());
    std::string out;
    int result = Z_OK;
    char buffer[16384];
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    bool whole = result == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    if (!whole) return std::nullopt;
    return out;
}

}  // namespace kreda::gzip
