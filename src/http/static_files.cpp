#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace kreda::http {

namespace {

std::string content_type_for(const std::filesystem::path& path) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".webmanifest", "application/manifest+json"},
        {".txt", "text/plain; charset=utf-8"},
    };
    auto it = types.find(path.extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

Response StaticFiles::serve(const Request& request) const {
    if (request.method != "GET" && request.method != "HEAD") throw errors::not_found();
    std::string relative = request.path.substr(1);
    if (relative.empty()) relative = "index.html";
    // Refuse anything that could climb out of the web root.
    if (relative.find("..") != std::string::npos || relative.find('\\') != std::string::npos || relative.front() == '/')
        throw errors::not_found();
    std::filesystem::path file = root_ / relative;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        // An app route (no file extension) gets the app; a missing asset is a real 404.
        if (std::filesystem::path(relative).has_extension()) throw errors::not_found();
        file = root_ / "index.html";
    }
    Response response;
    response.content_type = content_type_for(file);
    bool immutable = relative.rfind("assets/", 0) == 0;
    response.with_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    response.with_header("Vary", "Accept-Encoding");
    for (auto [coding, suffix] : {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
        if (!request.accepts_encoding(coding)) continue;
        if (auto compressed = read_file(file.string() + suffix)) {
            response.body = std::move(*compressed);
            response.with_header("Content-Encoding", coding);
            return response;
        }
    }
    auto plain = read_file(file);
    if (!plain) throw errors::not_found();
    response.body = std::move(*plain);
    return response;
}

}  // namespace kreda::http
