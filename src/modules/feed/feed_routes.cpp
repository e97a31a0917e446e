// GET /feed (pages after a cursor) and GET /feed/stream (Server-Sent Events with Last-Event-ID resume).
#include "core/error.hpp"
#include "modules/feed/feed_hub.hpp"
#include "modules/routes_support.hpp"

namespace kreda::feed {

namespace {

//! The reader's cursor: the Last-Event-ID header a reconnecting EventSource sends (it is newer than the URL's),
//! else `since` in the query.
std::optional<std::int64_t> cursor_of(const http::Request& r) {
    std::string text(r.header("last-event-id"));
    if (text.empty()) text = r.query_param("since").value_or("");
    if (text.empty()) return std::nullopt;
    try {
        std::size_t used = 0;
        long long value = std::stoll(text, &used);
        if (used == text.size() && value >= 0) return value;
    } catch (const std::exception&) {
    }
    throw errors::invalid({{"since", {"Kursor to liczba nieujemna.", "The cursor is a non-negative number."}}});
}

Reader require_reader(Context& ctx, const auth::Actor& actor) {
    if (!actor.school_id) throw errors::forbidden();  // operators have no school to follow
    auto tx = ctx.db.begin(storage::Access::Read);
    return reader_of(*tx, actor);
}

}  // namespace

json::object list(Context& ctx, const auth::Actor& actor, std::optional<std::int64_t> cursor, bool newest_first,
                  int limit) {
    Reader reader = require_reader(ctx, actor);
    auto tx = ctx.db.begin(storage::Access::Read);
    Page page =
        newest_first ? read_before(*tx, reader, cursor, limit) : read_since(*tx, reader, cursor.value_or(0), limit);
    json::array items;
    for (auto& item : page.items) items.push_back(std::move(item.json));
    return {{"items", std::move(items)}, {"cursor", page.cursor}, {"more", page.more}};
}

void register_routes(http::Router& router, Context& ctx, std::shared_ptr<Hub> hub) {
    router.add("GET", "/api/v1/feed", [&ctx](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        http::Page page = http::page_of(r);
        if (r.query_param("before"))  // newest first: `before=` (empty) starts from the newest
            return http::Response::json(list(ctx, actor, r.query_id("before"), true, page.limit));
        return http::Response::json(list(ctx, actor, cursor_of(r), false, page.limit));
    });
    router.add("GET", "/api/v1/feed/stream", [&ctx, hub](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        auto cursor = cursor_of(r);
        http::Response response;
        response.content_type = "text/event-stream";
        response.events = hub->open(require_reader(ctx, actor), actor.session_id, cursor);
        return response;
    });
}

}  // namespace kreda::feed
