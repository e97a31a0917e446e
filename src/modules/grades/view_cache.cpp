#include "modules/grades/view_cache.hpp"

#include <map>
#include <mutex>
#include <tuple>

#include "core/clock.hpp"

namespace kreda::grades::cache {

namespace {

constexpr std::size_t kMaxBytes = 128u << 20;  //!< views are a few KiB to ~100 KiB; a large school's fit
constexpr std::string_view kBump =
    "INSERT INTO grade_versions (scope, version) VALUES (?, 1) "
    "ON CONFLICT (scope) DO UPDATE SET version = grade_versions.version + 1";
constexpr std::string_view kVersions = "SELECT scope, version FROM grade_versions WHERE scope = ? OR scope = ?";

struct Entry {
    std::pair<std::int64_t, std::int64_t> versions;
    std::int64_t stored_at = 0;
    Body body;
};

using MapKey = std::tuple<std::int64_t, int, bool, std::int64_t>;  // student, term, family, day

std::mutex mutex;
std::map<MapKey, Entry> entries;
std::size_t total_bytes = 0;

MapKey map_key(const Key& key) {
    return {key.student_id, key.term, key.family, days_since_epoch(key.today)};
}

std::string class_scope(std::int64_t id) {
    return "class:" + std::to_string(id);
}
std::string school_scope(std::int64_t id) {
    return "school:" + std::to_string(id);
}

}  // namespace

void bump_class(storage::Transaction& tx, std::int64_t class_id) {
    tx.execute(kBump, {class_scope(class_id)});
}

void bump_school(storage::Transaction& tx, std::int64_t school_id) {
    tx.execute(kBump, {school_scope(school_id)});
}

void bump_student(storage::Transaction& tx, std::int64_t student_id) {
    auto row = tx.query_one("SELECT class_id FROM students WHERE user_id = ?", {student_id});
    if (row && !(*row)[0].is_null()) bump_class(tx, (*row)[0].as_int());
}

std::pair<std::int64_t, std::int64_t> versions_of(storage::Transaction& tx, const Key& key) {
    std::pair<std::int64_t, std::int64_t> out{0, 0};
    std::string of_class = class_scope(key.class_id);
    for (const auto& r : tx.query(kVersions, {of_class, school_scope(key.school_id)}))
        (r[0].as_text() == of_class ? out.first : out.second) = r[1].as_int();
    return out;
}

Body find(const Key& key, std::pair<std::int64_t, std::int64_t> versions) {
    std::lock_guard lock(mutex);
    auto found = entries.find(map_key(key));
    if (found == entries.end() || found->second.versions != versions ||
        Clock::now() - found->second.stored_at > kMaxAge)
        return nullptr;
    return found->second.body;
}

void store(const Key& key, std::pair<std::int64_t, std::int64_t> versions, Body body) {
    std::lock_guard lock(mutex);
    std::size_t bytes = body->json.size() + body->compressed.data.size();
    if (total_bytes + bytes > kMaxBytes) {  // start over rather than track recency: views rebuild in ms
        entries.clear();
        total_bytes = 0;
    }
    auto& entry = entries[map_key(key)];
    if (entry.body) total_bytes -= entry.body->json.size() + entry.body->compressed.data.size();
    total_bytes += bytes;
    entry = {versions, Clock::now(), std::move(body)};
}

}  // namespace kreda::grades::cache
