// The test servers' sockets (SMTP listener, push service): listening on 127.0.0.1 and serving one connection at a
// time until told to stop.
#pragma once

#include <atomic>
#include <functional>

namespace kreda::test {

//! A listening socket on 127.0.0.1 at any free port (stored in `port`); throws when it cannot.
int listen_on_loopback(int& port);
//! Accepts connections one by one and hands each to `serve` (which must not close it), until `stopping`.
void accept_each(int listen_fd, const std::atomic<bool>& stopping, const std::function<void(int)>& serve);
//! Stops a listening socket so that accept_each returns.
void close_listener(int listen_fd);

}  // namespace kreda::test
