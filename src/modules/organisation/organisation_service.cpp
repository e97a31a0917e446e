// Classes (homeroom teacher, register numbers) and groups inside classes.
#include <algorithm>
#include <set>

#include "auth/policy.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/organisation/organisation_store.hpp"

namespace kreda::organisation {

namespace {

const Text kNotATeacher{"Wychowawcą może być tylko nauczyciel tej szkoły.",
                        "Only a teacher of this school can be a homeroom teacher."};
const Text kNotInClass{"Do grupy można dodać tylko uczniów tej klasy.",
                       "Only students of this class can join the group."};

json::value person_json(const std::optional<PersonRef>& p) {
    if (!p) return nullptr;
    return json::object{{"id", p->id}, {"first_name", p->first_name}, {"last_name", p->last_name}};
}

void check_members(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id,
                   std::vector<std::int64_t>& student_ids) {
    std::sort(student_ids.begin(), student_ids.end());
    student_ids.erase(std::unique(student_ids.begin(), student_ids.end()), student_ids.end());
    std::set<std::int64_t> in_class;
    for (const auto& s : store::students_of_class(tx, school_id, class_id)) in_class.insert(s.id);
    for (auto id : student_ids)
        if (!in_class.count(id)) throw errors::invalid({{"student_ids", kNotInClass}});
}

}  // namespace

json::object to_json(const SchoolClass& c) {
    return {{"id", c.id},
            {"name", c.name},
            {"student_count", c.student_count},
            {"homeroom_teacher", person_json(c.homeroom_teacher)}};
}

json::object to_json(const Group& g) {
    json::array students(g.student_ids.begin(), g.student_ids.end());
    return {{"id", g.id},
            {"class_id", g.class_id},
            {"class_name", g.class_name},
            {"name", g.name},
            {"student_ids", std::move(students)}};
}

std::vector<SchoolClass> list_classes(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    return store::classes_of(*tx, school_id);
}

std::optional<SchoolClass> find_class(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id) {
    return store::find_class(tx, school_id, class_id);
}

std::pair<SchoolClass, auth::Relation> class_relation(storage::Transaction& tx, const auth::Actor& actor,
                                                      std::int64_t class_id) {
    if (!actor.school_id) throw errors::not_found();
    auto found = store::find_class(tx, *actor.school_id, class_id);
    if (!found) throw errors::not_found();
    if (found->homeroom_teacher && found->homeroom_teacher->id == actor.user_id)
        return {*found, auth::Relation::Homeroom};
    bool teaches =
        tx.query_one("SELECT 1 FROM assignments WHERE class_id = ? AND teacher_id = ?", {class_id, actor.user_id})
            .has_value();
    return {*found, teaches ? auth::Relation::Teaches : auth::Relation::None};
}

SchoolClass require_class(storage::Transaction& tx, const auth::Actor& actor, std::int64_t class_id,
                          auth::Action action) {
    auto [found, relation] = class_relation(tx, actor, class_id);
    auth::require(actor, action, {*actor.school_id, relation});
    return found;
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
        SchoolClass created = *store::find_class(tx, school_id, store::insert_class(tx, school_id, name));
        audit::record(tx, actor, school_id, "class.create", "class", created.id, std::nullopt, to_json(created));
        return created;
    });
}

SchoolClass update_class(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t class_id,
                         const json::object& input) {
    auth::require(actor, auth::Action::ManageClasses, {school_id});
    json::FieldReader fields(input);
    auto name = fields.optional_text("name", 20);
    bool homeroom_given = fields.has("homeroom_teacher_id");
    auto homeroom = fields.optional_id("homeroom_teacher_id");
    if (name && name->empty()) fields.fail("name", {"To pole jest wymagane.", "This field is required."});
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto before = store::find_class(tx, school_id, class_id);
        if (!before) throw errors::not_found();
        if (name) {
            auto same = store::find_class_by_name(tx, school_id, *name);
            if (same && same->id != class_id)
                throw errors::conflict("duplicate_class",
                                       {"Klasa o tej nazwie już istnieje.", "A class with this name already exists."});
        }
        if (homeroom && store::staff_role(tx, school_id, *homeroom) != "teacher")
            throw errors::invalid({{"homeroom_teacher_id", kNotATeacher}});
        std::optional<std::int64_t> teacher =
            before->homeroom_teacher ? std::optional(before->homeroom_teacher->id) : std::nullopt;
        if (homeroom_given) teacher = homeroom;
        store::update_class(tx, class_id, name.value_or(before->name), teacher);
        SchoolClass after = *store::find_class(tx, school_id, class_id);
        audit::record(tx, actor, school_id, "class.update", "class", class_id, to_json(*before), to_json(after));
        return after;
    });
}

void number_register(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t class_id) {
    auth::require(actor, auth::Action::ManageClasses, {school_id});
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        if (!store::find_class(tx, school_id, class_id)) throw errors::not_found();
        auto students = store::students_of_class(tx, school_id, class_id);
        std::sort(students.begin(), students.end(), [](const auto& a, const auto& b) {
            return std::pair(polish_sort_key(a.last_name), polish_sort_key(a.first_name)) <
                   std::pair(polish_sort_key(b.last_name), polish_sort_key(b.first_name));
        });
        json::array numbered;
        for (std::size_t i = 0; i < students.size(); ++i) {
            store::set_register_number(tx, students[i].id, static_cast<int>(i + 1));
            numbered.push_back(json::object{{"student_id", students[i].id}, {"register_number", i + 1}});
        }
        audit::record(tx, actor, school_id, "class.number_register", "class", class_id, std::nullopt,
                      json::object{{"numbers", std::move(numbered)}});
    });
}

std::vector<Group> list_groups(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                               std::optional<std::int64_t> class_id) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    return store::groups_of(*tx, school_id, class_id);
}

Group create_group(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    json::FieldReader fields(input);
    std::int64_t class_id = fields.id("class_id");
    std::string name = fields.text("name", 60);
    auto members = fields.ids("student_ids");
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        if (!store::find_class(tx, school_id, class_id))
            throw errors::invalid({{"class_id", {"Nie ma takiej klasy.", "There is no such class."}}});
        for (const auto& g : store::groups_of(tx, school_id, class_id))
            if (g.name == name)
                throw errors::conflict("duplicate_group", {"Grupa o tej nazwie już istnieje w tej klasie.",
                                                           "A group with this name already exists in this class."});
        check_members(tx, school_id, class_id, members);
        std::int64_t id = store::insert_group(tx, school_id, class_id, name);
        store::replace_members(tx, id, members);
        Group created = *store::find_group(tx, school_id, id);
        audit::record(tx, actor, school_id, "group.create", "group", id, std::nullopt, to_json(created));
        return created;
    });
}

Group set_group_members(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t group_id,
                        const json::object& input) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    json::FieldReader fields(input);
    auto members = fields.ids("student_ids");
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto before = store::find_group(tx, school_id, group_id);
        if (!before) throw errors::not_found();
        check_members(tx, school_id, before->class_id, members);
        store::replace_members(tx, group_id, members);
        Group after = *store::find_group(tx, school_id, group_id);
        audit::record(tx, actor, school_id, "group.update", "group", group_id, to_json(*before), to_json(after));
        return after;
    });
}

std::pair<std::int64_t, bool> ensure_class(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id,
                                           const std::string& name) {
    if (auto existing = store::find_class_by_name(tx, school_id, name)) return {existing->id, false};
    SchoolClass created = *store::find_class(tx, school_id, store::insert_class(tx, school_id, name));
    audit::record(tx, actor, school_id, "class.create", "class", created.id, std::nullopt, to_json(created));
    return {created.id, true};
}

void set_register_number(storage::Transaction& tx, std::int64_t student_id, int number) {
    store::set_register_number(tx, student_id, number);
}

std::vector<std::int64_t> groups_of_student(storage::Transaction& tx, std::int64_t student_id) {
    return store::groups_of_student(tx, student_id);
}

}  // namespace kreda::organisation
