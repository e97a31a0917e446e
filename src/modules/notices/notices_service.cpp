#include <algorithm>
#include <set>
#include <sstream>

#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/feed/feed.hpp"
#include "modules/notices/notices.hpp"
#include "modules/notices/notices_audience.hpp"

namespace kreda::notices {

namespace {

constexpr std::string_view kFields =
    "SELECT n.id, n.school_id, n.author_id, u.first_name, u.last_name, n.title, n.body, n.audience, n.class_ids, "
    "n.valid_from, n.valid_to, n.created_at FROM announcements n JOIN users u ON u.id = n.author_id ";

std::set<std::int64_t> split_ids(const std::string& text) {
    std::set<std::int64_t> out;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) out.insert(std::stoll(part));
    return out;
}

Notice notice_of(const storage::Row& r) {
    return {r[0].as_int(),
            r[1].as_int(),
            r[2].as_int(),
            r[3].as_text(),
            r[4].as_text(),
            r[5].as_text(),
            r[6].as_text(),
            r[7].as_text(),
            split_ids(r[8].as_text()),
            parse_date(r[9].as_text()).value_or(Date{}),
            parse_date(r[10].as_text()).value_or(Date{}),
            r[11].as_int()};
}

json::object notice_json(const Notice& n, std::optional<std::int64_t> read_at) {
    json::array classes;
    for (auto c : n.class_ids) classes.push_back(c);
    return {{"id", n.id},
            {"title", n.title},
            {"body", n.body},
            {"author", {{"id", n.author_id}, {"first_name", n.author_first_name}, {"last_name", n.author_last_name}}},
            {"audience", n.audience},
            {"class_ids", std::move(classes)},
            {"valid_from", format_date(n.valid_from)},
            {"valid_to", format_date(n.valid_to)},
            {"created_at", format_instant(n.created_at)},
            {"read", read_at.has_value()}};
}

//! Feed entries for the announcement's audience: each chosen class, or the school's audience.
std::vector<feed::Entry> news_of(const Notice& n, const std::string& kind) {
    json::object data{
        {"notice_id", n.id},
        {"title", n.title},
        {"author", {{"id", n.author_id}, {"first_name", n.author_first_name}, {"last_name", n.author_last_name}}}};
    std::vector<feed::Entry> entries;
    if (n.audience == "classes")
        for (auto c : n.class_ids) entries.push_back(feed::for_class(n.school_id, c, std::nullopt, kind, data));
    else
        entries.push_back(feed::for_school(n.school_id, n.audience, kind, data));
    return entries;
}

Notice require_visible(storage::Transaction& tx, const auth::Actor& actor, std::int64_t notice_id) {
    auto row = tx.query_one(std::string(kFields) + "WHERE n.id = ?", {notice_id});
    if (!row || !actor.school_id) throw errors::not_found();
    Notice n = notice_of(*row);
    if (n.school_id != *actor.school_id || !addressed_to(n, actor, classes_of(tx, actor))) throw errors::not_found();
    return n;
}

}  // namespace

json::object list(Context& ctx, const auth::Actor& actor, bool all) {
    if (!actor.school_id) throw errors::forbidden();
    auto tx = ctx.db.begin(storage::Access::Read);
    std::string today = format_date(warsaw_date(Clock::now()));
    auto rows =
        all ? tx->query(std::string(kFields) + "WHERE n.school_id = ? ORDER BY n.id DESC LIMIT 200", {*actor.school_id})
            : tx->query(std::string(kFields) +
                            "WHERE n.school_id = ? AND n.valid_from <= ? AND n.valid_to >= ? ORDER BY n.id DESC",
                        {*actor.school_id, today, today});
    std::set<std::int64_t> read;
    for (const auto& r : tx->query("SELECT announcement_id FROM announcement_reads WHERE user_id = ?", {actor.user_id}))
        read.insert(r[0].as_int());
    auto classes = classes_of(*tx, actor);
    json::array items;
    for (const auto& r : rows) {
        Notice n = notice_of(r);
        if (!addressed_to(n, actor, classes)) continue;
        json::object o = notice_json(n, read.count(n.id) ? std::optional<std::int64_t>(0) : std::nullopt);
        // Whether the caller is among those it speaks to (the author and the office also see others').
        o["for_me"] = in_audience(n, actor, classes) && n.author_id != actor.user_id;
        items.push_back(std::move(o));
    }
    return {{"items", std::move(items)}};
}

json::object unread_count(Context& ctx, const auth::Actor& actor) {
    std::int64_t unread = 0;
    json::object current = list(ctx, actor, false);
    for (const auto& item : current.at("items").as_array())
        if (item.at("for_me").as_bool() && !item.at("read").as_bool()) ++unread;
    return {{"unread", unread}};
}

json::object create(Context& ctx, const auth::Actor& actor, const json::object& input) {
    if (!actor.school_id) throw errors::not_found();
    // Families and other schools hear nothing of the input; staff are told what is wrong with it first.
    if (!auth::is_staff(actor.role)) auth::require(actor, auth::Action::PublishNotices, {*actor.school_id});
    json::FieldReader fields(input);
    Notice n;
    n.title = fields.text("title", 200);
    n.body = fields.text("body", 10000);
    n.audience = fields.text("audience", 10);
    auto ids = fields.ids("class_ids");
    Date today = warsaw_date(Clock::now());
    n.valid_from = fields.optional_date("valid_from").value_or(today);
    n.valid_to = fields.optional_date("valid_to").value_or(add_days(n.valid_from, 30));
    static const std::set<std::string> audiences = {"everyone", "parents", "students", "staff", "classes"};
    if (!audiences.count(n.audience))
        fields.fail("audience", {"Adresaci: everyone, parents, students, staff albo classes.",
                                 "Audience: everyone, parents, students, staff or classes."});
    if (n.valid_to < n.valid_from)
        fields.fail("valid_to", {"Koniec nie może być przed początkiem.", "The end cannot be before the start."});
    if (n.audience == "classes" && ids.empty()) fields.fail("class_ids", {"Wybierz klasy.", "Choose the classes."});
    fields.check();
    n.class_ids = {ids.begin(), ids.end()};
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        for (auto c : n.class_ids)
            if (!tx.query_one("SELECT 1 FROM classes WHERE id = ? AND school_id = ?", {c, *actor.school_id}))
                throw errors::invalid({{"class_ids", {"Nie ma takiej klasy.", "No such class."}}});
        // The school as a whole needs the role; each chosen class, the role or teaching or leading it.
        auto mine = classes_of(tx, actor);
        if (n.audience != "classes") auth::require(actor, auth::Action::PublishNotices, {*actor.school_id});
        for (auto c : n.class_ids)
            auth::require(actor, auth::Action::PublishNotices,
                          {*actor.school_id, mine.count(c) ? auth::Relation::Teaches : auth::Relation::None});
        std::string class_list;
        for (auto c : n.class_ids) class_list += (class_list.empty() ? "" : ",") + std::to_string(c);
        n.school_id = *actor.school_id;
        n.author_id = actor.user_id;
        n.created_at = Clock::now();
        n.id = tx.query(
                     "INSERT INTO announcements (school_id, author_id, title, body, audience, class_ids, valid_from, "
                     "valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {n.school_id, n.author_id, n.title, n.body, n.audience, class_list, format_date(n.valid_from),
                      format_date(n.valid_to), n.created_at})
                   .front()[0]
                   .as_int();
        auto row = tx.query_one(std::string(kFields) + "WHERE n.id = ?", {n.id});
        Notice stored = notice_of(*row);
        json::object out = notice_json(stored, std::nullopt);
        audit::record(tx, actor, n.school_id, "announcement.create", "announcement", n.id, std::nullopt, out);
        feed::publish(tx, news_of(stored, "notice.published"));
        return out;
    });
}

json::object open(Context& ctx, const auth::Actor& actor, std::int64_t notice_id) {
    Notice n;
    bool unread = false;
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        n = require_visible(*tx, actor, notice_id);
        unread = in_audience(n, actor, classes_of(*tx, actor)) && n.author_id != actor.user_id &&
                 !tx->query_one("SELECT 1 FROM announcement_reads WHERE announcement_id = ? AND user_id = ?",
                                {notice_id, actor.user_id});
    }
    if (unread)
        in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
            tx.execute(
                "INSERT INTO announcement_reads (announcement_id, user_id, read_at) VALUES (?, ?, ?) "
                "ON CONFLICT (announcement_id, user_id) DO NOTHING",
                {notice_id, actor.user_id, Clock::now()});
        });
    auto tx = ctx.db.begin(storage::Access::Read);
    json::object out = notice_json(n, unread || tx->query_one("SELECT 1 FROM announcement_reads WHERE "
                                                              "announcement_id = ? AND user_id = ?",
                                                              {notice_id, actor.user_id})
                                          ? std::optional<std::int64_t>(0)
                                          : std::nullopt);
    out["for_me"] = in_audience(n, actor, classes_of(*tx, actor)) && n.author_id != actor.user_id;
    if (n.author_id == actor.user_id ||
        auth::allows(actor, auth::Action::ManageNotices, {n.school_id, auth::Relation::None})) {
        out["audience_size"] = audience_size(*tx, n);
        json::array readers;
        for (const auto& r : tx->query("SELECT u.id, u.first_name, u.last_name, u.role, r.read_at FROM "
                                       "announcement_reads r JOIN users u ON u.id = r.user_id "
                                       "WHERE r.announcement_id = ? ORDER BY r.read_at",
                                       {notice_id}))
            readers.push_back(json::object{{"user",
                                            {{"id", r[0].as_int()},
                                             {"first_name", r[1].as_text()},
                                             {"last_name", r[2].as_text()},
                                             {"role", r[3].as_text()}}},
                                           {"read_at", format_instant(r[4].as_int())}});
        out["readers"] = std::move(readers);
    }
    return out;
}

void remove(Context& ctx, const auth::Actor& actor, std::int64_t notice_id) {
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        Notice n = require_visible(tx, actor, notice_id);
        if (n.author_id != actor.user_id)
            auth::require(actor, auth::Action::ManageNotices, {n.school_id, auth::Relation::None});
        json::object before = notice_json(n, std::nullopt);
        tx.execute("DELETE FROM announcement_reads WHERE announcement_id = ?", {notice_id});
        tx.execute("DELETE FROM announcements WHERE id = ?", {notice_id});
        audit::record(tx, actor, n.school_id, "announcement.delete", "announcement", notice_id, before, std::nullopt);
        feed::publish(tx, news_of(n, "notice.deleted"));
    });
}

}  // namespace kreda::notices
