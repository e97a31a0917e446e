#pragma once

#include <string>

#include "storage/database.hpp"

namespace kreda::storage {

//! PostgreSQL through libpq: a pool of connections, each with its own prepared statements.
Database* open_postgres(const std::string& url, int pool_size);

//! Rewrites `?` placeholders to `$1, $2, …`, leaving quoted text alone.
std::string number_placeholders(std::string_view sql);

}  // namespace kreda::storage
