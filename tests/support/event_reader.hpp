// A Server-Sent Events client over a plain socket, as a browser's EventSource meets the server: HTTP/1.1, a
// chunked body, events separated by blank lines. Blocking, with a timeout on each wait.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kreda::test {

struct SseEvent {
    std::string id, event, data;
};

class EventReader {
  public:
    //! Connects to 127.0.0.1:`port` and sends GET `path` with `headers`; reads the response's head.
    EventReader(int port, const std::string& path, const std::vector<std::pair<std::string, std::string>>& headers);
    ~EventReader();
    EventReader(const EventReader&) = delete;
    EventReader& operator=(const EventReader&) = delete;

    int status() const { return status_; }
    //! Whether the server has ended the stream (its last chunk, or the connection closed).
    bool ended() const { return ended_; }
    const std::string& head() const { return head_; }
    //! The next event, or nothing when none comes within `timeout` or the stream ends.
    std::optional<SseEvent> next(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    //! Skips events until one of type `event` whose data contains `needle` (nothing after `timeout`).
    std::optional<SseEvent> wait_for(const std::string& event, const std::string& needle,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(10));

  private:
    //! Reads more bytes into `raw_`; false on timeout, end or error.
    bool fill(std::chrono::steady_clock::time_point deadline);
    //! Moves whole chunks from `raw_` into `body_`.
    void dechunk();

    int fd_ = -1;
    int status_ = 0;
    bool ended_ = false;
    std::string head_, raw_, body_;
};

}  // namespace kreda::test
