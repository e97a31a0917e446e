// The school's organisation: classes (homeroom teacher, register numbers), groups inside classes, subjects,
// rooms, teaching assignments (teacher + subject + class or group) and the bell schedule.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "auth/policy.hpp"
#include "core/json.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda::organisation {

struct PersonRef {
    std::int64_t id = 0;
    std::string first_name, last_name;
};

struct SchoolClass {
    std::int64_t id = 0;
    std::string name;
    std::int64_t student_count = 0;
    std::optional<PersonRef> homeroom_teacher;
};

struct Group {
    std::int64_t id = 0;
    std::int64_t class_id = 0;
    std::string class_name, name;
    std::vector<std::int64_t> student_ids;
};

struct Subject {
    std::int64_t id = 0;
    std::string name, short_name;
};

struct Room {
    std::int64_t id = 0;
    std::string name;
};

struct Assignment {
    std::int64_t id = 0;
    PersonRef teacher;
    Subject subject;
    std::int64_t class_id = 0;
    std::string class_name;
    std::optional<std::int64_t> group_id;
    std::string group_name;
};

struct BellLesson {
    int number = 0;
    int starts_at = 0;  //!< minutes after midnight
    int ends_at = 0;
};

json::object to_json(const SchoolClass& c);
json::object to_json(const Group& g);
json::object to_json(const Subject& s);
json::object to_json(const Room& r);
json::object to_json(const Assignment& a);
json::object to_json(const BellLesson& b);

std::vector<SchoolClass> list_classes(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
SchoolClass create_class(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
//! {name?, homeroom_teacher_id? (null clears)}.
SchoolClass update_class(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t class_id,
                         const json::object& input);
//! Numbers the class's students 1…n in Polish alphabetical order of surname and first name.
void number_register(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t class_id);

std::vector<Group> list_groups(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                               std::optional<std::int64_t> class_id);
Group create_group(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
Group set_group_members(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t group_id,
                        const json::object& input);

std::vector<Subject> list_subjects(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
Subject create_subject(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
std::vector<Room> list_rooms(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
Room create_room(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);

std::vector<Assignment> list_assignments(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                                         std::optional<std::int64_t> teacher_id, std::optional<std::int64_t> class_id);
Assignment create_assignment(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input);
void delete_assignment(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t assignment_id);

std::vector<BellLesson> bell_schedule(Context& ctx, const auth::Actor& actor, std::int64_t school_id);
//! Replaces the whole schedule: {lessons: [{number 0–10, starts_at "HH:MM", ends_at}]} in order, not overlapping.
std::vector<BellLesson> set_bell_schedule(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                                          const json::object& input);

//! Names of everything a timetable shows, by id.
struct Directory {
    std::map<std::int64_t, Subject> subjects;
    std::map<std::int64_t, Room> rooms;
    std::map<std::int64_t, SchoolClass> classes;
    std::map<std::int64_t, Group> groups;
    std::map<std::int64_t, PersonRef> staff;
    std::map<std::int64_t, Assignment> assignments;
};

// For other modules' services, in their transaction and without permission checks.
//! The class of this name (case-insensitive), created and audited when absent; `.second` is true when created.
std::pair<std::int64_t, bool> ensure_class(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id,
                                           const std::string& name);
void set_register_number(storage::Transaction& tx, std::int64_t student_id, int number);
Directory directory_of(storage::Transaction& tx, std::int64_t school_id);
//! Only the names (subjects, rooms, classes, groups, staff): what a timetable view shows, at a fraction of the cost.
Directory names_of(storage::Transaction& tx, std::int64_t school_id);
std::vector<Assignment> assignments_of(storage::Transaction& tx, std::int64_t school_id);
std::vector<BellLesson> bell_schedule_of(storage::Transaction& tx, std::int64_t school_id);
std::optional<SchoolClass> find_class(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id);
//! The class (404 outside the actor's school) and how the actor stands to it: Homeroom, Teaches (an assignment in
//! the class) or None.
std::pair<SchoolClass, auth::Relation> class_relation(storage::Transaction& tx, const auth::Actor& actor,
                                                      std::int64_t class_id);
//! The class, after `auth::require(action)` with the actor's relation to it.
SchoolClass require_class(storage::Transaction& tx, const auth::Actor& actor, std::int64_t class_id,
                          auth::Action action);
//! The groups a student belongs to.
std::vector<std::int64_t> groups_of_student(storage::Transaction& tx, std::int64_t student_id);

void register_routes(http::Router& router, Context& ctx);

}  // namespace kreda::organisation
