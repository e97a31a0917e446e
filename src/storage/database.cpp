#include "storage/database.hpp"

#include <stdexcept>

#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace kreda::storage {

std::int64_t Value::as_int() const {
    if (auto* i = std::get_if<std::int64_t>(&v_)) return *i;
    if (auto* d = std::get_if<double>(&v_)) return static_cast<std::int64_t>(*d);
    if (auto* s = std::get_if<std::string>(&v_)) return std::stoll(*s);
    return 0;
}

double Value::as_double() const {
    if (auto* d = std::get_if<double>(&v_)) return *d;
    if (auto* i = std::get_if<std::int64_t>(&v_)) return static_cast<double>(*i);
    if (auto* s = std::get_if<std::string>(&v_)) return std::stod(*s);
    return 0.0;
}

std::string Value::as_text() const {
    if (auto* s = std::get_if<std::string>(&v_)) return *s;
    if (auto* i = std::get_if<std::int64_t>(&v_)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&v_)) return std::to_string(*d);
    return {};
}

std::optional<Row> Transaction::query_one(std::string_view sql, const Params& params) {
    Rows rows = query(sql, params);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.rows.front());
}

void Transaction::committing() {
    auto actions = std::move(before_commit_);
    before_commit_.clear();
    for (auto& action : actions) action();
}

void Transaction::committed() {
    auto actions = std::move(after_commit_);
    after_commit_.clear();
    for (auto& action : actions) action();
}

Result<std::unique_ptr<Database>> Database::open(const std::string& location, int pool_size) {
    try {
        if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0)
            return std::unique_ptr<Database>(open_postgres(location, pool_size));
        return std::unique_ptr<Database>(open_sqlite(location, pool_size));
    } catch (const std::exception& e) {
        return Failure{e.what()};
    }
}

}  // namespace kreda::storage
