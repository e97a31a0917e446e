// The timetable of one week: the weekly plan, with the changes for single dates applied, inside the teaching
// periods and outside the days off. Pure: the service loads the inputs, these functions decide what is held.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace kreda::timetable {

//! One weekly slot of a teaching assignment.
struct PlanEntry {
    std::int64_t id = 0;
    std::int64_t assignment_id = 0;
    std::int64_t teacher_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t class_id = 0;
    std::optional<std::int64_t> group_id;
    std::optional<std::int64_t> room_id;
    int weekday = 1;        //!< 1 = Monday … 7 = Sunday
    int lesson_number = 1;  //!< 0–10
    Date valid_from;
    std::optional<Date> valid_to;  //!< inclusive; none while the entry is in force
    std::optional<std::string> online_link;
};

enum class ChangeKind { Substitution, Cancellation, RoomChange, Moved, Extra };

//! A change for one date. Changes of a planned slot name it by entry_id; an Extra lesson carries its own fields.
struct Change {
    std::int64_t id = 0;
    ChangeKind kind = ChangeKind::Substitution;
    Date date;
    int lesson_number = 1;
    std::optional<std::int64_t> entry_id;               //!< the planned slot it changes (none for Extra)
    std::optional<std::int64_t> substitute_teacher_id;  //!< Substitution (and optionally Extra's teacher)
    std::optional<std::int64_t> subject_id;             //!< Substitution with another subject; Extra's subject
    std::optional<std::int64_t> room_id;  //!< RoomChange, Moved (at the target), Extra; a Substitution may bring one
    std::optional<Date> moved_to_date;    //!< Moved; none keeps the date
    std::optional<int> moved_to_lesson;   //!< Moved; none keeps the lesson number
    std::optional<std::int64_t> assignment_id, teacher_id, class_id, group_id;  //!< Extra: whose lesson it is
    std::string note;
};

//! Holidays and free days, inclusive.
struct DayOff {
    Date from;
    Date to;
    std::string name;
};

//! A teaching period (a term), inclusive: outside every period nothing is held.
struct Period {
    Date from;
    Date to;
};

enum class LessonStatus { Planned, Substituted, Cancelled, RoomChanged, MovedOut, MovedIn, Extra };

struct ResolvedLesson {
    Date date;
    int lesson_number = 0;
    std::int64_t assignment_id = 0;
    std::int64_t teacher_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t class_id = 0;
    std::optional<std::int64_t> group_id, room_id, entry_id, change_id;
    std::optional<std::int64_t> original_teacher_id;  //!< set when substituted
    std::optional<std::int64_t> original_subject_id;  //!< set when a substitution changes the subject
    std::optional<std::string> online_link;
    LessonStatus status = LessonStatus::Planned;
    std::optional<Date> moved_to_date;  //!< on MovedOut
    std::optional<int> moved_to_lesson;
    std::optional<Date> moved_from_date;  //!< on MovedIn
    std::optional<int> moved_from_lesson;
    std::string note;  //!< the change's note
};

struct WeekInput {
    Date week_start;
    std::vector<PlanEntry> plan;
    std::vector<Change> changes;
    std::vector<DayOff> days_off;
    std::vector<Period> teaching_periods;
};

//! A day off inside the week, for the views to show.
struct DayNote {
    Date date;
    std::string name;
};

struct Week {
    std::vector<ResolvedLesson> lessons;
    std::vector<DayNote> days_off;
};

//! The lessons of the 7 days from week_start, sorted by date, lesson number, class and group.
Week resolve_week(const WeekInput& input);

//! Keeps the lessons a view shows: a teacher sees lessons they teach AND lessons they were substituted away from.
std::vector<ResolvedLesson> for_teacher(const std::vector<ResolvedLesson>& lessons, std::int64_t teacher_id);
//! A class's lessons: whole-class lessons and those of all its groups.
std::vector<ResolvedLesson> for_class(const std::vector<ResolvedLesson>& lessons, std::int64_t class_id);
//! A student's lessons: their class's whole-class lessons plus lessons of the groups they belong to.
std::vector<ResolvedLesson> for_student(const std::vector<ResolvedLesson>& lessons, std::int64_t class_id,
                                        const std::vector<std::int64_t>& group_ids);
//! The lessons held in a room.
std::vector<ResolvedLesson> for_room(const std::vector<ResolvedLesson>& lessons, std::int64_t room_id);

//! What a clash is with, and whom it takes twice.
struct Clash {
    enum class Kind { Teacher, Room, Students } kind;
    ResolvedLesson with;
};

//! The first clash of a candidate slot with existing ones: the same teacher, the same room, or the same students
//! (a whole-class lesson clashes with any lesson of that class or its groups; two different groups of one class
//! may run at once) at the same date and lesson. Cancelled and MovedOut lessons do not occupy their slot, and a
//! lesson never clashes with itself (the same plan entry, or the same extra lesson).
std::optional<Clash> find_clash(const std::vector<ResolvedLesson>& existing, const ResolvedLesson& candidate);

struct PlanClash {
    Clash::Kind kind;
    PlanEntry with;
};

//! The same for weekly plan entries: same weekday and lesson with overlapping validity (an entry with the
//! candidate's id is the candidate itself, being edited).
std::optional<PlanClash> find_plan_clash(const std::vector<PlanEntry>& existing, const PlanEntry& candidate);

}  // namespace kreda::timetable
