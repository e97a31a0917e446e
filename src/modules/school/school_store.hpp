// The school module's SQL.
#pragma once

#include "modules/school/school.hpp"

namespace kreda::school::store {

std::optional<School> find(storage::Transaction& tx, std::int64_t id);
std::vector<School> all(storage::Transaction& tx);
std::int64_t insert(storage::Transaction& tx, const std::string& name, const std::string& city);
void update(storage::Transaction& tx, const School& school);

}  // namespace kreda::school::store
