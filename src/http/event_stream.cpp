#include "http/event_stream.hpp"

#include <utility>

namespace kreda::http {

bool EventStream::send(std::string event) {
    std::function<void()> wake;
    {
        std::lock_guard guard(mutex_);
        if (!open_) return false;
        queued_.push_back(std::move(event));
        wake = wake_;
    }
    if (wake) wake();
    return true;
}

bool EventStream::open() const {
    std::lock_guard guard(mutex_);
    return open_;
}

std::string EventStream::format(std::int64_t id, std::string_view event, std::string_view data) {
    std::string out = "id: " + std::to_string(id) + "\nevent: ";
    out += event;
    out += "\ndata: ";
    out += data;
    out += "\n\n";
    return out;
}

std::deque<std::string> EventStream::take() {
    std::lock_guard guard(mutex_);
    return std::exchange(queued_, {});
}

void EventStream::on_queued(std::function<void()> wake) {
    std::lock_guard guard(mutex_);
    wake_ = std::move(wake);
}

void EventStream::end() {
    std::function<void()> wake;
    {
        std::lock_guard guard(mutex_);
        open_ = false;
        wake = wake_;
    }
    if (wake) wake();
}

void EventStream::client_gone() {
    std::lock_guard guard(mutex_);
    open_ = false;
    wake_ = nullptr;
    queued_.clear();
}

}  // namespace kreda::http
