// The HTTP server: Beast + Asio coroutines on I/O threads; handlers run on a worker pool.
#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace kreda::http {

struct ServerOptions {
    std::string listen = "0.0.0.0";
    unsigned short port = 8080;
    int io_threads = 1;
    int workers = 4;
    int hashing_threads = 1;  //!< for routes that check passwords (argon2id)
    std::size_t header_limit = 16 * 1024;
    std::size_t body_limit = 1024 * 1024;
    int read_timeout_seconds = 30;    //!< to receive a request's body once its header has arrived
    int idle_timeout_seconds = 75;    //!< for the next request on a kept-alive connection
    int shutdown_grace_seconds = 20;  //!< in-flight requests get this long after SIGTERM
};

class Server {
  public:
    //! Binds the listening socket; fails with a message when the address is taken or invalid.
    static Result<std::unique_ptr<Server>> create(const ServerOptions& options, const Router& router, Metrics& metrics);
    ~Server();

    unsigned short port() const;
    //! Serves until SIGTERM/SIGINT or stop(); in-flight requests finish before it returns.
    void run();
    //! Begins a graceful shutdown from any thread.
    void stop();

  private:
    struct Impl;
    explicit Server(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace kreda::http
