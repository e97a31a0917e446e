#include "modules/school/calendar_store.hpp"

#include <map>

namespace kreda::school::store {

namespace {
constexpr std::string_view kYears =
    "SELECT id, name, starts_on, ends_on FROM school_years WHERE school_id = ? ORDER BY starts_on DESC";
constexpr std::string_view kTerms =
    "SELECT id, year_id, number, starts_on, ends_on FROM terms WHERE school_id = ? ORDER BY number";
constexpr std::string_view kOverlappingYear =
    "SELECT 1 FROM school_years WHERE school_id = ? AND starts_on <= ? AND ends_on >= ?";
constexpr std::string_view kInsertYear =
    "INSERT INTO school_years (school_id, name, starts_on, ends_on) VALUES (?, ?, ?, ?) RETURNING id";
constexpr std::string_view kInsertTerm =
    "INSERT INTO terms (school_id, year_id, number, starts_on, ends_on) VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kFreeDays =
    "SELECT id, starts_on, ends_on, name FROM free_days WHERE school_id = ? AND ends_on >= ? AND starts_on <= ? "
    "ORDER BY starts_on";
constexpr std::string_view kInsertFreeDay =
    "INSERT INTO free_days (school_id, starts_on, ends_on, name) VALUES (?, ?, ?, ?) RETURNING id";
constexpr std::string_view kFindFreeDay =
    "SELECT id, starts_on, ends_on, name FROM free_days WHERE school_id = ? AND id = ?";
constexpr std::string_view kDeleteFreeDay = "DELETE FROM free_days WHERE school_id = ? AND id = ?";

Date date_of(const storage::Value& v) { return parse_date(v.as_text()).value_or(Date{1970, 1, 1}); }
FreeDay free_day_of(const storage::Row& r) { return {r[0].as_int(), date_of(r[1]), date_of(r[2]), r[3].as_text()}; }
}  // namespace

std::vector<SchoolYear> years(storage::Transaction& tx, std::int64_t school_id) {
    std::vector<SchoolYear> out;
    std::map<std::int64_t, std::size_t> index;
    for (const auto& r : tx.query(kYears, {school_id})) {
        index[r[0].as_int()] = out.size();
        out.push_back({r[0].as_int(), r[1].as_text(), date_of(r[2]), date_of(r[3]), {}});
    }
    for (const auto& r : tx.query(kTerms, {school_id}))
        if (auto it = index.find(r[1].as_int()); it != index.end())
            out[it->second].terms.push_back({r[0].as_int(), static_cast<int>(r[2].as_int()), date_of(r[3]), date_of(r[4])});
    return out;
}

bool year_overlaps(storage::Transaction& tx, std::int64_t school_id, Date from, Date to) {
    return tx.query_one(kOverlappingYear, {school_id, format_date(to), format_date(from)}).has_value();
}

std::int64_t insert_year(storage::Transaction& tx, std::int64_t school_id, const SchoolYear& year) {
    std::int64_t id = tx.query_one(kInsertYear, {school_id, year.name, format_date(year.starts_on),
                                                 format_date(year.ends_on)})->at(0).as_int();
    for (const auto& term : year.terms)
        tx.query(kInsertTerm, {school_id, id, term.number, format_date(term.starts_on), format_date(term.ends_on)});
    return id;
}

std::vector<FreeDay> free_days(storage::Transaction& tx, std::int64_t school_id, Date from, Date to) {
    std::vector<FreeDay> out;
    for (const auto& r : tx.query(kFreeDays, {school_id, format_date(from), format_date(to)}))
        out.push_back(free_day_of(r));
    return out;
}

std::int64_t insert_free_day(storage::Transaction& tx, std::int64_t school_id, const FreeDay& day) {
    return tx.query_one(kInsertFreeDay, {school_id, format_date(day.starts_on), format_date(day.ends_on), day.name})
        ->at(0)
        .as_int();
}

std::optional<FreeDay> find_free_day(storage::Transaction& tx, std::int64_t school_id, std::int64_t id) {
    auto row = tx.query_one(kFindFreeDay, {school_id, id});
    if (!row) return std::nullopt;
    return free_day_of(*row);
}

void delete_free_day(storage::Transaction& tx, std::int64_t school_id, std::int64_t id) {
    tx.execute(kDeleteFreeDay, {school_id, id});
}

}  // namespace kreda::school::store
