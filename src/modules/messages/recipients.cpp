// Whom one may write to (DOMAIN.md "Communication"): a parent or student to the homeroom teacher, the child's
// teachers, the class parent council, the pedagogue, the secretary, the administrator and the director; staff to
// each other, and to the parents or students of the classes and groups they teach (the office: of every class).
#include <algorithm>
#include <map>
#include <set>

#include "auth/policy.hpp"
#include "core/error.hpp"
#include "modules/messages/messages.hpp"

namespace kreda::messages {

namespace {

struct Person {
    std::string first_name, last_name, role;
    std::string name() const { return first_name + " " + last_name; }
};

//! The school as far as addressing goes, read in a few queries.
struct School {
    std::map<std::int64_t, Person> people;                                                // active accounts
    std::map<std::int64_t, std::pair<std::string, std::optional<std::int64_t>>> classes;  // name, homeroom
    std::map<std::int64_t, std::pair<std::int64_t, std::string>> groups;                  // class, name
    std::map<std::int64_t, std::set<std::int64_t>> group_members;
    std::map<std::int64_t, std::int64_t> class_of;  // student → class
    std::map<std::int64_t, std::set<std::int64_t>> parents_of, children_of, council;
    struct Teaching {
        std::int64_t class_id, teacher_id;
        std::optional<std::int64_t> group_id;
        std::string subject;
    };
    std::vector<Teaching> teaching;
};

School load(storage::Transaction& tx, std::int64_t school_id) {
    School s;
    for (const auto& r :
         tx.query("SELECT id, first_name, last_name, role FROM users WHERE school_id = ? AND active = 1", {school_id}))
        s.people[r[0].as_int()] = {r[1].as_text(), r[2].as_text(), r[3].as_text()};
    for (const auto& r : tx.query("SELECT id, name, homeroom_teacher_id FROM classes WHERE school_id = ?", {school_id}))
        s.classes[r[0].as_int()] = {r[1].as_text(), r[2].is_null() ? std::nullopt : std::optional(r[2].as_int())};
    for (const auto& r : tx.query("SELECT id, class_id, name FROM class_groups WHERE school_id = ?", {school_id}))
        s.groups[r[0].as_int()] = {r[1].as_int(), r[2].as_text()};
    for (const auto& r : tx.query("SELECT m.group_id, m.student_id FROM group_members m JOIN class_groups g "
                                  "ON g.id = m.group_id WHERE g.school_id = ?",
                                  {school_id}))
        s.group_members[r[0].as_int()].insert(r[1].as_int());
    for (const auto& r :
         tx.query("SELECT user_id, class_id FROM students WHERE school_id = ? AND class_id IS NOT NULL", {school_id}))
        s.class_of[r[0].as_int()] = r[1].as_int();
    for (const auto& r : tx.query("SELECT parent_id, student_id FROM guardianships WHERE school_id = ?", {school_id})) {
        s.parents_of[r[1].as_int()].insert(r[0].as_int());
        s.children_of[r[0].as_int()].insert(r[1].as_int());
    }
    for (const auto& r : tx.query("SELECT m.class_id, m.parent_id FROM class_councils m JOIN classes c "
                                  "ON c.id = m.class_id WHERE c.school_id = ?",
                                  {school_id}))
        s.council[r[0].as_int()].insert(r[1].as_int());
    for (const auto& r : tx.query("SELECT a.class_id, a.teacher_id, a.group_id, j.name FROM assignments a "
                                  "JOIN subjects j ON j.id = a.subject_id WHERE a.school_id = ?",
                                  {school_id}))
        s.teaching.push_back({r[0].as_int(), r[1].as_int(),
                              r[2].is_null() ? std::nullopt : std::optional(r[2].as_int()), r[3].as_text()});
    return s;
}

class Builder {
  public:
    explicit Builder(const School& school) : s_(school) {}

    void add(std::string key, std::string kind, std::string name, std::string detail, std::set<std::int64_t> ids) {
        std::erase_if(ids, [&](std::int64_t id) { return !s_.people.count(id); });  // active accounts only
        if (ids.empty() || seen_.count(key)) return;
        seen_.insert(key);
        out_.push_back({std::move(key), std::move(kind), std::move(name), std::move(detail), {ids.begin(), ids.end()}});
    }
    void person(const std::string& kind, std::int64_t id, std::string detail = "") {
        auto p = s_.people.find(id);
        if (p != s_.people.end()) add(kind + ":" + std::to_string(id), kind, p->second.name(), std::move(detail), {id});
    }
    void role(const std::string& role) {
        std::set<std::int64_t> ids;
        for (const auto& [id, p] : s_.people)
            if (p.role == role) ids.insert(id);
        add("role:" + role, "role", role, "", ids);
    }
    std::vector<RecipientGroup> done() { return std::move(out_); }

  private:
    const School& s_;
    std::set<std::string> seen_;
    std::vector<RecipientGroup> out_;
};

//! A family member writing about one child (or a student about themself).
void family_groups(Builder& b, const School& s, std::int64_t student, bool parent) {
    auto klass = s.class_of.find(student);
    if (klass == s.class_of.end()) return;
    const auto& [class_name, homeroom] = s.classes.at(klass->second);
    std::map<std::int64_t, std::string> subjects;  // each teacher's subjects with the child, as one line
    for (const auto& t : s.teaching) {
        bool in_group =
            !t.group_id || (s.group_members.count(*t.group_id) && s.group_members.at(*t.group_id).count(student));
        if (t.class_id != klass->second || !in_group) continue;
        auto& line = subjects[t.teacher_id];
        if (line.find(t.subject) == std::string::npos) line += (line.empty() ? "" : ", ") + t.subject;
    }
    // The homeroom teacher once, as such, with what they also teach the child.
    if (homeroom) {
        auto taught = subjects.find(*homeroom);
        b.person("homeroom", *homeroom, taught == subjects.end() ? class_name : class_name + " · " + taught->second);
        subjects.erase(*homeroom);
    }
    for (const auto& [teacher, line] : subjects) b.person("teacher", teacher, line);
    if (parent && s.council.count(klass->second))
        b.add("council:" + std::to_string(klass->second), "council", class_name, "", s.council.at(klass->second));
}

void class_groups(Builder& b, const School& s, std::int64_t class_id) {
    const auto& name = s.classes.at(class_id).first;
    std::set<std::int64_t> students, parents;
    for (const auto& [student, c] : s.class_of)
        if (c == class_id) {
            students.insert(student);
            if (s.parents_of.count(student))
                parents.insert(s.parents_of.at(student).begin(), s.parents_of.at(student).end());
        }
    b.add("class_parents:" + std::to_string(class_id), "class_parents", name, "", parents);
    b.add("class_students:" + std::to_string(class_id), "class_students", name, "", students);
    for (const auto& [group_id, group] : s.groups) {
        if (group.first != class_id || !s.group_members.count(group_id)) continue;
        std::set<std::int64_t> members = s.group_members.at(group_id), guardians;
        for (auto m : members)
            if (s.parents_of.count(m)) guardians.insert(s.parents_of.at(m).begin(), s.parents_of.at(m).end());
        b.add("group_parents:" + std::to_string(group_id), "group_parents", name + " " + group.second, "", guardians);
        b.add("group_students:" + std::to_string(group_id), "group_students", name + " " + group.second, "", members);
    }
    for (auto student : students) {
        const auto& p = s.people.count(student) ? s.people.at(student) : Person{};
        if (s.parents_of.count(student))
            b.add("parents_of:" + std::to_string(student), "parents_of", p.name(), name, s.parents_of.at(student));
        b.person("student", student, name);
    }
}

}  // namespace

std::vector<RecipientGroup> recipient_groups(storage::Transaction& tx, const auth::Actor& actor) {
    if (!actor.school_id) throw errors::forbidden();
    School s = load(tx, *actor.school_id);
    Builder b(s);
    if (actor.role == auth::Role::Parent) {
        for (auto child : s.children_of[actor.user_id]) family_groups(b, s, child, true);
        for (const char* role : {"pedagogue", "secretary", "admin", "director"}) b.role(role);
    } else if (actor.role == auth::Role::Student) {
        family_groups(b, s, actor.user_id, false);
        for (const char* role : {"pedagogue", "secretary"}) b.role(role);
    } else if (auth::is_staff(actor.role)) {
        for (const char* role : {"director", "admin", "secretary", "pedagogue", "teacher"}) b.role(role);
        for (const auto& [id, p] : s.people)
            if (id != actor.user_id && p.role != "parent" && p.role != "student") b.person("staff", id, p.role);
        bool office = actor.role != auth::Role::Teacher;
        std::set<std::int64_t> classes;
        for (const auto& [id, c] : s.classes)
            if (office || c.second == actor.user_id) classes.insert(id);
        for (const auto& t : s.teaching)
            if (t.teacher_id == actor.user_id) classes.insert(t.class_id);
        for (auto c : classes) class_groups(b, s, c);
    }
    auto groups = b.done();
    for (auto& g : groups) std::erase(g.members, actor.user_id);  // nobody writes to themself
    std::erase_if(groups, [](const auto& g) { return g.members.empty(); });
    return groups;
}

json::object list_recipients(Context& ctx, const auth::Actor& actor) {
    auto tx = ctx.db.begin(storage::Access::Read);
    json::array items;
    for (const auto& g : recipient_groups(*tx, actor))
        items.push_back(json::object{{"key", g.key},
                                     {"kind", g.kind},
                                     {"name", g.name},
                                     {"detail", g.detail},
                                     {"count", static_cast<std::int64_t>(g.members.size())}});
    return {{"items", std::move(items)}};
}

}  // namespace kreda::messages
