// The server's side of one client connection, and the two ways an answer goes out on it: a whole response, or an
// event stream that stays open. Private to src/http (Beast stays here).
#pragma once

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "http/event_stream.hpp"
#include "http/message.hpp"

namespace kreda::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;
inline constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    bool idle = true;
    std::function<void()> wake;  //!< an open event stream's: to notice a shutdown at once
};

//! Writes a response with the headers every answer carries (security headers; no-store for the API unless the
//! route chose its own caching); false when the client has gone.
asio::awaitable<bool> write_response(Connection& connection, Response& response, unsigned version, bool keep_alive,
                                     const std::string& request_id, bool is_api, int timeout_seconds);

//! Sends an event stream's header, then what is queued on it as it comes, with a comment every 25 s so that
//! proxies keep the connection and a vanished client is noticed; ends when the client goes, when the service
//! ends the stream, or at shutdown (`stopping`).
asio::awaitable<void> stream_events(std::shared_ptr<Connection> owner, EventStream& events, unsigned version,
                                    const std::string& request_id, int timeout_seconds,
                                    const std::atomic<bool>& stopping);

}  // namespace kreda::http
