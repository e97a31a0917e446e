#include "modules/timetable/week.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace kreda::timetable {

namespace {

bool within(Date date, Date from, Date to) {
    return from <= date && date <= to;
}

const DayOff* day_off_on(const std::vector<DayOff>& days_off, Date date) {
    for (const DayOff& off : days_off) {
        if (within(date, off.from, off.to)) return &off;
    }
    return nullptr;
}

// Lessons are held only inside a teaching period and never on a day off, whatever their kind.
bool is_school_day(const WeekInput& input, Date date) {
    bool in_term = std::any_of(input.teaching_periods.begin(), input.teaching_periods.end(),
                               [&](const Period& period) { return within(date, period.from, period.to); });
    return in_term && day_off_on(input.days_off, date) == nullptr;
}

bool runs_on(const PlanEntry& entry, Date date) {
    return weekday(date) == entry.weekday && entry.valid_from <= date && (!entry.valid_to || date <= *entry.valid_to);
}

ResolvedLesson planned_lesson(const PlanEntry& entry, Date date) {
    ResolvedLesson lesson;
    lesson.date = date;
    lesson.lesson_number = entry.lesson_number;
    lesson.assignment_id = entry.assignment_id;
    lesson.teacher_id = entry.teacher_id;
    lesson.subject_id = entry.subject_id;
    lesson.class_id = entry.class_id;
    lesson.group_id = entry.group_id;
    lesson.room_id = entry.room_id;
    lesson.entry_id = entry.id;
    lesson.online_link = entry.online_link;
    return lesson;
}

// A planned slot on one date: the plan entry's id and the day.
using Slot = std::pair<std::int64_t, std::int64_t>;

// The change in force for each planned slot: of several changes naming one slot, the latest id wins.
std::map<Slot, const Change*> changes_in_force(const std::vector<Change>& changes) {
    std::map<Slot, const Change*> in_force;
    for (const Change& change : changes) {
        if (change.kind == ChangeKind::Extra || !change.entry_id) continue;
        const Change*& current = in_force[{*change.entry_id, days_since_epoch(change.date)}];
        if (current == nullptr || current->id < change.id) current = &change;
    }
    return in_force;
}

Date moved_target_date(const Change& change) {
    return change.moved_to_date.value_or(change.date);
}

int moved_target_lesson(const Change& change) {
    return change.moved_to_lesson.value_or(change.lesson_number);
}

void apply(ResolvedLesson& lesson, const Change& change) {
    lesson.change_id = change.id;
    lesson.note = change.note;
    // A moved lesson takes the change's room to its target; the slot it leaves keeps its own.
    bool changes_room = change.kind == ChangeKind::Substitution || change.kind == ChangeKind::RoomChange;
    if (change.room_id && changes_room) lesson.room_id = change.room_id;
    switch (change.kind) {
        case ChangeKind::Substitution:
            lesson.status = LessonStatus::Substituted;
            lesson.original_teacher_id = lesson.teacher_id;
            if (change.substitute_teacher_id) lesson.teacher_id = *change.substitute_teacher_id;
            if (change.subject_id && *change.subject_id != lesson.subject_id) {
                lesson.original_subject_id = lesson.subject_id;
                lesson.subject_id = *change.subject_id;
            }
            break;
        case ChangeKind::Cancellation:
            lesson.status = LessonStatus::Cancelled;
            break;
        case ChangeKind::RoomChange:
            lesson.status = LessonStatus::RoomChanged;
            break;
        case ChangeKind::Moved:
            lesson.status = LessonStatus::MovedOut;
            lesson.moved_to_date = moved_target_date(change);
            lesson.moved_to_lesson = moved_target_lesson(change);
            break;
        case ChangeKind::Extra:
            break;  // never names a planned slot
    }
}

// The lesson a Moved change brings to its target slot: the entry's lesson, from the change's date.
ResolvedLesson moved_in_lesson(const PlanEntry& entry, const Change& change) {
    ResolvedLesson lesson = planned_lesson(entry, moved_target_date(change));
    lesson.lesson_number = moved_target_lesson(change);
    lesson.status = LessonStatus::MovedIn;
    lesson.change_id = change.id;
    lesson.moved_from_date = change.date;
    lesson.moved_from_lesson = change.lesson_number;
    if (change.room_id) lesson.room_id = change.room_id;
    lesson.note = change.note;
    return lesson;
}

// An Extra change's lesson; one without a class, teacher or subject describes no lesson and is left out.
std::optional<ResolvedLesson> extra_lesson(const Change& change) {
    auto teacher = change.teacher_id ? change.teacher_id : change.substitute_teacher_id;
    if (!change.class_id || !teacher || !change.subject_id) return std::nullopt;
    ResolvedLesson lesson;
    lesson.date = change.date;
    lesson.lesson_number = change.lesson_number;
    lesson.assignment_id = change.assignment_id.value_or(0);
    lesson.teacher_id = *teacher;
    lesson.subject_id = *change.subject_id;
    lesson.class_id = *change.class_id;
    lesson.group_id = change.group_id;
    lesson.room_id = change.room_id;
    lesson.change_id = change.id;
    lesson.status = LessonStatus::Extra;
    lesson.note = change.note;
    return lesson;
}

template <typename Keep>
std::vector<ResolvedLesson> keep_if(const std::vector<ResolvedLesson>& lessons, Keep keep) {
    std::vector<ResolvedLesson> kept;
    std::copy_if(lessons.begin(), lessons.end(), std::back_inserter(kept), keep);
    return kept;
}

bool occupies_slot(const ResolvedLesson& lesson) {
    return lesson.status != LessonStatus::Cancelled && lesson.status != LessonStatus::MovedOut;
}

// Two lessons at one slot are the same lesson when they come from the same plan entry or the same extra change.
bool same_lesson(const ResolvedLesson& a, const ResolvedLesson& b) {
    if (a.entry_id || b.entry_id) return a.entry_id == b.entry_id;
    return a.change_id && a.change_id == b.change_id;
}

// Whom two lessons at the same time would need twice (works for plan entries and resolved lessons alike).
template <typename Booking>
std::optional<Clash::Kind> clash_kind(const Booking& a, const Booking& b) {
    if (a.teacher_id == b.teacher_id) return Clash::Kind::Teacher;
    if (a.room_id && a.room_id == b.room_id) return Clash::Kind::Room;
    if (a.class_id == b.class_id && (!a.group_id || !b.group_id || a.group_id == b.group_id))
        return Clash::Kind::Students;
    return std::nullopt;
}

bool validity_overlaps(const PlanEntry& a, const PlanEntry& b) {
    return (!b.valid_to || a.valid_from <= *b.valid_to) && (!a.valid_to || b.valid_from <= *a.valid_to);
}

}  // namespace

Week resolve_week(const WeekInput& input) {
    Week week;
    Date last_day = add_days(input.week_start, 6);
    auto in_force = changes_in_force(input.changes);

    for (int offset = 0; offset < 7; ++offset) {
        Date date = add_days(input.week_start, offset);
        if (const DayOff* off = day_off_on(input.days_off, date)) week.days_off.push_back({date, off->name});
        if (!is_school_day(input, date)) continue;
        for (const PlanEntry& entry : input.plan) {
            if (!runs_on(entry, date)) continue;
            ResolvedLesson lesson = planned_lesson(entry, date);
            if (auto change = in_force.find({entry.id, days_since_epoch(date)}); change != in_force.end())
                apply(lesson, *change->second);
            week.lessons.push_back(std::move(lesson));
        }
    }

    // Moved and extra lessons land on their own dates, which may lie in this week even when the change's does not.
    for (const Change& change : input.changes) {
        std::optional<ResolvedLesson> lesson;
        if (change.kind == ChangeKind::Extra) {
            lesson = extra_lesson(change);
        } else if (change.kind == ChangeKind::Moved && change.entry_id &&
                   in_force[{*change.entry_id, days_since_epoch(change.date)}] == &change) {
            auto entry = std::find_if(input.plan.begin(), input.plan.end(),
                                      [&](const PlanEntry& e) { return e.id == *change.entry_id; });
            if (entry != input.plan.end()) lesson = moved_in_lesson(*entry, change);
        }
        if (lesson && within(lesson->date, input.week_start, last_day) && is_school_day(input, lesson->date))
            week.lessons.push_back(std::move(*lesson));
    }

    std::stable_sort(week.lessons.begin(), week.lessons.end(), [](const ResolvedLesson& a, const ResolvedLesson& b) {
        return std::tie(a.date, a.lesson_number, a.class_id, a.group_id) <
               std::tie(b.date, b.lesson_number, b.class_id, b.group_id);
    });
    return week;
}

std::vector<ResolvedLesson> for_teacher(const std::vector<ResolvedLesson>& lessons, std::int64_t teacher_id) {
    return keep_if(lessons, [&](const ResolvedLesson& l) {
        return l.teacher_id == teacher_id || l.original_teacher_id == teacher_id;
    });
}

std::vector<ResolvedLesson> for_class(const std::vector<ResolvedLesson>& lessons, std::int64_t class_id) {
    return keep_if(lessons, [&](const ResolvedLesson& l) { return l.class_id == class_id; });
}

std::vector<ResolvedLesson> for_student(const std::vector<ResolvedLesson>& lessons, std::int64_t class_id,
                                        const std::vector<std::int64_t>& group_ids) {
    return keep_if(lessons, [&](const ResolvedLesson& l) {
        if (l.class_id != class_id) return false;
        return !l.group_id || std::find(group_ids.begin(), group_ids.end(), *l.group_id) != group_ids.end();
    });
}

std::vector<ResolvedLesson> for_room(const std::vector<ResolvedLesson>& lessons, std::int64_t room_id) {
    return keep_if(lessons, [&](const ResolvedLesson& l) { return l.room_id == room_id; });
}

std::optional<Clash> find_clash(const std::vector<ResolvedLesson>& existing, const ResolvedLesson& candidate) {
    if (!occupies_slot(candidate)) return std::nullopt;
    for (const ResolvedLesson& other : existing) {
        if (other.date != candidate.date || other.lesson_number != candidate.lesson_number) continue;
        if (!occupies_slot(other) || same_lesson(other, candidate)) continue;
        if (auto kind = clash_kind(candidate, other)) return Clash{*kind, other};
    }
    return std::nullopt;
}

std::optional<PlanClash> find_plan_clash(const std::vector<PlanEntry>& existing, const PlanEntry& candidate) {
    for (const PlanEntry& other : existing) {
        if (other.id == candidate.id) continue;
        if (other.weekday != candidate.weekday || other.lesson_number != candidate.lesson_number) continue;
        if (!validity_overlaps(other, candidate)) continue;
        if (auto kind = clash_kind(candidate, other)) return PlanClash{*kind, other};
    }
    return std::nullopt;
}

}  // namespace kreda::timetable
