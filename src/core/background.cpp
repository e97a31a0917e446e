#include "core/background.hpp"

#include "core/log.hpp"

namespace kreda {

BackgroundLoop::BackgroundLoop(std::string name, std::chrono::milliseconds period, std::function<void()> step)
    : name_(std::move(name)), period_(period), step_(std::move(step)) {
    thread_ = std::thread([this] { run(); });
}

BackgroundLoop::~BackgroundLoop() {
    {
        std::lock_guard guard(mutex_);
        stopping_ = true;
    }
    woken_.notify_all();
    thread_.join();
}

void BackgroundLoop::wake() {
    {
        std::lock_guard guard(mutex_);
        news_ = true;
    }
    woken_.notify_one();
}

bool BackgroundLoop::stopping() {
    std::lock_guard guard(mutex_);
    return stopping_;
}

void BackgroundLoop::run() {
    for (bool first = true;; first = false) {
        {
            std::unique_lock lock(mutex_);
            if (!first) woken_.wait_for(lock, period_, [this] { return news_ || stopping_; });
            if (stopping_) return;
            news_ = false;
        }
        try {
            step_();
        } catch (const std::exception& e) {
            log::error(name_ + ": " + e.what());
        }
    }
}

}  // namespace kreda
