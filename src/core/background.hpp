// A background thread that runs one step at start, then again every period or as soon as it is woken, until it is
// destroyed. A step that throws is logged and the loop goes on. Declare it as its owner's last member, so that it
// stops (and joins) before anything its step uses is destroyed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace kreda {

class BackgroundLoop {
  public:
    BackgroundLoop(std::string name, std::chrono::milliseconds period, std::function<void()> step);
    ~BackgroundLoop();
    BackgroundLoop(const BackgroundLoop&) = delete;
    BackgroundLoop& operator=(const BackgroundLoop&) = delete;

    //! Runs the step again soon (after the current one, if any).
    void wake();
    //! Whether the loop is being stopped: a step that repeats itself checks it between rounds.
    bool stopping();

  private:
    void run();

    std::string name_;
    std::chrono::milliseconds period_;
    std::function<void()> step_;
    std::mutex mutex_;
    std::condition_variable woken_;
    bool news_ = false, stopping_ = false;
    std::thread thread_;
};

}  // namespace kreda
