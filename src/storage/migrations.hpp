// Versioned schema migrations, applied in order inside one transaction by `kreda migrate` and at start.
#pragma once

#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace kreda::storage {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;  //!< `{{ID}}` stands for the dialect's auto-increment primary key
};

//! Every migration of the schema, oldest first (schema.cpp).
const std::vector<Migration>& schema_migrations();

//! Applies the migrations not yet recorded; returns how many ran.
int migrate(Database& db);

}  // namespace kreda::storage
