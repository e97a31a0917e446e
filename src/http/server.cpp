#include "http/server.hpp"

#include <boost/url/parse.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "http/connection.hpp"
#include "http/error_response.hpp"
#include "storage/database.hpp"

namespace kreda::http {

namespace {

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
                co_await write_response(*connection, too_large, 11, false, "", true, options.read_timeout_seconds);
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
                co_await stream_events(connection, *response.events, version, request.request_id,
                                       options.read_timeout_seconds, stopping);
                break;
            }
            keep_alive = keep_alive && !stopping;
            if (!co_await write_response(*connection, response, version, keep_alive, request.request_id, is_api,
                                         options.read_timeout_seconds))
                break;
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
