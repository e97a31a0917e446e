// The week as people see it: resolved from the plan, changes, free days and terms, rendered with names and times.
#include "auth/policy.hpp"
#include "core/error.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"
#include "modules/school/calendar.hpp"
#include "modules/timetable/timetable.hpp"
#include "modules/timetable/timetable_store.hpp"

namespace kreda::timetable {

namespace {

constexpr std::string_view kStatusNames[] = {"planned",   "substituted", "cancelled", "room_changed",
                                             "moved_out", "moved_in",    "extra"};

template <typename Map, typename Convert>
json::value named(const Map& map, const std::optional<std::int64_t>& id, Convert convert) {
    if (!id) return nullptr;
    auto it = map.find(*id);
    if (it == map.end()) return nullptr;
    return convert(it->second);
}

json::value person(const organisation::Directory& d, std::optional<std::int64_t> id) {
    return named(d.staff, id, [](const organisation::PersonRef& p) {
        return json::object{{"id", p.id}, {"first_name", p.first_name}, {"last_name", p.last_name}};
    });
}

json::value subject(const organisation::Directory& d, std::optional<std::int64_t> id) {
    return named(d.subjects, id, [](const organisation::Subject& s) { return organisation::to_json(s); });
}

json::value room(const organisation::Directory& d, std::optional<std::int64_t> id) {
    return named(d.rooms, id, [](const organisation::Room& r) { return organisation::to_json(r); });
}

json::value slot(std::optional<Date> date, std::optional<int> lesson) {
    if (!date || !lesson) return nullptr;
    return json::object{{"date", format_date(*date)}, {"lesson_number", *lesson}};
}

json::object lesson_json(const organisation::Directory& d, const std::map<int, organisation::BellLesson>& bells,
                         const ResolvedLesson& l) {
    auto bell = bells.find(l.lesson_number);
    auto group = d.groups.find(l.group_id.value_or(0));
    auto school_class = d.classes.find(l.class_id);
    return {
        {"date", format_date(l.date)},
        {"lesson_number", l.lesson_number},
        {"starts_at",
         bell == bells.end() ? json::value(nullptr) : json::value(format_clock_time(bell->second.starts_at))},
        {"ends_at", bell == bells.end() ? json::value(nullptr) : json::value(format_clock_time(bell->second.ends_at))},
        {"subject", subject(d, l.subject_id)},
        {"teacher", person(d, l.teacher_id)},
        {"original_teacher", person(d, l.original_teacher_id)},
        {"original_subject", subject(d, l.original_subject_id)},
        {"class_id", l.class_id},
        {"class_name", school_class == d.classes.end() ? "" : school_class->second.name},
        {"group_id", l.group_id ? json::value(*l.group_id) : json::value(nullptr)},
        {"group_name", group == d.groups.end() ? "" : group->second.name},
        {"room", room(d, l.room_id)},
        {"status", kStatusNames[static_cast<int>(l.status)]},
        {"moved_to", slot(l.moved_to_date, l.moved_to_lesson)},
        {"moved_from", slot(l.moved_from_date, l.moved_from_lesson)},
        {"entry_id", l.entry_id ? json::value(*l.entry_id) : json::value(nullptr)},
        {"change_id", l.change_id ? json::value(*l.change_id) : json::value(nullptr)},
        {"online_link", l.online_link ? json::value(*l.online_link) : json::value(nullptr)},
        {"note", l.note}};
}

}  // namespace

namespace {
Week resolve(storage::Transaction& tx, std::int64_t school_id, Date start, std::vector<PlanEntry> plan) {
    WeekInput input;
    input.week_start = start;
    Date end = add_days(start, 6);
    input.plan = std::move(plan);
    input.changes = store::changes_between(tx, school_id, start, end);
    for (const auto& day : school::free_days_between(tx, school_id, start, end))
        input.days_off.push_back({day.starts_on, day.ends_on, day.name});
    for (const auto& year : school::years_of(tx, school_id))
        for (const auto& term : year.terms) input.teaching_periods.push_back({term.starts_on, term.ends_on});
    return resolve_week(input);
}
}  // namespace

Week resolve_school_week(storage::Transaction& tx, std::int64_t school_id, Date start) {
    return resolve(tx, school_id, start, store::plan_of(tx, school_id));
}

Week resolve_class_week(storage::Transaction& tx, std::int64_t school_id, std::int64_t class_id, Date start) {
    return resolve(tx, school_id, start, store::plan_of_class(tx, school_id, class_id));
}

json::object week_json(storage::Transaction& tx, std::int64_t school_id, Date start,
                       const std::vector<ResolvedLesson>& lessons, const std::vector<DayNote>& days_off) {
    auto directory = organisation::names_of(tx, school_id);
    std::map<int, organisation::BellLesson> bells;
    json::array bell_json;
    for (const auto& b : organisation::bell_schedule_of(tx, school_id)) {
        bells[b.number] = b;
        bell_json.push_back(organisation::to_json(b));
    }
    json::array days;
    for (int i = 0; i < 7; ++i) {
        Date date = add_days(start, i);
        json::array day_lessons;
        for (const auto& l : lessons)
            if (l.date == date) day_lessons.push_back(lesson_json(directory, bells, l));
        json::value day_off = nullptr;
        for (const auto& d : days_off)
            if (d.date == date) day_off = json::value(d.name);
        if (i >= 5 && day_lessons.empty()) continue;  // weekends only when something happens
        days.push_back(json::object{{"date", format_date(date)},
                                    {"weekday", weekday(date)},
                                    {"day_off", day_off},
                                    {"lessons", std::move(day_lessons)}});
    }
    return {{"week_start", format_date(start)}, {"days", std::move(days)}, {"bells", std::move(bell_json)}};
}

json::object week_for_student(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date any_day) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto student = people::require_student(*tx, actor, student_id);
    Date start = week_start(any_day);
    Week week = student.class_id ? resolve_class_week(*tx, student.school_id, *student.class_id, start) : Week{};
    auto lessons = student.class_id
                       ? for_student(week.lessons, *student.class_id, organisation::groups_of_student(*tx, student_id))
                       : std::vector<ResolvedLesson>{};
    return week_json(*tx, student.school_id, start, lessons, week.days_off);
}

json::object week_for_school(Context& ctx, const auth::Actor& actor, std::int64_t school_id, Date any_day,
                             const WeekFilter& filter) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    Date start = week_start(any_day);
    Week week = resolve_school_week(*tx, school_id, start);
    std::vector<ResolvedLesson> lessons = week.lessons;
    if (filter.class_id) lessons = for_class(lessons, *filter.class_id);
    if (filter.teacher_id) lessons = for_teacher(lessons, *filter.teacher_id);
    if (filter.room_id) lessons = for_room(lessons, *filter.room_id);
    return week_json(*tx, school_id, start, lessons, week.days_off);
}

json::object entry_json(storage::Transaction& tx, std::int64_t school_id, const PlanEntry& e) {
    auto directory = organisation::directory_of(tx, school_id);
    auto group = directory.groups.find(e.group_id.value_or(0));
    auto school_class = directory.classes.find(e.class_id);
    return {{"id", e.id},
            {"assignment_id", e.assignment_id},
            {"subject", subject(directory, e.subject_id)},
            {"teacher", person(directory, e.teacher_id)},
            {"class_id", e.class_id},
            {"class_name", school_class == directory.classes.end() ? "" : school_class->second.name},
            {"group_id", e.group_id ? json::value(*e.group_id) : json::value(nullptr)},
            {"group_name", group == directory.groups.end() ? "" : group->second.name},
            {"weekday", e.weekday},
            {"lesson_number", e.lesson_number},
            {"room", room(directory, e.room_id)},
            {"valid_from", format_date(e.valid_from)},
            {"valid_to", e.valid_to ? json::value(format_date(*e.valid_to)) : json::value(nullptr)},
            {"online_link", e.online_link ? json::value(*e.online_link) : json::value(nullptr)}};
}

json::object change_json(const Change& c) {
    auto id = [](const std::optional<std::int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); };
    return {{"id", c.id},
            {"kind", store::to_string(c.kind)},
            {"date", format_date(c.date)},
            {"lesson_number", c.lesson_number},
            {"entry_id", id(c.entry_id)},
            {"assignment_id", id(c.assignment_id)},
            {"substitute_teacher_id", id(c.substitute_teacher_id)},
            {"subject_id", id(c.subject_id)},
            {"room_id", id(c.room_id)},
            {"moved_to", c.kind == ChangeKind::Moved
                             ? slot(c.moved_to_date.value_or(c.date), c.moved_to_lesson.value_or(c.lesson_number))
                             : json::value(nullptr)},
            {"note", c.note}};
}

}  // namespace kreda::timetable
