// Timetable changes in the change feed (see timetable_feed.cpp).
#pragma once

#include "modules/organisation/organisation.hpp"
#include "modules/timetable/timetable.hpp"

namespace kreda::timetable {

//! Publishes `timetable.changed` (data: the change, `subject`, `teacher`, `room` by name, and `withdrawn` when the
//! office deleted it) to the class or group whose lesson the change touches, in the caller's transaction.
void publish_change(storage::Transaction& tx, std::int64_t school_id, const organisation::Directory& directory,
                    const Change& change, bool withdrawn);

}  // namespace kreda::timetable
