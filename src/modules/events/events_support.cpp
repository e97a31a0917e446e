#include "modules/events/events_support.hpp"

namespace kreda::events {

std::set<std::int64_t> groups_of(storage::Transaction& tx, std::int64_t student_id) {
    std::set<std::int64_t> out;
    for (auto g : organisation::groups_of_student(tx, student_id)) out.insert(g);
    return out;
}

}  // namespace kreda::events
