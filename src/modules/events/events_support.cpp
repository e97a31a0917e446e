#include "modules/events/events_support.hpp"

#include "core/error.hpp"

namespace kreda::events {

std::pair<organisation::SchoolClass, auth::Relation> class_relation(storage::Transaction& tx, const auth::Actor& actor,
                                                                    std::int64_t class_id) {
    if (!actor.school_id) throw errors::not_found();
    auto found = organisation::find_class(tx, *actor.school_id, class_id);
    if (!found) throw errors::not_found();
    if (found->homeroom_teacher && found->homeroom_teacher->id == actor.user_id)
        return {*found, auth::Relation::Homeroom};
    bool teaches =
        tx.query_one("SELECT 1 FROM assignments WHERE class_id = ? AND teacher_id = ?", {class_id, actor.user_id})
            .has_value();
    return {*found, teaches ? auth::Relation::Teaches : auth::Relation::None};
}

bool is_office(const auth::Actor& actor) {
    return actor.role == auth::Role::Admin || actor.role == auth::Role::Director || actor.role == auth::Role::Secretary;
}

std::set<std::int64_t> groups_of(storage::Transaction& tx, std::int64_t student_id) {
    std::set<std::int64_t> out;
    for (auto g : organisation::groups_of_student(tx, student_id)) out.insert(g);
    return out;
}

}  // namespace kreda::events
