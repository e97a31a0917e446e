// Background housekeeping in each server process: deleting family accounts not activated within 14 days (every
// `--housekeeping-seconds`), and drawing the next school day's lucky numbers ahead (at start, then hourly), so
// families hear of them the day before. Both are idempotent: several processes may run them.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "app/app.hpp"
#include "core/log.hpp"
#include "modules/events/events.hpp"
#include "modules/family/family.hpp"

namespace kreda::app {

class Housekeeper {
  public:
    Housekeeper(storage::Database& db, int every_seconds) : db_(db), every_(std::max(1, every_seconds)) {
        thread_ = std::thread([this] { run(); });
    }
    ~Housekeeper() {
        {
            std::lock_guard guard(mutex_);
            stopping_ = true;
        }
        woken_.notify_all();
        thread_.join();
    }
    Housekeeper(const Housekeeper&) = delete;
    Housekeeper& operator=(const Housekeeper&) = delete;

  private:
    void run() {
        for (bool first = true;; first = false) {
            if (!first) {  // the first round runs at start
                std::unique_lock lock(mutex_);
                woken_.wait_for(lock, every_, [this] { return stopping_; });
            }
            {
                std::lock_guard lock(mutex_);
                if (stopping_) return;
            }
            try {
                family::delete_unactivated(db_);
                auto now = std::chrono::steady_clock::now();
                if (!drawn_at_ || now - *drawn_at_ >= std::chrono::hours(1)) {
                    events::draw_lucky_numbers(db_);
                    drawn_at_ = now;
                }
            } catch (const std::exception& e) {
                log::error(std::string("housekeeping: ") + e.what());
            }
        }
    }

    storage::Database& db_;
    std::chrono::seconds every_;
    std::optional<std::chrono::steady_clock::time_point> drawn_at_;
    std::mutex mutex_;
    std::condition_variable woken_;
    bool stopping_ = false;
    std::thread thread_;
};

std::shared_ptr<Housekeeper> start_housekeeper(storage::Database& db, const Settings& settings) {
    return std::make_shared<Housekeeper>(db, settings.housekeeping_seconds);
}

}  // namespace kreda::app
