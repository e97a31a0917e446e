#include "modules/notices/notices_audience.hpp"

#include "auth/policy.hpp"

namespace kreda::notices {

std::set<std::int64_t> classes_of(storage::Transaction& tx, const auth::Actor& actor) {
    std::set<std::int64_t> out;
    auto add = [&](std::string_view sql) {
        for (const auto& r : tx.query(sql, {actor.user_id}))
            if (!r[0].is_null()) out.insert(r[0].as_int());
    };
    add("SELECT class_id FROM students WHERE user_id = ?");
    add("SELECT s.class_id FROM guardianships g JOIN students s ON s.user_id = g.student_id WHERE g.parent_id = ?");
    add("SELECT class_id FROM assignments WHERE teacher_id = ?");
    add("SELECT id FROM classes WHERE homeroom_teacher_id = ?");
    return out;
}

bool in_audience(const Notice& n, const auth::Actor& actor, const std::set<std::int64_t>& classes) {
    if (n.audience == "everyone") return true;
    if (n.audience == "parents") return actor.role == auth::Role::Parent;
    if (n.audience == "students") return actor.role == auth::Role::Student;
    if (n.audience == "staff") return auth::is_staff(actor.role);
    for (auto c : n.class_ids)
        if (classes.count(c)) return true;
    return false;
}

bool addressed_to(const Notice& n, const auth::Actor& actor, const std::set<std::int64_t>& classes) {
    return auth::allows(actor, auth::Action::ManageNotices, {n.school_id, auth::Relation::None}) ||
           n.author_id == actor.user_id || in_audience(n, actor, classes);
}

std::int64_t audience_size(storage::Transaction& tx, const Notice& n) {
    std::string sql;
    if (n.audience == "everyone") sql = "role <> 'operator'";
    if (n.audience == "parents") sql = "role = 'parent'";
    if (n.audience == "students") sql = "role = 'student'";
    if (n.audience == "staff") sql = "role NOT IN ('operator', 'parent', 'student')";
    if (n.audience == "classes") {
        std::string in;
        for (auto c : n.class_ids) in += (in.empty() ? "" : ", ") + std::to_string(c);
        if (in.empty()) return 0;
        sql = "id IN (SELECT user_id FROM students WHERE class_id IN (" + in +
              ")) OR id IN (SELECT g.parent_id FROM guardianships g JOIN students s ON s.user_id = g.student_id "
              "WHERE s.class_id IN (" +
              in + ")) OR id IN (SELECT teacher_id FROM assignments WHERE class_id IN (" + in +
              ")) OR id IN (SELECT homeroom_teacher_id FROM classes WHERE id IN (" + in + "))";
    }
    return tx
        .query("SELECT COUNT(*) FROM users WHERE school_id = ? AND active = 1 AND id <> ? AND (" + sql + ")",
               {n.school_id, n.author_id})
        .front()[0]
        .as_int();
}

}  // namespace kreda::notices
