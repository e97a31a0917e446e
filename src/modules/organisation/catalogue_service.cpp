// Subjects, rooms, teaching assignments and the bell schedule.
#include <algorithm>

#include "auth/policy.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/organisation/organisation_store.hpp"
#include "modules/people/people.hpp"

namespace kreda::organisation {

namespace {

ApiError duplicate(std::string code) {
    return errors::conflict(std::move(code), {"Taka pozycja już istnieje.", "This entry already exists."});
}

}  // namespace

json::object to_json(const Subject& s) {
    return {{"id", s.id}, {"name", s.name}, {"short_name", s.short_name}};
}
json::object to_json(const Room& r) {
    return {{"id", r.id}, {"name", r.name}};
}

json::object to_json(const Assignment& a) {
    json::object o{
        {"id", a.id},
        {"teacher", {{"id", a.teacher.id}, {"first_name", a.teacher.first_name}, {"last_name", a.teacher.last_name}}},
        {"subject", to_json(a.subject)},
        {"class_id", a.class_id},
        {"class_name", a.class_name},
        {"group_name", a.group_name}};
    o["group_id"] = a.group_id ? json::value(*a.group_id) : json::value(nullptr);
    return o;
}

json::object to_json(const BellLesson& b) {
    return {
        {"number", b.number}, {"starts_at", format_clock_time(b.starts_at)}, {"ends_at", format_clock_time(b.ends_at)}};
}

std::vector<Subject> list_subjects(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    return store::subjects_of(*tx, school_id);
}

Subject create_subject(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    json::FieldReader fields(input);
    Subject subject{0, fields.text("name", 80), ""};
    subject.short_name = fields.optional_text("short_name", 12).value_or("");
    fields.check();
    if (subject.short_name.empty()) subject.short_name = json::utf8_prefix(subject.name, 3);
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        for (const auto& s : store::subjects_of(tx, school_id))
            if (s.name == subject.name) throw duplicate("duplicate_subject");
        subject.id = store::insert_subject(tx, school_id, subject);
        audit::record(tx, actor, school_id, "subject.create", "subject", subject.id, std::nullopt, to_json(subject));
        return subject;
    });
}

std::vector<Room> list_rooms(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    return store::rooms_of(*tx, school_id);
}

Room create_room(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    json::FieldReader fields(input);
    Room room{0, fields.text("name", 40)};
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        for (const auto& r : store::rooms_of(tx, school_id))
            if (r.name == room.name) throw duplicate("duplicate_room");
        room.id = store::insert_room(tx, school_id, room.name);
        audit::record(tx, actor, school_id, "room.create", "room", room.id, std::nullopt, to_json(room));
        return room;
    });
}

std::vector<Assignment> assignments_of(storage::Transaction& tx, std::int64_t school_id) {
    return store::assignments_of(tx, school_id);
}

std::vector<Assignment> list_assignments(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                                         std::optional<std::int64_t> teacher_id, std::optional<std::int64_t> class_id) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    auto all = store::assignments_of(*tx, school_id);
    std::erase_if(all, [&](const Assignment& a) {
        return (teacher_id && a.teacher.id != *teacher_id) || (class_id && a.class_id != *class_id);
    });
    return all;
}

Assignment create_assignment(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                             const json::object& input) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    json::FieldReader fields(input);
    std::int64_t teacher_id = fields.id("teacher_id");
    std::int64_t subject_id = fields.id("subject_id");
    std::int64_t class_id = fields.id("class_id");
    auto group_id = fields.optional_id("group_id");
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto role = store::staff_role(tx, school_id, teacher_id);
        if (!role || (*role != "teacher" && *role != "director" && *role != "pedagogue"))
            fields.fail("teacher_id",
                        {"Nie ma takiego nauczyciela w tej szkole.", "There is no such teacher in this school."});
        if (!store::find_subject(tx, school_id, subject_id))
            fields.fail("subject_id", {"Nie ma takiego przedmiotu.", "There is no such subject."});
        if (!store::find_class(tx, school_id, class_id))
            fields.fail("class_id", {"Nie ma takiej klasy.", "There is no such class."});
        if (group_id) {
            auto group = store::find_group(tx, school_id, *group_id);
            if (!group || group->class_id != class_id)
                fields.fail("group_id", {"Ta grupa nie należy do tej klasy.", "This group is not in this class."});
        }
        fields.check();
        for (const auto& a : store::assignments_of(tx, school_id))
            if (a.teacher.id == teacher_id && a.subject.id == subject_id && a.class_id == class_id &&
                a.group_id == group_id)
                throw duplicate("duplicate_assignment");
        std::int64_t id = store::insert_assignment(tx, school_id, teacher_id, subject_id, class_id, group_id);
        Assignment created;
        for (const auto& a : store::assignments_of(tx, school_id))
            if (a.id == id) created = a;
        audit::record(tx, actor, school_id, "assignment.create", "assignment", id, std::nullopt, to_json(created));
        return created;
    });
}

void delete_assignment(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t assignment_id) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        std::optional<Assignment> before;
        for (const auto& a : store::assignments_of(tx, school_id))
            if (a.id == assignment_id) before = a;
        if (!before || !store::delete_assignment(tx, school_id, assignment_id)) throw errors::not_found();
        audit::record(tx, actor, school_id, "assignment.delete", "assignment", assignment_id, to_json(*before),
                      std::nullopt);
    });
}

Directory directory_of(storage::Transaction& tx, std::int64_t school_id) {
    Directory d;
    for (auto& s : store::subjects_of(tx, school_id)) d.subjects[s.id] = s;
    for (auto& r : store::rooms_of(tx, school_id)) d.rooms[r.id] = r;
    for (auto& c : store::classes_of(tx, school_id)) d.classes[c.id] = c;
    for (auto& g : store::groups_of(tx, school_id, std::nullopt)) d.groups[g.id] = g;
    for (auto& a : store::assignments_of(tx, school_id)) d.assignments[a.id] = a;
    for (auto& u : people::staff_of(tx, school_id)) d.staff[u.id] = PersonRef{u.id, u.first_name, u.last_name};
    return d;
}

Directory names_of(storage::Transaction& tx, std::int64_t school_id) {
    Directory d;
    for (auto& s : store::subjects_of(tx, school_id)) d.subjects[s.id] = s;
    for (auto& r : store::rooms_of(tx, school_id)) d.rooms[r.id] = r;
    for (auto& c : store::class_names_of(tx, school_id)) d.classes[c.id] = c;
    for (auto& g : store::group_names_of(tx, school_id)) d.groups[g.id] = g;
    for (auto& u : people::staff_of(tx, school_id)) d.staff[u.id] = PersonRef{u.id, u.first_name, u.last_name};
    return d;
}

std::vector<BellLesson> bell_schedule_of(storage::Transaction& tx, std::int64_t school_id) {
    return store::bell_schedule_of(tx, school_id);
}

std::vector<BellLesson> bell_schedule(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    return store::bell_schedule_of(*tx, school_id);
}

std::vector<BellLesson> set_bell_schedule(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                                          const json::object& input) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    auto it = input.find("lessons");
    if (it == input.end() || !it->value().is_array() || it->value().as_array().empty())
        throw errors::invalid({{"lessons", {"Podaj listę lekcji.", "Give the list of lessons."}}});
    std::vector<BellLesson> lessons;
    json::FieldReader all(input);
    std::size_t row = 0;
    for (const auto& item : it->value().as_array()) {
        // A row's own problems are reported under "lessons.<number>" (its position when the number is unusable).
        std::string at = "lessons." + std::to_string(row++);
        if (!item.is_object()) {
            all.fail(at, {"Niepoprawna lekcja.", "Invalid lesson."});
            continue;
        }
        json::FieldReader fields(item.as_object());
        BellLesson lesson{fields.integer("number", 0, 10), fields.clock_time("starts_at"),
                          fields.clock_time("ends_at")};
        if (auto n = item.as_object().find("number"); n != item.as_object().end() && n->value().is_int64())
            at = "lessons." + std::to_string(n->value().as_int64());
        try {
            fields.check();
        } catch (const ApiError& e) {
            all.fail(at, e.fields().begin()->second);
            continue;
        }
        if (lesson.ends_at <= lesson.starts_at)
            all.fail(at, {"Lekcja musi kończyć się po rozpoczęciu.", "A lesson must end after it starts."});
        if (!lessons.empty() && (lesson.number <= lessons.back().number || lesson.starts_at < lessons.back().ends_at))
            all.fail(at, {"Lekcje muszą być po kolei i nie mogą na siebie zachodzić.",
                          "Lessons must be in order and must not overlap."});
        lessons.push_back(lesson);
    }
    all.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        json::array before, after;
        for (const auto& b : store::bell_schedule_of(tx, school_id)) before.push_back(to_json(b));
        store::replace_bell_schedule(tx, school_id, lessons);
        for (const auto& b : lessons) after.push_back(to_json(b));
        audit::record(tx, actor, school_id, "bell_schedule.replace", "bell_schedule", std::nullopt,
                      json::object{{"lessons", std::move(before)}}, json::object{{"lessons", std::move(after)}});
        return lessons;
    });
}

}  // namespace kreda::organisation
