#pragma once

#include <string>

#include "storage/database.hpp"

namespace kreda::storage {

//! SQLite in WAL mode with synchronous=FULL and foreign keys: one writer connection, pooled readers.
Database* open_sqlite(const std::string& path, int readers);

}  // namespace kreda::storage
