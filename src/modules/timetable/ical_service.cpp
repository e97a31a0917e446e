#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/events/events.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"
#include "modules/timetable/ical.hpp"
#include "modules/timetable/ical_store.hpp"
#include "modules/timetable/timetable.hpp"

namespace kreda::timetable {

namespace {

constexpr std::string_view kStatusNotes[] = {
    "", " (zastępstwo)", " (odwołana)", " (zmiana sali)", " (przeniesiona)", " (przeniesiona)", " (dodatkowa)"};

json::object feed_json(const store::Feed& f, std::optional<std::string> url = std::nullopt) {
    json::object o{{"id", f.id}, {"student_id", f.student_id ? json::value(*f.student_id) : json::value(nullptr)}};
    if (f.created_at) o["created_at"] = format_instant(f.created_at);
    if (url) o["url"] = *url;
    return o;
}

std::vector<CalendarEvent> events_of(storage::Transaction& tx, const store::Feed& feed) {
    std::optional<people::StudentSummary> student;
    std::vector<std::int64_t> groups;
    if (feed.student_id) {
        student = people::find_student(tx, *feed.student_id);
        if (!student || !student->class_id) return {};
        groups = organisation::groups_of_student(tx, *feed.student_id);
    }
    auto directory = organisation::directory_of(tx, feed.school_id);
    std::map<int, organisation::BellLesson> bells;
    for (const auto& b : organisation::bell_schedule_of(tx, feed.school_id)) bells[b.number] = b;
    std::vector<CalendarEvent> events;
    Date monday = week_start(warsaw_date(Clock::now()));
    for (int week = -4; week <= 8; ++week) {
        Week resolved = resolve_school_week(tx, feed.school_id, add_days(monday, 7 * week));
        auto lessons = student ? for_student(resolved.lessons, *student->class_id, groups)
                               : for_teacher(resolved.lessons, feed.user_id);
        for (const auto& l : lessons) {
            auto bell = bells.find(l.lesson_number);
            if (bell == bells.end() || l.status == LessonStatus::MovedOut) continue;
            const auto& subject = directory.subjects[l.subject_id];
            const auto& teacher = directory.staff[l.teacher_id];
            CalendarEvent e;
            e.uid = format_date(l.date) + "-" + std::to_string(l.lesson_number) + "-" +
                    std::to_string(l.assignment_id) + "@kreda";
            e.starts_at = warsaw_instant(l.date, bell->second.starts_at);
            e.ends_at = warsaw_instant(l.date, bell->second.ends_at);
            e.summary = subject.name + std::string(kStatusNotes[static_cast<int>(l.status)]);
            if (l.room_id) e.location = "Sala " + directory.rooms[*l.room_id].name;
            e.description = teacher.first_name + " " + teacher.last_name + ", " + directory.classes[l.class_id].name +
                            (l.note.empty() ? "" : " — " + l.note);
            e.cancelled = l.status == LessonStatus::Cancelled;
            events.push_back(std::move(e));
        }
    }
    if (student) {  // the terminarz: tests in their lesson's time, the rest as whole days
        static const std::map<std::string, std::string> kinds = {
            {"test", "Sprawdzian"}, {"class_test", "Praca klasowa"}, {"quiz", "Kartkówka"},
            {"trip", "Wycieczka"},  {"outing", "Wyjście"},           {"parent_meeting", "Zebranie z rodzicami"},
            {"other", "Wydarzenie"}};
        for (const auto& ev : events::events_of_student(tx, student->id, add_days(monday, -28), add_days(monday, 62))) {
            CalendarEvent e;
            e.uid = "event-" + std::to_string(ev.id) + "@kreda";
            e.summary = kinds.at(ev.kind) + (ev.subject.empty() ? "" : ": " + ev.subject);
            e.description = ev.description;
            auto bell = ev.lesson_number ? bells.find(*ev.lesson_number) : bells.end();
            if (bell != bells.end()) {
                e.starts_at = warsaw_instant(ev.date, bell->second.starts_at);
                e.ends_at = warsaw_instant(ev.date, bell->second.ends_at);
            } else {
                e.all_day = ev.date;
            }
            events.push_back(std::move(e));
        }
    }
    return events;
}

}  // namespace

json::object create_feed(Context& ctx, const auth::Actor& actor, const json::object& input) {
    json::FieldReader fields(input);
    auto student_id = fields.optional_id("student_id");
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        store::Feed feed{0, 0, actor.user_id, student_id, Clock::now()};
        if (student_id) {
            feed.school_id = people::require_student(tx, actor, *student_id).school_id;
        } else {
            if (!actor.school_id || !auth::is_staff(actor.role)) throw errors::forbidden();
            feed.school_id = *actor.school_id;
        }
        std::string token = crypto::random_hex(24);
        feed.id = store::insert_feed(tx, feed, crypto::sha256_hex(token));
        audit::record(tx, actor, feed.school_id, "calendar_feed.create", "calendar_feed", feed.id, std::nullopt,
                      feed_json(feed));
        return feed_json(feed, ctx.settings.public_url + "/ical/" + token + ".ics");
    });
}

json::object list_feeds(Context& ctx, const auth::Actor& actor) {
    auto tx = ctx.db.begin(storage::Access::Read);
    json::array items;
    for (const auto& f : store::feeds_of(*tx, actor.user_id)) items.push_back(feed_json(f));
    return {{"items", std::move(items)}};
}

void revoke_feed(Context& ctx, const auth::Actor& actor, std::int64_t feed_id) {
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        if (!store::delete_feed(tx, feed_id, actor.user_id)) throw errors::not_found();
        if (actor.school_id)
            audit::record(tx, actor, *actor.school_id, "calendar_feed.revoke", "calendar_feed", feed_id, std::nullopt,
                          std::nullopt);
    });
}

std::optional<std::string> feed_calendar(Context& ctx, const std::string& token) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto feed = store::feed_by_token(*tx, crypto::sha256_hex(token));
    if (!feed) return std::nullopt;
    std::string name = "Kreda: plan lekcji";
    if (feed->student_id)
        if (auto s = people::find_student(*tx, *feed->student_id)) name += " — " + s->first_name + " " + s->last_name;
    return render_ical(name, events_of(*tx, *feed));
}

}  // namespace kreda::timetable
