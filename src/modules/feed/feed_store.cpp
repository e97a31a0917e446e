// Writing entries in the changing transaction, and reading them back as one user may see them.
#include "modules/feed/feed_store.hpp"

#include "core/clock.hpp"

namespace kreda::feed {

namespace {

constexpr std::string_view kColumns =
    "SELECT id, school_id, target, target_id, group_id, audience, kind, data, created_at FROM feed_entries ";

StoredEntry stored_of(const storage::Row& r) {
    StoredEntry e;
    e.id = r[0].as_int();
    e.school_id = r[1].as_int();
    e.target = r[2].as_text();
    e.target_id = r[3].as_int();
    if (!r[4].is_null()) e.group_id = r[4].as_int();
    e.audience = r[5].as_text();
    e.kind = r[6].as_text();
    e.data = r[7].as_text();
    e.created_at = r[8].as_int();
    return e;
}

std::string id_list(const std::set<std::int64_t>& ids) {
    std::string out;
    for (auto id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
    return out;
}

//! The school-wide audiences that speak to a role.
std::string school_audiences(auth::Role role) {
    if (role == auth::Role::Parent) return "'everyone', 'parents'";
    if (role == auth::Role::Student) return "'everyone', 'students'";
    return auth::is_staff(role) ? "'everyone', 'staff'" : "'everyone'";
}

}  // namespace

Entry for_student(std::int64_t school_id, std::int64_t student_id, std::string kind, json::object data,
                  bool parents_only) {
    return {school_id,       "student",      student_id, std::nullopt, parents_only ? "parents" : "family",
            std::move(kind), std::move(data)};
}

Entry for_class(std::int64_t school_id, std::int64_t class_id, std::optional<std::int64_t> group_id, std::string kind,
                json::object data) {
    return {school_id, "class", class_id, group_id, "family", std::move(kind), std::move(data)};
}

Entry for_school(std::int64_t school_id, std::string audience, std::string kind, json::object data) {
    return {school_id, "school", school_id, std::nullopt, std::move(audience), std::move(kind), std::move(data)};
}

Entry for_message(std::int64_t school_id, std::int64_t message_id, std::string kind, json::object data) {
    return {school_id, "message", message_id, std::nullopt, "inbox", std::move(kind), std::move(data)};
}

namespace {

void write(storage::Transaction& tx, const std::vector<Entry>& entries) {
    if (entries.empty()) return;
    auto count = static_cast<std::int64_t>(entries.size());
    // The counter row stays locked until this transaction ends: the next writer numbers after our commit.
    std::int64_t last =
        tx.query("UPDATE feed_counter SET last = last + ? WHERE id = 1 RETURNING last", {count}).front()[0].as_int();
    std::int64_t id = last - count;
    std::int64_t now = Clock::now();
    for (const auto& e : entries)
        tx.execute(
            "INSERT INTO feed_entries (id, school_id, target, target_id, group_id, audience, kind, data, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {++id, e.school_id, e.target, e.target_id, e.group_id, e.audience, e.kind, json::to_string(e.data), now});
    tx.notify("kreda_feed");
    tx.after_commit(wake_hub);
}

}  // namespace

void publish(storage::Transaction& tx, const std::vector<Entry>& entries) {
    auto& slot = tx.local("feed");
    if (!slot) {
        auto pending = std::make_shared<std::vector<Entry>>();
        slot = pending;
        tx.before_commit([&tx, pending] { write(tx, *pending); });
    }
    auto pending = std::static_pointer_cast<std::vector<Entry>>(slot);
    pending->insert(pending->end(), entries.begin(), entries.end());
}

Reader reader_of(storage::Transaction& tx, const auth::Actor& actor) {
    Reader reader{actor.user_id, actor.school_id.value_or(0), actor.role, {}};
    std::string sql = actor.role == auth::Role::Parent
                          ? "SELECT s.user_id, s.class_id FROM guardianships g JOIN students s ON s.user_id = "
                            "g.student_id WHERE g.parent_id = ?"
                          : "SELECT user_id, class_id FROM students WHERE user_id = ?";
    if (actor.role != auth::Role::Parent && actor.role != auth::Role::Student) return reader;
    for (const auto& r : tx.query(sql, {actor.user_id})) {
        Reader::Place place;
        if (!r[1].is_null()) place.class_id = r[1].as_int();
        for (const auto& g : tx.query("SELECT group_id FROM group_members WHERE student_id = ?", {r[0].as_int()}))
            place.groups.insert(g[0].as_int());
        reader.students[r[0].as_int()] = std::move(place);
    }
    return reader;
}

std::optional<std::optional<std::int64_t>> seen_by(const Reader& reader, const StoredEntry& e, bool in_mailbox) {
    if (e.school_id != reader.school_id) return std::nullopt;
    std::optional<std::int64_t> student;
    if (e.target == "student") {
        if (!reader.students.count(e.target_id)) return std::nullopt;
        if (e.audience == "parents" && reader.role != auth::Role::Parent) return std::nullopt;
        student = e.target_id;
    } else if (e.target == "class") {
        for (const auto& [id, place] : reader.students)
            if (place.class_id == e.target_id && (!e.group_id || place.groups.count(*e.group_id))) student = id;
        if (!student) return std::nullopt;
    } else if (e.target == "school") {
        if (school_audiences(reader.role).find("'" + e.audience + "'") == std::string::npos) return std::nullopt;
    } else if (e.target != "message" || !in_mailbox) {
        return std::nullopt;
    }
    return student;
}

Item item_of(const StoredEntry& e, std::optional<std::int64_t> student) {
    return Item{e.id,
                e.kind,
                {{"id", e.id},
                 {"kind", e.kind},
                 {"at", format_instant(e.created_at)},
                 {"student_id", student ? json::value(*student) : json::value(nullptr)},
                 {"data", boost::json::parse(e.data)}}};
}

std::optional<Item> item_for(const Reader& reader, const StoredEntry& e, bool in_mailbox) {
    auto student = seen_by(reader, e, in_mailbox);
    if (!student) return std::nullopt;
    return item_of(e, *student);
}

namespace {

//! The SQL condition for the entries that may be the reader's (item_for has the last word); `?` is their id.
std::string candidates_of(const Reader& reader) {
    std::set<std::int64_t> students, classes;
    for (const auto& [id, place] : reader.students) {
        students.insert(id);
        if (place.class_id) classes.insert(*place.class_id);
    }
    std::string where = "(target = 'school' AND audience IN (" + school_audiences(reader.role) +
                        ")) OR (target = 'message' AND target_id IN (SELECT message_id FROM mailbox WHERE "
                        "owner_id = ? AND folder <> 'sent' AND folder <> 'deleted'))";
    if (!students.empty()) where += " OR (target = 'student' AND target_id IN (" + id_list(students) + "))";
    if (!classes.empty()) where += " OR (target = 'class' AND target_id IN (" + id_list(classes) + "))";
    return where;
}

}  // namespace

Page read_before(storage::Transaction& tx, const Reader& reader, std::optional<std::int64_t> before, int limit) {
    std::int64_t head = head_of(tx);
    Page page;
    auto rows = tx.query(std::string(kColumns) + "WHERE school_id = ? AND id < ? AND (" + candidates_of(reader) +
                             ") ORDER BY id DESC LIMIT ?",
                         {reader.school_id, before.value_or(head + 1), reader.user_id, limit});
    for (const auto& r : rows) {
        StoredEntry e = stored_of(r);
        if (auto item = item_for(reader, e, e.target == "message")) page.items.push_back(std::move(*item));
    }
    page.more = static_cast<int>(rows.size()) == limit;
    page.cursor = rows.empty() ? before.value_or(head + 1) : rows.rows.back()[0].as_int();
    return page;
}

Page read_since(storage::Transaction& tx, const Reader& reader, std::int64_t since, int limit) {
    std::int64_t head = head_of(tx);
    Page page;
    auto rows = tx.query(std::string(kColumns) + "WHERE school_id = ? AND id > ? AND id <= ? AND (" +
                             candidates_of(reader) + ") ORDER BY id LIMIT ?",
                         {reader.school_id, since, head, reader.user_id, limit});
    for (const auto& r : rows) {
        StoredEntry e = stored_of(r);
        if (auto item = item_for(reader, e, e.target == "message")) page.items.push_back(std::move(*item));
    }
    page.more = static_cast<int>(rows.size()) == limit;
    page.cursor = page.more ? rows.rows.back()[0].as_int() : std::max(head, since);
    return page;
}

std::vector<StoredEntry> entries_after(storage::Transaction& tx, std::int64_t since, int limit) {
    std::vector<StoredEntry> out;
    for (const auto& r : tx.query(std::string(kColumns) + "WHERE id > ? ORDER BY id LIMIT ?", {since, limit}))
        out.push_back(stored_of(r));
    return out;
}

std::int64_t head_of(storage::Transaction& tx) {
    return tx.query("SELECT last FROM feed_counter WHERE id = 1").front()[0].as_int();
}

}  // namespace kreda::feed
