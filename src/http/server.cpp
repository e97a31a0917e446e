#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "http/error_response.hpp"
#include "storage/database.hpp"

namespace kreda::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

namespace {

struct Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    bool idle = true;
    std::function<void()> wake;  //!< an open event stream's: to notice a shutdown at once
};

Response invoke(const Handler& handler, Request& request) {
    try {
        return handler(request);
    } catch (const ApiError& e) {
        return error_response(e, request.language());
    } catch (const storage::StorageError& e) {
        // A uniqueness or reference rule that a service did not check first (or lost a race on): a conflict,
        // never a server error.
        if (!e.is_constraint()) {
            log::error(std::string("request ") + request.request_id + " failed: " + e.what());
            return internal_error_response(request.language());
        }
        log::info(std::string("request ") + request.request_id + " hit a constraint: " + e.what());
        return error_response(errors::conflict("conflict", {"Ta zmiana koliduje z istniejącymi danymi.",
                                                            "This change conflicts with existing data."}),
                              request.language());
    } catch (const std::exception& e) {
        log::error(std::string("request ") + request.request_id + " failed: " + e.what());
        return internal_error_response(request.language());
    }
}

//! Password hashing yields the CPU to everything else: a storm of sign-ins must not slow other requests.
void lower_thread_priority_once() {
    thread_local bool lowered = false;
    if (lowered) return;
    lowered = true;
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
}

Response plain_error(int status, std::string code, Text message) {
    return error_response(ApiError(status, std::move(code), std::move(message)), Language::Polish);
}

}  // namespace

struct Server::Impl {
    Impl(const ServerOptions& o, const Router& r, Metrics& m)
        : options(o),
          router(r),
          metrics(m),
          workers(static_cast<std::size_t>(o.workers)),
          acceptor(ioc),
          signals(ioc, SIGTERM, SIGINT),
          deadline(ioc),
          id_prefix(crypto::random_hex(4)) {}

    ServerOptions options;
    const Router& router;
    Metrics& metrics;
    asio::io_context ioc;
    asio::thread_pool workers;
    asio::thread_pool hashing;
    tcp::acceptor acceptor;
    asio::signal_set signals;
    asio::steady_timer deadline;
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::unordered_set<std::shared_ptr<Connection>> connections;
    std::atomic<std::uint64_t> next_request{0};
    std::string id_prefix;

    asio::awaitable<void> accept_loop() {
        while (!stopping) {
            auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), tuple_awaitable);
            if (ec) {
                if (stopping || ec == asio::error::operation_aborted) co_return;
                continue;
            }
            socket.set_option(tcp::no_delay(true));
            asio::co_spawn(socket.get_executor(), serve(std::move(socket)), asio::detached);
        }
    }

    Request to_request(bhttp::request<bhttp::string_body>& in, const std::string& remote) {
        Request request;
        request.method = std::string(in.method_string());
        request.remote_address = remote;
        request.request_id = id_prefix + "-" + std::to_string(++next_request);
        auto target = boost::urls::parse_origin_form(in.target());
        if (!target) throw ApiError(400, "malformed_url", {"Niepoprawny adres.", "Malformed URL."});
        request.path = target->path();
        for (auto param : target->params()) request.query[param.key] = param.value;
        for (auto& field : in) {
            std::string name(field.name_string());
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            request.headers.emplace_back(std::move(name), std::string(field.value()));
        }
        request.body = std::move(in.body());
        return request;
    }

    asio::awaitable<Response> dispatch(Request& request, std::string& route_name) {
        Match match = router.match(request);
        const Handler* handler = nullptr;
        asio::thread_pool* pool = &workers;
        if (match.route) {
            route_name = match.route->pattern;
            if (match.route->runs == Runs::OnIoThread) co_return invoke(match.route->handler, request);
            if (match.route->runs == Runs::OnHashingPool) pool = &hashing;
            handler = &match.route->handler;
        } else if (match.method_not_allowed) {
            route_name = "(method not allowed)";
            co_return error_response(
                ApiError(405, "method_not_allowed",
                         {"Ta metoda nie jest obsługiwana pod tym adresem.", "This method is not supported here."}),
                request.language());
        } else if (request.path.rfind("/api/", 0) == 0 || !router.fallback()) {
            route_name = "(unknown)";
            co_return error_response(errors::not_found(), request.language());
        } else {
            route_name = "(static)";
            handler = &router.fallback();
        }
        bool hashing_route = pool == &hashing;
        co_return co_await asio::co_spawn(
            *pool,
            [handler, &request, hashing_route]() -> asio::awaitable<Response> {
                if (hashing_route) lower_thread_priority_once();
                co_return invoke(*handler, request);
            },
            asio::use_awaitable);
    }

    asio::awaitable<bool> write(Connection& connection, Response& response, unsigned version, bool keep_alive,
                                const std::string& request_id, bool is_api) {
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
        connection.stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
        auto [ec, written] = co_await bhttp::async_write(connection.stream, out, tuple_awaitable);
        co_return !ec;
    }

    //! Sends an event stream's header, then what is queued on it as it comes, with a comment every 25 s so
    //! that proxies keep the connection and a vanished client is noticed; ends when the client goes or at shutdown.
    asio::awaitable<void> stream_events(std::shared_ptr<Connection> owner, EventStream& events, unsigned version,
                                        const std::string& request_id) {
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
        connection.stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
        auto [head_error, head_bytes] =
            co_await bhttp::async_write_header(connection.stream, serializer, tuple_awaitable);
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
                connection.stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
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
            connection.stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
            co_await asio::async_write(connection.stream, bhttp::make_chunk_last(), tuple_awaitable);
        }
    }

    asio::awaitable<void> serve(tcp::socket socket) {
        auto connection = std::make_shared<Connection>(std::move(socket));
        {
            std::lock_guard guard(mutex);
            connections.insert(connection);
        }
        metrics.connection_opened();
        boost::system::error_code endpoint_error;
        auto endpoint = connection->stream.socket().remote_endpoint(endpoint_error);
        std::string remote = endpoint_error ? "" : endpoint.address().to_string();
        beast::flat_buffer buffer;
        while (!stopping) {
            bhttp::request_parser<bhttp::string_body> parser;
            parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
            parser.body_limit(options.body_limit);
            connection->idle = true;
            connection->stream.expires_after(std::chrono::seconds(options.idle_timeout_seconds));
            auto [header_error, header_bytes] =
                co_await bhttp::async_read_header(connection->stream, buffer, parser, tuple_awaitable);
            connection->idle = false;
            boost::system::error_code ec = header_error;
            if (!ec && !parser.is_done()) {
                connection->stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
                auto [body_error, body_bytes] =
                    co_await bhttp::async_read(connection->stream, buffer, parser, tuple_awaitable);
                ec = body_error;
            }
            if (ec == bhttp::error::header_limit || ec == bhttp::error::body_limit) {
                Response too_large =
                    plain_error(413, "payload_too_large", {"Żądanie jest zbyt duże.", "The request is too large."});
                co_await write(*connection, too_large, 11, false, "", true);
                break;
            }
            if (ec) break;

            auto started = std::chrono::steady_clock::now();
            auto& raw = parser.get();
            unsigned version = raw.version();
            bool keep_alive = raw.keep_alive();
            std::string route_name = "(malformed)";
            Response response;
            Request request;
            try {
                request = to_request(raw, remote);
                response = co_await dispatch(request, route_name);
            } catch (const ApiError& e) {
                response = error_response(e, Language::Polish);
            }
            double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            metrics.record(route_name, response.status, seconds);
            log::request(request.request_id, request.method, route_name, request.path, response.status,
                         seconds * 1000.0, remote);
            bool is_api = request.path.rfind("/api/", 0) == 0;
            if (response.events) {
                co_await stream_events(connection, *response.events, version, request.request_id);
                break;
            }
            keep_alive = keep_alive && !stopping;
            if (!co_await write(*connection, response, version, keep_alive, request.request_id, is_api)) break;
            if (!keep_alive) break;
        }
        boost::system::error_code ignored;
        connection->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        connection->stream.close();
        metrics.connection_closed();
        bool last = false;
        {
            std::lock_guard guard(mutex);
            connections.erase(connection);
            last = connections.empty();
        }
        if (last && stopping) asio::post(ioc, [this] { deadline.cancel(); });
    }

    void begin_shutdown() {
        if (stopping.exchange(true)) return;
        log::info("shutting down: finishing in-flight requests");
        boost::system::error_code ignored;
        acceptor.close(ignored);
        signals.cancel(ignored);
        bool none = false;
        {
            std::lock_guard guard(mutex);
            none = connections.empty();
            for (const auto& connection : connections)
                asio::post(connection->stream.get_executor(), [connection] {
                    if (connection->idle) connection->stream.socket().cancel();
                    if (connection->wake) connection->wake();
                });
        }
        deadline.expires_after(std::chrono::seconds(options.shutdown_grace_seconds));
        deadline.async_wait([this](boost::system::error_code ec) {
            if (!ec) ioc.stop();  // the grace period ran out
        });
        if (none) deadline.cancel();
    }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::create(const ServerOptions& options, const Router& router, Metrics& metrics) {
    auto impl = std::make_unique<Impl>(options, router, metrics);
    boost::system::error_code ec;
    auto address = asio::ip::make_address(options.listen, ec);
    if (ec) return Failure{"invalid listen address: " + options.listen};
    tcp::endpoint endpoint(address, options.port);
    impl->acceptor.open(endpoint.protocol(), ec);
    if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) impl->acceptor.bind(endpoint, ec);
    if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return Failure{"cannot listen on " + options.listen + ":" + std::to_string(options.port) + ": " + ec.message()};
    return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned short Server::port() const {
    return impl_->acceptor.local_endpoint().port();
}

void Server::run() {
    Impl& s = *impl_;
    s.signals.async_wait([&s](boost::system::error_code ec, int) {
        if (!ec) s.begin_shutdown();
    });
    asio::co_spawn(s.ioc, s.accept_loop(), asio::detached);
    std::vector<std::thread> extra;
    for (int i = 1; i < s.options.io_threads; ++i) extra.emplace_back([&s] { s.ioc.run(); });
    s.ioc.run();
    for (auto& t : extra) t.join();
    s.workers.join();
    s.hashing.join();
    log::info("stopped");
}

void Server::stop() {
    asio::post(impl_->ioc, [this] { impl_->begin_shutdown(); });
}

}  // namespace kreda::http
