#include "auth/policy.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/organisation/organisation_store.hpp"

namespace kreda::organisation {

json::object to_json(const SchoolClass& c) {
    return {{"id", c.id}, {"name", c.name}, {"student_count", c.student_count}};
}

std::vector<SchoolClass> list_classes(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    return store::classes_of(*tx, school_id);
}

SchoolClass create_class(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageClasses, {school_id});
    json::FieldReader fields(input);
    std::string name = fields.text("name", 20);
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        if (store::find_class_by_name(tx, school_id, name))
            throw errors::conflict("duplicate_class",
                                   {"Klasa o tej nazwie już istnieje.", "A class with this name already exists."});
        SchoolClass created{store::insert_class(tx, school_id, name), name, 0};
        auto entry = audit::entry_by(actor, "class.create", "class", created.id);
        entry.school_id = school_id;
        entry.after = to_json(created);
        audit::append(tx, entry);
        return created;
    });
}

}  // namespace kreda::organisation
