#include "modules/organisation/organisation_store.hpp"

namespace kreda::organisation::store {

namespace {
constexpr std::string_view kClassesOf =
    "SELECT c.id, c.name, (SELECT COUNT(*) FROM students s WHERE s.class_id = c.id) FROM classes c "
    "WHERE c.school_id = ? ORDER BY c.name";
constexpr std::string_view kClassByName =
    "SELECT c.id, c.name, 0 FROM classes c WHERE c.school_id = ? AND LOWER(c.name) = LOWER(?)";
constexpr std::string_view kInsertClass = "INSERT INTO classes (school_id, name) VALUES (?, ?) RETURNING id";

SchoolClass class_of(const storage::Row& r) {
    return {r[0].as_int(), r[1].as_text(), r[2].as_int()};
}
}  // namespace

std::vector<SchoolClass> classes_of(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<SchoolClass> out;
    for (const auto& row : tx.query(kClassesOf, {school_id})) out.push_back(class_of(row));
    return out;
}

std::optional<SchoolClass> find_class_by_name(storage::Transaction& tx, std::int64_t school_id,
                                              const std::string& name) {
    auto row = tx.query_one(kClassByName, {school_id, name});
    if (!row) return std::nullopt;
    return class_of(*row);
}

std::int64_t insert_class(storage::Transaction& tx, std::int64_t school_id, const std::string& name) {
    return tx.query_one(kInsertClass, {school_id, name})->at(0).as_int();
}

}  // namespace kreda::organisation::store
