// Background housekeeping in each server process: deleting family accounts not activated within 14 days (every
// `--housekeeping-seconds`), and drawing the next school day's lucky numbers ahead (at start, then hourly), so
// families hear of them the day before. Both are idempotent: several processes may run them.
#include <chrono>
#include <optional>

#include "app/app.hpp"
#include "core/background.hpp"
#include "modules/events/events.hpp"
#include "modules/family/family.hpp"

namespace kreda::app {

class Housekeeper {
  public:
    Housekeeper(storage::Database& db, int every_seconds)
        : db_(db), loop_("housekeeping", std::chrono::seconds(std::max(1, every_seconds)), [this] { step(); }) {}

  private:
    void step() {
        family::delete_unactivated(db_);
        auto now = std::chrono::steady_clock::now();
        if (!drawn_at_ || now - *drawn_at_ >= std::chrono::hours(1)) {
            events::draw_lucky_numbers(db_);
            drawn_at_ = now;
        }
    }

    storage::Database& db_;
    std::optional<std::chrono::steady_clock::time_point> drawn_at_;
    BackgroundLoop loop_;  // last: stops before the rest goes
};

std::shared_ptr<Housekeeper> start_housekeeper(storage::Database& db, const Settings& settings) {
    return std::make_shared<Housekeeper>(db, settings.housekeeping_seconds);
}

}  // namespace kreda::app
