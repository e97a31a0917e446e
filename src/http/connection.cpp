// Writing answers on a connection: a whole response, or an event stream for as long as it stays open.
#include "http/connection.hpp"

#include <chrono>
#include <tuple>

namespace kreda::http {

asio::awaitable<bool> write_response(Connection& connection, Response& response, unsigned version, bool keep_alive,
                                     const std::string& request_id, bool is_api, int timeout_seconds) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
    out.set(bhttp::field::server, "Kreda");
    if (!response.content_type.empty()) out.set(bhttp::field::content_type, response.content_type);
    if (!request_id.empty()) out.set("X-Request-Id", request_id);
    out.set("X-Content-Type-Options", "nosniff");
    out.set("X-Frame-Options", "DENY");
    out.set("Referrer-Policy", "same-origin");
    out.set("Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    bool has_cache_control = false;
    for (auto& [name, value] : response.headers) {
        out.insert(name, value);
        has_cache_control = has_cache_control || name == "Cache-Control";
    }
    if (is_api && !has_cache_control) out.set(bhttp::field::cache_control, "no-store");
    out.body() = std::move(response.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    connection.stream.expires_after(std::chrono::seconds(timeout_seconds));
    auto [ec, written] = co_await bhttp::async_write(connection.stream, out, tuple_awaitable);
    co_return !ec;
}

asio::awaitable<void> stream_events(std::shared_ptr<Connection> owner, EventStream& events, unsigned version,
                                    const std::string& request_id, int timeout_seconds,
                                    const std::atomic<bool>& stopping) {
    Connection& connection = *owner;
    bool chunked = version >= 11;
    bhttp::response<bhttp::empty_body> head{bhttp::status::ok, version};
    head.set(bhttp::field::server, "Kreda");
    head.set(bhttp::field::content_type, "text/event-stream; charset=utf-8");
    head.set(bhttp::field::cache_control, "no-store");
    head.set("X-Accel-Buffering", "no");
    head.set("X-Content-Type-Options", "nosniff");
    head.set("X-Request-Id", request_id);
    head.keep_alive(false);
    head.chunked(chunked);
    bhttp::response_serializer<bhttp::empty_body> serializer{head};
    connection.stream.expires_after(std::chrono::seconds(timeout_seconds));
    auto [head_error, head_bytes] = co_await bhttp::async_write_header(connection.stream, serializer, tuple_awaitable);
    auto timer = std::make_shared<asio::steady_timer>(connection.stream.get_executor());
    std::weak_ptr<asio::steady_timer> weak = timer;
    auto wake = [executor = connection.stream.get_executor(), weak] {
        asio::post(executor, [weak] {
            if (auto t = weak.lock()) t->cancel();
        });
    };
    events.on_queued(wake);
    connection.wake = wake;
    // A client that goes away sends nothing: a read that ends (or any byte, which a stream never expects)
    // says so at once, rather than at the next keep-alive's failed write.
    auto gone = std::make_shared<bool>(false);
    asio::co_spawn(
        connection.stream.get_executor(),
        [owner, gone, wake]() -> asio::awaitable<void> {
            char byte = 0;
            co_await owner->stream.socket().async_read_some(asio::buffer(&byte, 1), tuple_awaitable);
            *gone = true;
            wake();
        },
        asio::detached);
    std::string pending = head_error ? "" : "retry: 3000\n\n";
    bool failed = static_cast<bool>(head_error);
    while (!failed) {
        for (auto& event : events.take()) pending += event;
        if (!pending.empty()) {
            connection.stream.expires_after(std::chrono::seconds(timeout_seconds));
            boost::system::error_code ec;
            if (chunked)
                std::tie(ec, std::ignore) = co_await asio::async_write(
                    connection.stream, bhttp::make_chunk(asio::buffer(pending)), tuple_awaitable);
            else
                std::tie(ec, std::ignore) =
                    co_await asio::async_write(connection.stream, asio::buffer(pending), tuple_awaitable);
            failed = static_cast<bool>(ec);
            pending.clear();
            continue;  // what came during the write goes next, before any wait
        }
        if (stopping || *gone || !events.open()) break;
        timer->expires_after(std::chrono::seconds(25));
        auto [waited] = co_await timer->async_wait(tuple_awaitable);
        if (!waited) pending = ": keep-alive\n\n";  // the timer ran out: nothing was queued
    }
    events.client_gone();
    connection.wake = nullptr;
    if (!failed && chunked) {
        connection.stream.expires_after(std::chrono::seconds(timeout_seconds));
        co_await asio::async_write(connection.stream, bhttp::make_chunk_last(), tuple_awaitable);
    }
}

}  // namespace kreda::http
