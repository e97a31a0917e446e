// A response that stays open: Server-Sent Events pushed by any thread, written by the connection's coroutine.
// Services hold the stream; the server writes what is queued and tells the stream when the client has gone.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>

namespace kreda::http {

class EventStream {
  public:
    //! Queues one event ("id: …\ndata: …\n\n" as formatted by `format`); false once the client has gone.
    bool send(std::string event);
    //! Whether the stream goes on: the client is still there, and the service has not ended it.
    bool open() const;
    //! The service ends the stream (e.g. its session has ended): the server sends what is queued and closes.
    void end();

    //! One SSE event: `id` (for Last-Event-ID), `event` type and a one-line `data` (JSON has no raw newlines).
    static std::string format(std::int64_t id, std::string_view event, std::string_view data);

    // For the server's writer only.
    //! Everything queued so far, in order.
    std::deque<std::string> take();
    //! `wake` is called (from the sending thread) when something is queued; cleared when the client goes.
    void on_queued(std::function<void()> wake);
    void client_gone();

  private:
    mutable std::mutex mutex_;
    std::deque<std::string> queued_;
    std::function<void()> wake_;
    bool open_ = true;
};

}  // namespace kreda::http
