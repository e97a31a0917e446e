// The school calendar's SQL. Dates are stored as "YYYY-MM-DD" text, which sorts and compares as dates.
#pragma once

#include "modules/school/calendar.hpp"

namespace kreda::school::store {

std::vector<SchoolYear> years(storage::Transaction& tx, std::int64_t school_id);
bool year_overlaps(storage::Transaction& tx, std::int64_t school_id, Date from, Date to);
std::int64_t insert_year(storage::Transaction& tx, std::int64_t school_id, const SchoolYear& year);
std::vector<FreeDay> free_days(storage::Transaction& tx, std::int64_t school_id, Date from, Date to);
std::int64_t insert_free_day(storage::Transaction& tx, std::int64_t school_id, const FreeDay& day);
std::optional<FreeDay> find_free_day(storage::Transaction& tx, std::int64_t school_id, std::int64_t id);
void delete_free_day(storage::Transaction& tx, std::int64_t school_id, std::int64_t id);

}  // namespace kreda::school::store
