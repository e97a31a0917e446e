// The weekly plan and the changes for a date: validation, clash refusal, audit.
#include "auth/policy.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/timetable/timetable.hpp"
#include "modules/timetable/timetable_feed.hpp"
#include "modules/timetable/timetable_store.hpp"

namespace kreda::timetable {

namespace {

ApiError clash_error(Clash::Kind kind) {
    switch (kind) {
        case Clash::Kind::Teacher:
            return errors::conflict("clash_teacher",
                                    {"Ten nauczyciel ma już wtedy lekcję.", "This teacher already has a lesson then."});
        case Clash::Kind::Room:
            return errors::conflict("clash_room", {"Ta sala jest wtedy zajęta.", "This room is taken then."});
        case Clash::Kind::Students:
            return errors::conflict("clash_students", {"Ta klasa lub grupa ma już wtedy lekcję.",
                                                       "This class or group already has a lesson then."});
    }
    return errors::conflict("clash", {"Kolizja w planie.", "A timetable clash."});
}

const Text kNoSuchLesson{"W tym dniu nie ma takiej lekcji w planie.", "There is no such lesson in the plan that day."};

//! The lesson the change would create, checked against the rest of its week.
void refuse_clash(storage::Transaction& tx, std::int64_t school_id, const ResolvedLesson& candidate) {
    Week week = resolve_school_week(tx, school_id, week_start(candidate.date));
    if (auto clash = find_clash(week.lessons, candidate)) throw clash_error(clash->kind);
}

const ResolvedLesson* held_lesson(const Week& week, std::int64_t entry_id, Date date) {
    for (const auto& l : week.lessons)
        if (l.entry_id == entry_id && l.date == date && l.status != LessonStatus::MovedIn) return &l;
    return nullptr;
}

}  // namespace

std::vector<PlanEntry> list_plan(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const WeekFilter& f) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    auto plan = store::plan_of(*tx, school_id);
    std::erase_if(plan, [&](const PlanEntry& e) {
        return (f.class_id && e.class_id != *f.class_id) || (f.teacher_id && e.teacher_id != *f.teacher_id) ||
               (f.room_id && e.room_id != f.room_id);
    });
    return plan;
}

PlanEntry create_entry(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    json::FieldReader fields(input);
    PlanEntry entry;
    entry.assignment_id = fields.id("assignment_id");
    entry.weekday = fields.integer("weekday", 1, 6);
    entry.lesson_number = fields.integer("lesson_number", 0, 10);
    entry.room_id = fields.optional_id("room_id");
    entry.valid_from = fields.date("valid_from");
    entry.valid_to = fields.optional_date("valid_to");
    entry.online_link = fields.optional_text("online_link", 500);
    if (entry.online_link && entry.online_link->rfind("https://", 0) != 0)
        fields.fail("online_link", {"Link musi zaczynać się od https://.", "The link must start with https://."});
    fields.check();
    if (entry.valid_to && *entry.valid_to < entry.valid_from)
        throw errors::invalid(
            {{"valid_to", {"Koniec nie może być przed początkiem.", "The end cannot be before the start."}}});
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto directory = organisation::directory_of(tx, school_id);
        auto assignment = directory.assignments.find(entry.assignment_id);
        if (assignment == directory.assignments.end())
            throw errors::invalid({{"assignment_id", {"Nie ma takiego przydziału.", "There is no such assignment."}}});
        if (entry.room_id && !directory.rooms.count(*entry.room_id))
            throw errors::invalid({{"room_id", {"Nie ma takiej sali.", "There is no such room."}}});
        entry.teacher_id = assignment->second.teacher.id;
        entry.subject_id = assignment->second.subject.id;
        entry.class_id = assignment->second.class_id;
        entry.group_id = assignment->second.group_id;
        if (auto clash = find_plan_clash(store::plan_of(tx, school_id), entry)) throw clash_error(clash->kind);
        entry.id = store::insert_entry(tx, school_id, entry);
        audit::record(tx, actor, school_id, "timetable_entry.create", "timetable_entry", entry.id, std::nullopt,
                      entry_json(tx, school_id, entry));
        return entry;
    });
}

void delete_entry(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t entry_id) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto entry = store::find_entry(tx, school_id, entry_id);
        if (!entry) throw errors::not_found();
        if (store::entry_has_changes(tx, entry_id))
            throw errors::conflict("entry_in_use",
                                   {"Ta lekcja ma zmiany w planie: zakończ ją datą zamiast usuwać.",
                                    "This lesson has changes: end it with a date instead of deleting."});
        store::delete_entry(tx, school_id, entry_id);
        audit::record(tx, actor, school_id, "timetable_entry.delete", "timetable_entry", entry_id,
                      entry_json(tx, school_id, *entry), std::nullopt);
    });
}

std::vector<Change> list_changes(Context& ctx, const auth::Actor& actor, std::int64_t school_id, Date date) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    auto changes = store::changes_between(*tx, school_id, date, date);
    std::erase_if(changes, [&](const Change& c) { return c.date != date; });
    return changes;
}

Change create_change(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    json::FieldReader fields(input);
    Change change;
    auto kind = store::parse_change_kind(fields.text("kind", 20));
    if (!kind)
        fields.fail("kind", {"Rodzaj: substitution, cancellation, room_change, moved albo extra.",
                             "Kind: substitution, cancellation, room_change, moved or extra."});
    change.date = fields.date("date");
    change.entry_id = fields.optional_id("entry_id");
    change.substitute_teacher_id = fields.optional_id("substitute_teacher_id");
    change.subject_id = fields.optional_id("subject_id");
    change.room_id = fields.optional_id("room_id");
    change.moved_to_date = fields.optional_date("moved_to_date");
    change.moved_to_lesson = fields.optional_integer("moved_to_lesson", 0, 10);
    change.assignment_id = fields.optional_id("assignment_id");
    auto lesson_number = fields.optional_integer("lesson_number", 0, 10);
    change.note = fields.optional_text("note", 300).value_or("");
    fields.check();
    change.kind = *kind;
    bool extra = change.kind == ChangeKind::Extra;
    if (extra && (!change.assignment_id || !lesson_number))
        fields.fail("assignment_id", {"Dodatkowa lekcja wymaga przydziału i numeru lekcji.",
                                      "An extra lesson needs an assignment and a lesson number."});
    if (!extra && !change.entry_id) fields.fail("entry_id", {"Wskaż lekcję z planu.", "Choose a lesson of the plan."});
    if (change.kind == ChangeKind::Substitution && !change.substitute_teacher_id)
        fields.fail("substitute_teacher_id", {"Wskaż nauczyciela na zastępstwo.", "Choose the substitute teacher."});
    if (change.kind == ChangeKind::RoomChange && !change.room_id)
        fields.fail("room_id", {"Wskaż nową salę.", "Choose the new room."});
    if (change.kind == ChangeKind::Moved && !change.moved_to_date && !change.moved_to_lesson)
        fields.fail("moved_to_date", {"Wskaż, dokąd przenieść lekcję.", "Choose where the lesson moves."});
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto directory = organisation::directory_of(tx, school_id);
        if (change.substitute_teacher_id && !directory.staff.count(*change.substitute_teacher_id))
            throw errors::invalid(
                {{"substitute_teacher_id", {"Nie ma takiego nauczyciela.", "There is no such teacher."}}});
        if (change.room_id && !directory.rooms.count(*change.room_id))
            throw errors::invalid({{"room_id", {"Nie ma takiej sali.", "There is no such room."}}});
        if (change.subject_id && !directory.subjects.count(*change.subject_id))
            throw errors::invalid({{"subject_id", {"Nie ma takiego przedmiotu.", "There is no such subject."}}});
        Week week = resolve_school_week(tx, school_id, week_start(change.date));
        ResolvedLesson candidate;
        if (extra) {
            auto a = directory.assignments.find(*change.assignment_id);
            if (a == directory.assignments.end())
                throw errors::invalid(
                    {{"assignment_id", {"Nie ma takiego przydziału.", "There is no such assignment."}}});
            change.lesson_number = *lesson_number;
            candidate = ResolvedLesson{};
            candidate.date = change.date;
            candidate.lesson_number = change.lesson_number;
            candidate.assignment_id = a->first;
            candidate.teacher_id = a->second.teacher.id;
            candidate.subject_id = a->second.subject.id;
            candidate.class_id = a->second.class_id;
            candidate.group_id = a->second.group_id;
            candidate.room_id = change.room_id;
        } else {
            const ResolvedLesson* held = held_lesson(week, *change.entry_id, change.date);
            if (!held) throw errors::invalid({{"entry_id", kNoSuchLesson}});
            change.lesson_number = held->lesson_number;
            candidate = *held;
            if (change.substitute_teacher_id) candidate.teacher_id = *change.substitute_teacher_id;
            if (change.room_id) candidate.room_id = change.room_id;
            if (change.kind == ChangeKind::Moved) {
                candidate.date = change.moved_to_date.value_or(change.date);
                candidate.lesson_number = change.moved_to_lesson.value_or(held->lesson_number);
                candidate.entry_id.reset();  // at its new slot it may clash even with its own class
            }
        }
        if (change.kind != ChangeKind::Cancellation) refuse_clash(tx, school_id, candidate);
        change.id = store::insert_change(tx, school_id, change);
        audit::record(tx, actor, school_id, "timetable_change.create", "timetable_change", change.id, std::nullopt,
                      change_json(change));
        publish_change(tx, school_id, directory, change, false);
        return change;
    });
}

void delete_change(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t change_id) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto change = store::find_change(tx, school_id, change_id);
        if (!change) throw errors::not_found();
        store::delete_change(tx, school_id, change_id);
        audit::record(tx, actor, school_id, "timetable_change.delete", "timetable_change", change_id,
                      change_json(*change), std::nullopt);
        publish_change(tx, school_id, organisation::directory_of(tx, school_id), *change, true);
    });
}

}  // namespace kreda::timetable
