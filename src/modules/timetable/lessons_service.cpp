#include <set>

#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/attendance/attendance.hpp"
#include "modules/audit/audit.hpp"
#include "modules/events/events.hpp"
#include "modules/feed/feed.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"
#include "modules/school/school.hpp"
#include "modules/timetable/lessons.hpp"
#include "modules/timetable/timetable.hpp"

namespace kreda::timetable {

namespace {

bool recordable(const ResolvedLesson& l) {
    return l.status != LessonStatus::Cancelled && l.status != LessonStatus::MovedOut;
}

//! The lesson's day rendered like the week view, one JSON object per lesson of `lessons` (all on `date`).
json::array day_json(storage::Transaction& tx, std::int64_t school_id, Date date,
                     const std::vector<ResolvedLesson>& lessons) {
    json::object week = week_json(tx, school_id, week_start(date), lessons, {});
    for (auto& day : week["days"].as_array())
        if (day.at("date").as_string() == format_date(date)) return day.at("lessons").as_array();
    return {};
}

LessonRow lesson_for(storage::Transaction& tx, const auth::Actor& actor, std::int64_t lesson_id) {
    auto lesson = store::find_lesson(tx, lesson_id);
    if (!lesson) throw errors::not_found();
    auth::Relation relation = lesson->teacher_id == actor.user_id ? auth::Relation::Teaches : auth::Relation::None;
    auth::require(actor, auth::Action::RecordLesson, {lesson->school_id, relation});
    return *lesson;
}

std::vector<people::StudentSummary> students_of(storage::Transaction& tx, const LessonRow& lesson) {
    auto students = people::students_of_class(tx, lesson.school_id, lesson.class_id);
    if (lesson.group_id) {
        auto directory = organisation::directory_of(tx, lesson.school_id);
        auto members = directory.groups[*lesson.group_id].student_ids;
        std::set<std::int64_t> in_group(members.begin(), members.end());
        std::erase_if(students, [&](const auto& s) { return !in_group.count(s.id); });
    }
    return students;
}

bool may_edit(const auth::Actor& actor, const LessonRow& lesson, int edit_days) {
    if (actor.role == auth::Role::Admin || actor.role == auth::Role::Secretary) return true;
    Date today = warsaw_date(Clock::now());
    return lesson.date <= today && days_between(lesson.date, today) <= edit_days;
}

json::object record_json(const LessonRow& l, const std::map<std::int64_t, std::string>& marks) {
    json::object m;
    for (const auto& [student, code] : marks) m[std::to_string(student)] = code;
    return {{"topic", l.topic ? json::value(*l.topic) : json::value(nullptr)},
            {"curriculum_number", l.curriculum_number ? json::value(*l.curriculum_number) : json::value(nullptr)},
            {"marks", std::move(m)}};
}

}  // namespace

json::object teacher_day(Context& ctx, const auth::Actor& actor, Date date) {
    if (!actor.school_id || !auth::is_staff(actor.role)) throw errors::forbidden();
    std::int64_t school_id = *actor.school_id;
    // Lesson rows are created on first view so that their ids are stable. Most views find them all in place and
    // need no write: on SQLite, teachers opening their day at 8:00 then do not queue behind the one writer.
    auto build = [&](storage::Transaction& tx, bool may_write) -> std::optional<json::object> {
        Week week = resolve_school_week(tx, school_id, week_start(date));
        std::vector<ResolvedLesson> mine;
        for (const auto& l : for_teacher(week.lessons, actor.user_id))
            if (l.date == date) mine.push_back(l);
        auto school = school::find(tx, school_id);
        int edit_days = school ? school->record_edit_days : 7;
        json::array lessons = day_json(tx, school_id, date, mine);
        for (std::size_t i = 0; i < mine.size() && i < lessons.size(); ++i) {
            auto& out = lessons[i].as_object();
            bool teaching = mine[i].teacher_id == actor.user_id && recordable(mine[i]);
            out["can_record"] = teaching;
            out["lesson_id"] = nullptr;
            if (!teaching) continue;
            auto id = may_write ? std::optional(store::ensure_lesson(tx, school_id, mine[i]))
                                : store::current_lesson(tx, school_id, mine[i]);
            if (!id) return std::nullopt;
            auto row = store::find_lesson(tx, *id);
            out["lesson_id"] = *id;
            out["can_record"] = may_edit(actor, *row, edit_days);
            out["recorded"] = row->recorded_at.has_value();
            out["topic"] = row->topic ? json::value(*row->topic) : json::value(nullptr);
        }
        return json::object{{"date", format_date(date)}, {"lessons", std::move(lessons)}};
    };
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        if (auto day = build(*tx, false)) return *day;
    }
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) { return *build(tx, true); });
}

namespace {

//! Families hear of each mark that is new or different.
void publish_marks(storage::Transaction& tx, const LessonRow& lesson, const std::map<std::int64_t, std::string>& before,
                   const std::map<std::int64_t, std::string>& after) {
    auto subject = tx.query_one("SELECT name FROM subjects WHERE id = ?", {lesson.subject_id});
    std::map<std::string, json::object> types;  // families cannot read the school's list: the entry names it
    for (const auto& t : attendance::known_types(tx, lesson.school_id)) types[t.code] = attendance::to_json(t);
    std::vector<feed::Entry> news;
    for (const auto& [student, code] : after) {
        auto was = before.find(student);
        if (was != before.end() && was->second == code) continue;
        news.push_back(
            feed::for_student(lesson.school_id, student, "attendance.marked",
                              {{"date", format_date(lesson.date)},
                               {"lesson_number", lesson.lesson_number},
                               {"subject", subject ? json::value((*subject)[0].as_text()) : json::value(nullptr)},
                               {"code", code},
                               {"type", types.count(code) ? json::value(types[code]) : json::value(nullptr)},
                               {"before", was == before.end() ? json::value(nullptr) : json::value(was->second)}}));
    }
    feed::publish(tx, news);
}

}  // namespace

json::object lesson_detail(Context& ctx, const auth::Actor& actor, std::int64_t lesson_id) {
    auto read = ctx.db.begin(storage::Access::Read);
    auto& tx = *read;
    {
        LessonRow lesson = lesson_for(tx, actor, lesson_id);
        auto school = school::find(tx, lesson.school_id);
        auto marks = attendance::marks_of_lesson(tx, lesson_id);
        json::array students, types;
        for (const auto& s : students_of(tx, lesson)) {
            auto mark = marks.find(s.id);
            students.push_back(json::object{
                {"id", s.id},
                {"first_name", s.first_name},
                {"last_name", s.last_name},
                {"register_number", s.register_number ? json::value(*s.register_number) : json::value(nullptr)},
                {"mark", mark == marks.end() ? json::value(nullptr) : json::value(mark->second)}});
        }
        for (const auto& t : attendance::known_types(tx, lesson.school_id)) types.push_back(attendance::to_json(t));
        auto directory = organisation::directory_of(tx, lesson.school_id);
        json::object out = record_json(lesson, marks);
        out.erase("marks");
        out["id"] = lesson.id;
        out["date"] = format_date(lesson.date);
        out["lesson_number"] = lesson.lesson_number;
        out["subject"] = organisation::to_json(directory.subjects[lesson.subject_id]);
        out["assignment_id"] = lesson.assignment_id;
        out["class_id"] = lesson.class_id;
        out["group_id"] = lesson.group_id ? json::value(*lesson.group_id) : json::value(nullptr);
        out["class_name"] = directory.classes[lesson.class_id].name;
        out["group_name"] = lesson.group_id ? directory.groups[*lesson.group_id].name : "";
        out["recorded"] = lesson.recorded_at.has_value();
        out["editable"] = may_edit(actor, lesson, school ? school->record_edit_days : 7);
        out["students"] = std::move(students);
        out["attendance_types"] = std::move(types);
        out["homework"] = events::homework_of_lesson(tx, lesson.assignment_id, lesson.date);
        return out;
    }
}

json::object record_lesson(Context& ctx, const auth::Actor& actor, std::int64_t lesson_id, const json::object& input) {
    {
        // Who may touch this lesson is settled before anything about the input is said.
        auto tx = ctx.db.begin(storage::Access::Read);
        lesson_for(*tx, actor, lesson_id);
    }
    json::FieldReader fields(input);
    std::string topic = fields.text("topic", 500);
    auto curriculum_number = fields.optional_integer("curriculum_number", 1, 1000);
    std::vector<attendance::MarkInput> marks;
    auto it = input.find("attendance");
    if (it != input.end() && it->value().is_array()) {
        const Text bad_item{"Każda pozycja obecności potrzebuje student_id i code.",
                            "Each attendance item needs student_id and code."};
        for (const auto& item : it->value().as_array()) {
            const json::object* mark = item.if_object();
            auto student = mark ? mark->find("student_id") : nullptr;
            auto code = mark ? mark->find("code") : nullptr;
            if (!mark || student == mark->end() || !student->value().is_int64() || code == mark->end() ||
                !code->value().is_string()) {
                fields.fail("attendance", bad_item);
                continue;
            }
            marks.push_back({student->value().as_int64(), std::string(code->value().as_string())});
        }
    } else if (it != input.end()) {
        fields.fail("attendance", {"Oczekiwano listy obecności.", "A list of attendance marks is expected."});
    }
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        LessonRow before = lesson_for(tx, actor, lesson_id);
        auto school = school::find(tx, before.school_id);
        if (!may_edit(actor, before, school ? school->record_edit_days : 7))
            throw ApiError(403, "edit_window_closed",
                           {"Czas na edycję tej lekcji minął: poproś sekretariat o zmianę.",
                            "The time to edit this lesson has passed: ask the office to change it."});
        std::set<std::int64_t> members;
        for (const auto& s : students_of(tx, before)) members.insert(s.id);
        std::map<std::string, Text> strangers;
        for (const auto& m : marks)
            if (!members.count(m.student_id))
                strangers["attendance." + std::to_string(m.student_id)] = {"Ten uczeń nie chodzi na tę lekcję.",
                                                                           "This student is not in this lesson."};
        if (!strangers.empty()) throw errors::invalid(strangers);
        auto marks_before = attendance::save_marks(tx, before.school_id, lesson_id, marks, actor.user_id);
        store::record(tx, lesson_id, topic, curriculum_number, actor.user_id);
        LessonRow after = *store::find_lesson(tx, lesson_id);
        audit::record(tx, actor, before.school_id, "lesson.record", "lesson", lesson_id,
                      record_json(before, marks_before),
                      record_json(after, attendance::marks_of_lesson(tx, lesson_id)));
        auto marks_after = attendance::marks_of_lesson(tx, lesson_id);
        publish_marks(tx, after, marks_before, marks_after);
        json::object out = record_json(after, marks_after);
        out["id"] = lesson_id;
        return out;
    });
}

std::int64_t record_held_lesson(storage::Transaction& tx, const auth::Actor& actor, std::int64_t school_id,
                                const ResolvedLesson& lesson, const std::string& topic, int curriculum_number,
                                const std::vector<std::pair<std::int64_t, std::string>>& marks) {
    std::int64_t id = store::ensure_lesson(tx, school_id, lesson);
    std::vector<attendance::MarkInput> inputs;
    for (const auto& [student, code] : marks) inputs.push_back({student, code});
    attendance::save_marks(tx, school_id, id, inputs, lesson.teacher_id);
    store::record(tx, id, topic, curriculum_number, lesson.teacher_id);
    LessonRow row = *store::find_lesson(tx, id);
    audit::record(tx, actor, school_id, "lesson.record", "lesson", id, std::nullopt,
                  record_json(row, attendance::marks_of_lesson(tx, id)));
    return id;
}

json::object student_lessons(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date from, Date to) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto student = people::require_student(*tx, actor, student_id);
    json::array items;
    if (!student.class_id) return {{"items", std::move(items)}};
    auto groups = organisation::groups_of_student(*tx, student_id);
    auto directory = organisation::directory_of(*tx, student.school_id);
    for (const auto& l : store::recorded_lessons(*tx, student.school_id, *student.class_id, from, to)) {
        if (l.group_id && std::find(groups.begin(), groups.end(), *l.group_id) == groups.end()) continue;
        const auto& teacher = directory.staff[l.teacher_id];
        items.push_back(json::object{
            {"id", l.id},
            {"date", format_date(l.date)},
            {"lesson_number", l.lesson_number},
            {"subject", organisation::to_json(directory.subjects[l.subject_id])},
            {"teacher", {{"id", teacher.id}, {"first_name", teacher.first_name}, {"last_name", teacher.last_name}}},
            {"topic", l.topic.value_or("")},
            {"curriculum_number", l.curriculum_number ? json::value(*l.curriculum_number) : json::value(nullptr)}});
    }
    return {{"items", std::move(items)}};
}

}  // namespace kreda::timetable
