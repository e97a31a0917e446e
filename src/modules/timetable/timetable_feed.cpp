// What families hear of a timetable change: the change as the office entered it, with the names a phone shows
// without looking anything up (subject, teacher, room), for the class or group whose lesson it touches.
#include "modules/timetable/timetable_feed.hpp"
#include "modules/feed/feed.hpp"
#include "modules/timetable/timetable_store.hpp"

namespace kreda::timetable {

namespace {

std::string full_name(const organisation::PersonRef& p) {
    return p.first_name + " " + p.last_name;
}

}  // namespace

void publish_change(storage::Transaction& tx, std::int64_t school_id, const organisation::Directory& directory,
                    const Change& change, bool withdrawn) {
    std::int64_t class_id = 0, subject_id = 0, teacher_id = 0;
    std::optional<std::int64_t> group_id, room_id;
    if (change.entry_id) {
        auto entry = store::find_entry(tx, school_id, *change.entry_id);
        if (!entry) return;
        class_id = entry->class_id, group_id = entry->group_id, subject_id = entry->subject_id;
        teacher_id = entry->teacher_id, room_id = entry->room_id;
    } else if (change.assignment_id) {
        auto a = directory.assignments.find(*change.assignment_id);
        if (a == directory.assignments.end()) return;
        class_id = a->second.class_id, group_id = a->second.group_id, subject_id = a->second.subject.id;
        teacher_id = a->second.teacher.id;
    } else {
        return;
    }
    subject_id = change.subject_id.value_or(subject_id);
    teacher_id = change.substitute_teacher_id.value_or(teacher_id);
    room_id = change.room_id ? change.room_id : room_id;

    json::object data = change_json(change);
    auto subject = directory.subjects.find(subject_id);
    data["subject"] = subject != directory.subjects.end() ? json::value(subject->second.name) : json::value(nullptr);
    auto teacher = directory.staff.find(teacher_id);
    data["teacher"] = teacher != directory.staff.end() ? json::value(full_name(teacher->second)) : json::value(nullptr);
    auto room = room_id ? directory.rooms.find(*room_id) : directory.rooms.end();
    data["room"] = room != directory.rooms.end() ? json::value(room->second.name) : json::value(nullptr);
    data["withdrawn"] = withdrawn;
    feed::publish(tx, {feed::for_class(school_id, class_id, group_id, "timetable.changed", std::move(data))});
}

}  // namespace kreda::timetable
