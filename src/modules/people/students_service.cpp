// Students and their parents: creation (logins N and N+"u"), lists, guardianship, activation slips.
#include <set>

#include "auth/policy.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/people/people.hpp"
#include "modules/people/people_store.hpp"
#include "modules/school/school.hpp"

namespace kreda::people {

namespace {

const Text kNoSuchClass{"Nie ma takiej klasy w tej szkole.", "There is no such class in this school."};
const Text kNoSuchParent{"Nie ma takiego rodzica w tej szkole.", "There is no such parent in this school."};

User parent_in_school(storage::Transaction& tx, std::int64_t school_id, std::int64_t parent_id) {
    auto parent = store::find_user(tx, parent_id);
    if (!parent || parent->school_id != school_id || parent->role != auth::Role::Parent)
        throw errors::invalid({{"parent_id", kNoSuchParent}});
    return *parent;
}

StudentSummary student_in_school(storage::Transaction& tx, std::int64_t school_id, std::int64_t student_id) {
    auto student = store::find_student(tx, student_id);
    if (!student || student->school_id != school_id) throw errors::not_found();
    return *student;
}

void audit_guardianship(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id, std::string action,
                        std::int64_t parent_id, std::int64_t student_id) {
    auto entry = audit::entry_by(actor, std::move(action), "guardianship", student_id);
    entry.school_id = school_id;
    json::object link{{"parent_id", parent_id}, {"student_id", student_id}};
    if (entry.action == "guardianship.create")
        entry.after = link;
    else
        entry.before = link;
    audit::append(tx, entry);
}

}  // namespace

CreatedStudent create_student(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                              const json::object& input) {
    auth::require(actor, auth::Action::ManageStudents, {school_id});
    json::FieldReader fields(input);
    NewAccount student{
        school_id, auth::Role::Student, fields.text("first_name", 100), fields.text("last_name", 100), std::nullopt,
        ""};
    std::int64_t class_id = fields.id("class_id");
    auto parent_id = fields.optional_id("parent_id");
    std::optional<NewAccount> new_parent;
    if (!parent_id) {
        auto it = input.find("parent");
        if (it == input.end() || !it->value().is_object()) {
            fields.fail("parent", {"Podaj dane rodzica albo wybierz istniejącego rodzica.",
                                   "Give the parent's details or choose an existing parent."});
        } else {
            json::FieldReader parent_fields(it->value().as_object());
            new_parent = NewAccount{school_id,
                                    auth::Role::Parent,
                                    parent_fields.text("first_name", 100),
                                    parent_fields.text("last_name", 100),
                                    parent_fields.optional_text("email", 254),
                                    ""};
            if (new_parent->email && new_parent->email->empty()) new_parent->email.reset();
            parent_fields.check();
        }
    }
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        return create_student_in(tx, actor, school_id, {student, class_id, parent_id, new_parent});
    });
}

CreatedStudent create_student_in(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id,
                                 NewStudent input) {
    NewAccount& student = input.student;
    const std::int64_t class_id = input.class_id;
    const auto& parent_id = input.parent_id;
    const auto& new_parent = input.new_parent;
    if (!store::class_exists(tx, school_id, class_id)) throw errors::invalid({{"class_id", kNoSuchClass}});
    CreatedStudent created;
    if (parent_id) {
        created.parent = parent_in_school(tx, school_id, *parent_id);
    } else {
        CreatedAccount parent = create_account(tx, actor, *new_parent);
        created.parent = parent.user;
        created.parent_code = parent.activation_code;
        student.login = parent.user.login + "u";
    }
    // A sibling gets a number of their own: the parent's "N+u" belongs to the first child.
    if (store::login_taken(tx, student.login)) student.login.clear();
    CreatedAccount account = create_account(tx, actor, student);
    store::insert_student(tx, account.user.id, school_id, class_id);
    created.student_code = account.activation_code;
    created.student = *store::find_student(tx, account.user.id);
    store::insert_guardianship(tx, school_id, created.parent.id, created.student.id);
    audit_guardianship(tx, actor, school_id, "guardianship.create", created.parent.id, created.student.id);
    created.student.parents.push_back(created.parent);
    return created;
}

std::vector<StudentSummary> list_students(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                                          std::optional<std::int64_t> class_id) {
    auth::require(actor, auth::Action::ViewStudents, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    auto students = store::students_of(*tx, school_id, class_id);
    store::attach_parents(*tx, students);
    return students;
}

StudentSummary require_student(storage::Transaction& tx, const auth::Actor& actor, std::int64_t student_id) {
    auto student = store::find_student(tx, student_id);
    if (!student) throw errors::not_found();
    auth::Relation relation = auth::Relation::None;
    if (actor.user_id == student_id)
        relation = auth::Relation::Self;
    else if (actor.role == auth::Role::Parent && store::is_guardian(tx, actor.user_id, student_id))
        relation = auth::Relation::Guardian;
    auth::require(actor, auth::Action::ViewStudent, {student->school_id, relation});
    return *student;
}

StudentSummary get_student(Context& ctx, const auth::Actor& actor, std::int64_t student_id) {
    auto tx = ctx.db.begin(storage::Access::Read);
    return require_student(*tx, actor, student_id);
}

std::vector<StudentSummary> students_of_class(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id) {
    return store::students_of(tx, school_id, class_id);
}

std::optional<StudentSummary> find_student(storage::Transaction& tx, std::int64_t student_id) {
    return store::find_student(tx, student_id);
}

std::vector<User> staff_of(storage::Transaction& tx, std::int64_t school_id) {
    return store::staff_of(tx, school_id);
}

void link_guardian(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t parent_id,
                   std::int64_t student_id) {
    auth::require(actor, auth::Action::ManageStudents, {school_id});
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        parent_in_school(tx, school_id, parent_id);
        student_in_school(tx, school_id, student_id);
        if (store::is_guardian(tx, parent_id, student_id))
            throw errors::conflict("duplicate_guardianship", {"Ten rodzic jest już opiekunem tego ucznia.",
                                                              "This parent is already the student's guardian."});
        store::insert_guardianship(tx, school_id, parent_id, student_id);
        audit_guardianship(tx, actor, school_id, "guardianship.create", parent_id, student_id);
    });
}

void unlink_guardian(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t parent_id,
                     std::int64_t student_id) {
    auth::require(actor, auth::Action::ManageStudents, {school_id});
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        if (!store::delete_guardianship(tx, school_id, parent_id, student_id)) throw errors::not_found();
        audit_guardianship(tx, actor, school_id, "guardianship.delete", parent_id, student_id);
    });
}

json::object issue_slips(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t class_id) {
    auth::require(actor, auth::Action::PrintCredentials, {school_id});
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        if (!store::class_exists(tx, school_id, class_id)) throw errors::not_found();
        auto students = store::students_of(tx, school_id, class_id);
        store::attach_parents(tx, students);
        json::array slips, issued_to;
        std::set<std::int64_t> done;
        auto slip = [&](const User& user, const StudentSummary& child) {
            if (user.activated || !user.active || !done.insert(user.id).second) return;
            std::string code = new_activation_code();
            store::set_activation(tx, user.id, activation_hash(code));
            slips.push_back(json::object{{"user_id", user.id},
                                         {"login", user.login},
                                         {"role", auth::to_string(user.role)},
                                         {"first_name", user.first_name},
                                         {"last_name", user.last_name},
                                         {"student_name", child.first_name + " " + child.last_name},
                                         {"activation_code", code}});
            issued_to.push_back(user.id);
        };
        for (const auto& student : students) {
            User as_user{student.id,        school_id,    student.login,  auth::Role::Student, student.first_name,
                         student.last_name, std::nullopt, student.active, student.activated,   false};
            slip(as_user, student);
            for (const auto& parent : student.parents) slip(parent, student);
        }
        auto entry = audit::entry_by(actor, "credentials.issue", "class", class_id);
        entry.school_id = school_id;
        entry.after = json::object{{"user_ids", issued_to}};
        audit::append(tx, entry);
        auto school = school::find(tx, school_id);
        return json::object{{"school_name", school ? school->name : ""},
                            {"sign_in_url", ctx.settings.public_url},
                            {"class_name", store::class_name(tx, class_id)},
                            {"slips", std::move(slips)}};
    });
}

std::vector<StudentSummary> visible_students(storage::Transaction& tx, const auth::Actor& actor) {
    if (actor.role == auth::Role::Parent) return store::children_of(tx, actor.user_id);
    if (actor.role == auth::Role::Student) {
        if (auto self = store::find_student(tx, actor.user_id)) return {*self};
    }
    return {};
}

std::vector<StudentSummary> visible_students(Context& ctx, const auth::Actor& actor) {
    auto tx = ctx.db.begin(storage::Access::Read);
    return visible_students(*tx, actor);
}

json::object brief_json(const StudentSummary& s) {
    json::object o{{"id", s.id},
                   {"first_name", s.first_name},
                   {"last_name", s.last_name},
                   {"class_name", s.class_name},
                   {"school_id", s.school_id}};
    o["class_id"] = s.class_id ? json::value(*s.class_id) : json::value(nullptr);
    return o;
}

json::object to_json(const StudentSummary& s) {
    json::object o = brief_json(s);
    o["login"] = s.login;
    o["register_number"] = s.register_number ? json::value(*s.register_number) : json::value(nullptr);
    o["active"] = s.active;
    o["activated"] = s.activated;
    json::array parents;
    for (const auto& p : s.parents)
        parents.push_back(
            json::object{{"id", p.id}, {"login", p.login}, {"first_name", p.first_name}, {"last_name", p.last_name}});
    o["parents"] = std::move(parents);
    return o;
}

}  // namespace kreda::people
