// The database the API tests run on: SQLite files in a temp dir (default), or databases in the throwaway
// PostgreSQL cluster that scripts/pg-scratch started (KREDA_TEST_BACKEND=postgres, KREDA_TEST_PG_URL=<its URL>).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace kreda::test {

//! "sqlite" or "postgres", from KREDA_TEST_BACKEND (default sqlite). Throws on any other value.
std::string backend_name();

//! An empty database for one test, as the value for `--db`: a new SQLite path `<temp_dir>/<name>.db`, or the
//! URL of PostgreSQL database `<name>`, dropped (with FORCE) and created again. `name` is sanitised to
//! [a-z0-9_] (at most 63 bytes); concurrently running test processes must use different names on PostgreSQL.
std::string fresh_database(const std::string& name);

//! `name` as a database name: lower case, other characters as '_', a leading digit prefixed with "t_".
std::string database_name(std::string_view name);

//! This test process's own temp dir (created on first use, removed at exit unless KREDA_KEEP_TEMP=1).
const std::filesystem::path& temp_dir();

}  // namespace kreda::test
