// The class parent council (rada oddziałowa rodziców): parents of the class whom other parents may write to.
#include <set>

#include "auth/policy.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/messages/messages.hpp"
#include "modules/organisation/organisation.hpp"

namespace kreda::messages {

namespace {

//! The class's parents: id → name.
std::map<std::int64_t, std::string> parents_of_class(storage::Transaction& tx, std::int64_t class_id) {
    std::map<std::int64_t, std::string> out;
    for (const auto& r : tx.query("SELECT DISTINCT u.id, u.first_name, u.last_name FROM guardianships g "
                                  "JOIN students s ON s.user_id = g.student_id JOIN users u ON u.id = g.parent_id "
                                  "WHERE s.class_id = ?",
                                  {class_id}))
        out[r[0].as_int()] = r[1].as_text() + " " + r[2].as_text();
    return out;
}

json::object members_json(storage::Transaction& tx, std::int64_t class_id) {
    auto parents = parents_of_class(tx, class_id);
    json::array members;
    for (const auto& r :
         tx.query("SELECT parent_id FROM class_councils WHERE class_id = ? ORDER BY parent_id", {class_id}))
        members.push_back(json::object{{"id", r[0].as_int()}, {"name", parents[r[0].as_int()]}});
    return {{"class_id", class_id}, {"members", std::move(members)}};
}

}  // namespace

json::object council_of(Context& ctx, const auth::Actor& actor, std::int64_t class_id) {
    auto tx = ctx.db.begin(storage::Access::Read);
    organisation::require_class(*tx, actor, class_id, auth::Action::ViewClasses);
    return members_json(*tx, class_id);
}

json::object set_council(Context& ctx, const auth::Actor& actor, std::int64_t class_id, const json::object& input) {
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        organisation::require_class(tx, actor, class_id,
                                    auth::Action::DecideExcuse);  // the homeroom teacher or the office
        json::FieldReader fields(input);
        auto ids = fields.ids("parent_ids");
        fields.check();
        auto parents = parents_of_class(tx, class_id);
        std::set<std::int64_t> chosen(ids.begin(), ids.end());
        for (auto id : chosen)
            if (!parents.count(id))
                fields.fail("parent_ids", {"Do rady należą tylko rodzice uczniów tej klasy.",
                                           "Only parents of this class's students belong to its council."});
        if (chosen.size() > 10) fields.fail("parent_ids", {"Najwyżej 10 osób.", "At most 10 people."});
        fields.check();
        auto before = members_json(tx, class_id);
        tx.execute("DELETE FROM class_councils WHERE class_id = ?", {class_id});
        for (auto id : chosen)
            tx.execute("INSERT INTO class_councils (class_id, parent_id) VALUES (?, ?)", {class_id, id});
        auto after = members_json(tx, class_id);
        audit::record(tx, actor, *actor.school_id, "class_council.set", "class", class_id, before, after);
        return after;
    });
}

}  // namespace kreda::messages
