// The timetable's SQL: weekly plan entries and dated changes, read into the pure resolver's types.
#pragma once

#include <optional>
#include <vector>

#include "modules/timetable/week.hpp"
#include "storage/database.hpp"

namespace kreda::timetable::store {

//! Every plan entry of the school, with its assignment's teacher, subject, class and group.
std::vector<PlanEntry> plan_of(storage::Transaction& tx, std::int64_t school_id);
//! The plan entries of one class (its whole-class and group lessons).
std::vector<PlanEntry> plan_of_class(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id);
std::optional<PlanEntry> find_entry(storage::Transaction& tx, std::int64_t school_id, std::int64_t entry_id);
std::int64_t insert_entry(storage::Transaction& tx, std::int64_t school_id, const PlanEntry& entry);
void end_entry(storage::Transaction& tx, std::int64_t entry_id, Date last_day);
bool delete_entry(storage::Transaction& tx, std::int64_t school_id, std::int64_t entry_id);
bool entry_has_changes(storage::Transaction& tx, std::int64_t entry_id);

//! Changes dated in [from, to] or moving a lesson into it.
std::vector<Change> changes_between(storage::Transaction& tx, std::int64_t school_id, Date from, Date to);
std::optional<Change> find_change(storage::Transaction& tx, std::int64_t school_id, std::int64_t change_id);
std::int64_t insert_change(storage::Transaction& tx, std::int64_t school_id, const Change& change);
bool delete_change(storage::Transaction& tx, std::int64_t school_id, std::int64_t change_id);

std::string_view to_string(ChangeKind kind);
std::optional<ChangeKind> parse_change_kind(std::string_view text);

}  // namespace kreda::timetable::store
