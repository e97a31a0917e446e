// GET /dev/mail: the outbox as a page, for the demo (`--dev-mail`), where no mail leaves the machine.
#include "core/clock.hpp"
#include "modules/mail/mail.hpp"
#include "modules/routes_support.hpp"

namespace kreda::mail {

namespace {

std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '&')
            out += "&amp;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}

//! Addresses in a body become links (a reset link is what one opens from the demo's mailbox).
std::string with_links(const std::string& escaped) {
    std::string out;
    for (std::size_t at = 0; at < escaped.size();) {
        auto start = escaped.find("http", at);
        if (start == std::string::npos) {
            out += escaped.substr(at);
            break;
        }
        auto end = escaped.find_first_of(" \n", start);
        if (end == std::string::npos) end = escaped.size();
        std::string url = escaped.substr(start, end - start);
        out += escaped.substr(at, start - at) + "<a href=\"" + url + "\">" + url + "</a>";
        at = end;
    }
    return out;
}

}  // namespace

void register_routes(http::Router& router, Context& ctx) {
    if (!ctx.settings.dev_mail) return;
    router.add("GET", "/dev/mail", [&ctx](http::Request&) {
        auto tx = ctx.db.begin(storage::Access::Read);
        std::string page =
            "<!doctype html><html lang=\"pl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
            "content=\"width=device-width\"><title>Poczta demo — Kreda</title><style>body{font:16px system-ui;"
            "max-width:48rem;margin:1rem auto;padding:0 1rem}article{border-bottom:1px solid #999;padding:.5rem 0}"
            "pre{white-space:pre-wrap}</style></head><body><main><h1>Poczta demo / Demo mail</h1>"
            "<p>Wiadomości, które Kreda wysłałaby w prawdziwej szkole. / Mail Kreda would send in a real school.</p>";
        auto rows = tx->query(
            "SELECT id, to_address, subject, body, created_at FROM mail_outbox ORDER BY id DESC "
            "LIMIT 50");
        if (rows.empty()) page += "<p>Pusto. / Empty.</p>";
        for (const auto& r : rows)
            page += "<article><h2>" + escape(r[2].as_text()) + "</h2><p>Do / To: " + escape(r[1].as_text()) + " · " +
                    format_instant(r[4].as_int()) + "</p><pre>" + with_links(escape(r[3].as_text())) +
                    "</pre></article>";
        page += "</main></body></html>";
        http::Response response;
        response.content_type = "text/html; charset=utf-8";
        response.body = std::move(page);
        response.with_header("Cache-Control", "no-store");
        return response;
    });
}

}  // namespace kreda::mail
