// The background job that deletes family accounts not activated within 14 days.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/log.hpp"
#include "modules/family/family.hpp"

namespace kreda::family {

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
        while (true) {
            {
                std::unique_lock lock(mutex_);
                woken_.wait_for(lock, every_, [this] { return stopping_; });
                if (stopping_) return;
            }
            try {
                delete_unactivated(db_);
            } catch (const std::exception& e) {
                log::error(std::string("family housekeeping: ") + e.what());
            }
        }
    }

    storage::Database& db_;
    std::chrono::seconds every_;
    std::mutex mutex_;
    std::condition_variable woken_;
    bool stopping_ = false;
    std::thread thread_;
};

std::shared_ptr<Housekeeper> start_housekeeper(storage::Database& db, const Settings& settings) {
    return std::make_shared<Housekeeper>(db, settings.housekeeping_seconds);
}

}  // namespace kreda::family
