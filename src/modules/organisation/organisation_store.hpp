// The organisation module's SQL.
#pragma once

#include <optional>

#include "modules/organisation/organisation.hpp"

namespace kreda::organisation::store {

std::vector<SchoolClass> classes_of(storage::Transaction& tx, std::int64_t school_id);
std::optional<SchoolClass> find_class_by_name(storage::Transaction& tx, std::int64_t school_id,
                                              const std::string& name);
std::int64_t insert_class(storage::Transaction& tx, std::int64_t school_id, const std::string& name);

}  // namespace kreda::organisation::store
