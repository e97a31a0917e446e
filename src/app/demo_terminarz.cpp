// The demo school's next month: each teacher's tests and quizzes for their classes (within the school's caps),
// a trip, a parent meeting per class called by its homeroom teacher, homework of the last two weeks and the next
// one (some with a worksheet to download), and a few notes per class.
#include "app/demo.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "modules/events/events.hpp"
#include "modules/files/files.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"

namespace kreda::app {

namespace {

constexpr const char* kTopics[] = {
    "Ułamki zwykłe", "Czasowniki nieregularne", "Układ krwionośny", "Średniowiecze", "Mapa Polski", "Równania"};
constexpr const char* kHomework[] = {"Zadania 1–5 ze strony 84.", "Przeczytaj rozdział 3 i odpowiedz na pytania.",
                                     "Napisz krótkie opowiadanie (10 zdań).", "Przygotuj prezentację na 3 minuty."};

//! The next school day (Monday to Friday) on or after `day`.
Date school_day(Date day) {
    while (weekday(day) > 5) day = add_days(day, 1);
    return day;
}

}  // namespace

void seed_terminarz(Context& ctx, const auth::Actor& admin, std::int64_t school_id) {
    Date today = warsaw_date(Clock::now());
    auto assignments = organisation::list_assignments(ctx, admin, school_id, std::nullopt, std::nullopt);
    int n = 0;
    for (const auto& a : assignments) {
        auto teacher = acting_as(a.teacher.id, auth::Role::Teacher, school_id);
        json::object event{{"class_id", a.class_id},
                           {"kind", n % 3 == 0 ? "test" : "quiz"},
                           {"date", format_date(school_day(add_days(today, 2 + (n * 3) % 26)))},
                           {"subject_id", a.subject.id},
                           {"description", kTopics[n % std::size(kTopics)]}};
        if (a.group_id) event["group_id"] = *a.group_id;
        try {
            events::create_event(ctx, teacher, event);
        } catch (const ApiError&) {
            // over the school's cap: a real teacher would pick another day, and so does the demo
            event["date"] = format_date(school_day(add_days(today, 30 + n % 5)));
            event["kind"] = "quiz";
            events::create_event(ctx, teacher, event);
        }
        // Homework set over the last two weeks (due by now, seen on past lessons) and for the coming week.
        Date set_on = n % 2 == 0 ? today : school_day(add_days(today, -14 + n % 7));
        Date due_on = n % 2 == 0 ? school_day(add_days(today, 1 + n % 7)) : school_day(add_days(set_on, 7));
        json::object homework{{"assignment_id", a.id},
                              {"set_on", format_date(set_on)},
                              {"due_on", format_date(due_on)},
                              {"text", kHomework[n % std::size(kHomework)]}};
        if (n % 4 == 0) {
            std::string sheet =
                std::string("Karta pracy — ") + kTopics[n % std::size(kTopics)] + "\n\n1. …\n2. …\n3. …\n";
            auto file = files::upload(ctx, teacher, "text/plain; charset=utf-8", "karta-pracy.txt", sheet);
            homework["attachment_ids"] = json::array{file.at("id")};
        }
        events::create_homework(ctx, teacher, homework);
        ++n;
    }
    int c = 0;
    for (const auto& klass : organisation::list_classes(ctx, admin, school_id)) {
        if (!klass.homeroom_teacher) continue;
        auto homeroom = acting_as(klass.homeroom_teacher->id, auth::Role::Teacher, school_id);
        events::create_event(ctx, homeroom,
                             {{"class_id", klass.id},
                              {"kind", "parent_meeting"},
                              {"date", format_date(school_day(add_days(today, 8 + c % 4)))},
                              {"description", "Zebranie z rodzicami o 17:30 w sali " + std::to_string(10 + c)}});
        if (c % 2 == 0)
            events::create_event(ctx, homeroom,
                                 {{"class_id", klass.id},
                                  {"kind", "trip"},
                                  {"date", format_date(school_day(add_days(today, 15 + c)))},
                                  {"description", "Wycieczka do Muzeum Narodowego"}});
        auto students = people::list_students(ctx, admin, school_id, klass.id);
        for (std::size_t i = 0; i < students.size() && i < 3; ++i)
            events::create_note(ctx, homeroom,
                                {{"student_id", students[i].id},
                                 {"kind", i == 1 ? "negative" : "positive"},
                                 {"category", i == 1 ? "Zachowanie na przerwie" : "Pomoc innym"},
                                 {"text", i == 1 ? "Bieganie po korytarzu mimo upomnień."
                                                 : "Pomoc koledze w nadrobieniu zaległości."}});
        ++c;
    }
}

}  // namespace kreda::app
