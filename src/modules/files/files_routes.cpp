#include "modules/files/files.hpp"
#include "modules/routes_support.hpp"

namespace kreda::files {

void register_routes(http::Router& router, Context& ctx, std::vector<ReadCheck> readers) {
    router.add("POST", "/api/v1/attachments", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(
            upload(ctx, actor, std::string(r.header("content-type")), r.query_param("name").value_or("plik"), r.body),
            201);
    });
    router.add("GET", "/api/v1/attachments/{attachment_id}", [&ctx, readers = std::move(readers)](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        Download file = download(ctx, actor, r.id_param("attachment_id"), readers);
        http::Response response;
        response.content_type = file.content_type;
        response.body = std::move(file.bytes);
        // Always a download, never rendered in our origin; the name in UTF-8 per RFC 6266.
        std::string encoded;
        for (unsigned char c : file.name) {
            static const char* hex = "0123456789ABCDEF";
            if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
                encoded += static_cast<char>(c);
            } else {
                encoded += '%';
                encoded += hex[c >> 4];
                encoded += hex[c & 15];
            }
        }
        response.with_header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
        response.with_header("X-Content-Type-Options", "nosniff");
        response.with_header("Cache-Control", "private, no-store");
        return response;
    });
}

}  // namespace kreda::files
