#include "modules/school/school_store.hpp"
#include "core/clock.hpp"

namespace kreda::school::store {

namespace {
constexpr std::string_view kColumns =
    "id, name, city, require_staff_totp, created_at, record_edit_days, adult_students_excuse, tests_per_day, "
    "tests_per_week, refuse_over_cap, lucky_number";
const std::string kFind = "SELECT " + std::string(kColumns) + " FROM schools WHERE id = ?";
const std::string kAll = "SELECT " + std::string(kColumns) + " FROM schools ORDER BY name, id";
constexpr std::string_view kInsert = "INSERT INTO schools (name, city, created_at) VALUES (?, ?, ?) RETURNING id";
constexpr std::string_view kUpdate =
    "UPDATE schools SET name = ?, city = ?, require_staff_totp = ?, record_edit_days = ?, adult_students_excuse = ?, "
    "tests_per_day = ?, tests_per_week = ?, refuse_over_cap = ?, lucky_number = ? WHERE id = ?";

School school_of(const storage::Row& r) {
    return {r[0].as_int(),
            r[1].as_text(),
            r[2].as_text(),
            r[3].as_bool(),
            r[4].as_int(),
            static_cast<int>(r[5].as_int()),
            r[6].as_bool(),
            static_cast<int>(r[7].as_int()),
            static_cast<int>(r[8].as_int()),
            r[9].as_bool(),
            r[10].as_text()};
}
}  // namespace

std::optional<School> find(storage::Transaction& tx, std::int64_t id) {
    auto row = tx.query_one(kFind, {id});
    if (!row) return std::nullopt;
    return school_of(*row);
}

std::vector<School> all(storage::Transaction& tx) {
    std::vector<School> out;
    for (const auto& row : tx.query(kAll)) out.push_back(school_of(row));
    return out;
}

std::int64_t insert(storage::Transaction& tx, const std::string& name, const std::string& city) {
    return tx.query_one(kInsert, {name, city, Clock::now()})->at(0).as_int();
}

void update(storage::Transaction& tx, const School& school) {
    tx.execute(kUpdate, {school.name, school.city, school.require_staff_totp, school.record_edit_days,
                         school.adult_students_excuse, school.tests_per_day, school.tests_per_week,
                         school.refuse_over_cap, school.lucky_number, school.id});
}

}  // namespace kreda::school::store
