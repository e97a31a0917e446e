// Private, revocable iCalendar feeds of a student's and a teacher's timetable, valid per RFC 5545.
#include <libical/ical.h>

#include "core/date.hpp"
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class CalendarFeeds : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Kalendarz");
        HttpClient http = signed_in(school_.admin_login, school_.admin_password);
        auto post = [&](const std::string& rest, object body) {
            auto r = http.post(school_path(school_.school_id, rest), body);
            EXPECT_EQ(r.status, 201) << rest << " " << r;
            return r.json();
        };
        Date today = warsaw_date(std::time(nullptr));
        post("/terms", object{{"year_name", "bieżący"},
                              {"starts_on", format_date(add_days(today, -100))},
                              {"ends_on", format_date(add_days(today, 200))},
                              {"second_term_starts_on", format_date(add_days(today, 30))}});
        boost::json::array bells{object{{"number", 1}, {"starts_at", "08:00"}, {"ends_at", "08:45"}}};
        EXPECT_EQ(http.post(school_path(school_.school_id, "/bell-schedule"), object{{"lessons", bells}}).status, 200);
        class_id_ = create_class(http, school_.school_id, "6c");
        auto class_id = class_id_;
        family_ = create_family(http, school_.school_id, class_id, "Iga", "Kalendarzowa");
        other_ = create_family(http, school_.school_id, class_id, "Ewa", "Sąsiednia");
        teacher_ = create_staff(http, school_.school_id, "teacher", "Zofia", "Wójcik");
        auto subject = id_of(post("/subjects", object{{"name", "Język polski"}}));
        auto room = id_of(post("/rooms", object{{"name", "12"}}));
        auto assignment = id_of(
            post("/assignments", object{{"teacher_id", teacher_.id}, {"subject_id", subject}, {"class_id", class_id}}));
        for (int day = 1; day <= 5; ++day)
            post("/timetable", object{{"assignment_id", assignment},
                                      {"weekday", day},
                                      {"lesson_number", 1},
                                      {"room_id", room},
                                      {"valid_from", format_date(add_days(today, -100))}});
        parent_password_ = activate(family_.parent_login, family_.parent_code);
    }

    //! GETs a feed address (an absolute URL) on this server.
    static Response fetch(const std::string& url) {
        HttpClient anonymous = server().client();
        return anonymous.get(url.substr(url.find("/ical/")));
    }

    static inline SchoolAccount school_;
    static inline Family family_, other_;
    static inline Staff teacher_;
    static inline std::int64_t class_id_ = 0;
    static inline std::string teacher_password_;
    //! The teacher's password, activating the account the first time.
    static std::string activate_once(const Staff& staff) {
        if (teacher_password_.empty()) teacher_password_ = activate(staff.login, staff.code);
        return teacher_password_;
    }
    static inline std::string parent_password_;
};

TEST_F(CalendarFeeds, AParentsFeedOfTheirChildParsesBackWithTheLessons) {
    HttpClient parent = signed_in(family_.parent_login, parent_password_);
    auto created = parent.post("/api/v1/calendar-feeds", object{{"student_id", family_.student_id}});
    ASSERT_EQ(created.status, 201) << created;
    auto feed = fetch(text_of(created.json(), "url"));
    ASSERT_EQ(feed.status, 200) << feed;
    EXPECT_NE(feed.header("content-type").find("text/calendar"), std::string::npos);
    std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)> calendar(icalparser_parse_string(feed.body.c_str()),
                                                                           &icalcomponent_free);
    ASSERT_NE(calendar, nullptr) << feed.body.substr(0, 300);
    int events = icalcomponent_count_components(calendar.get(), ICAL_VEVENT_COMPONENT);
    EXPECT_GE(events, 50) << "five lessons a week for thirteen weeks, less any free days";
    icalcomponent* first = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
    EXPECT_STREQ(icalcomponent_get_summary(first), "Język polski");
    EXPECT_STREQ(icalcomponent_get_location(first), "Sala 12");
}

TEST_F(CalendarFeeds, TheFeedCarriesTheTerminarzTestsAtTheirLessonAndTripsAsWholeDays) {
    HttpClient teacher = signed_in(teacher_.login, activate_once(teacher_));
    Date day = week_start(add_days(warsaw_date(std::time(nullptr)), 7));
    auto test = teacher.post("/api/v1/events", object{{"class_id", class_id_},
                                                      {"kind", "test"},
                                                      {"date", format_date(day)},
                                                      {"lesson_number", 1},
                                                      {"description", "Lektura: Akademia pana Kleksa"}});
    ASSERT_EQ(test.status, 201) << test;
    auto trip = teacher.post("/api/v1/events", object{{"class_id", class_id_},
                                                      {"kind", "trip"},
                                                      {"date", format_date(add_days(day, 2))},
                                                      {"description", "Teatr Groteska"}});
    ASSERT_EQ(trip.status, 201) << trip;
    HttpClient parent = signed_in(family_.parent_login, parent_password_);
    auto feed =
        fetch(text_of(parent.post("/api/v1/calendar-feeds", object{{"student_id", family_.student_id}}).json(), "url"));
    ASSERT_EQ(feed.status, 200) << feed;
    std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)> calendar(icalparser_parse_string(feed.body.c_str()),
                                                                           &icalcomponent_free);
    ASSERT_NE(calendar, nullptr);
    bool saw_test = false, saw_trip = false;
    for (icalcomponent* e = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT)) {
        std::string summary = icalcomponent_get_summary(e);
        icaltimetype start = icalcomponent_get_dtstart(e);
        if (summary == "Sprawdzian") {
            saw_test = true;
            EXPECT_FALSE(start.is_date);  // at lesson 1's time
        }
        if (summary == "Wycieczka") {
            saw_trip = true;
            EXPECT_TRUE(start.is_date);
            EXPECT_EQ(start.day, add_days(day, 2).day);
            EXPECT_STREQ(icalcomponent_get_description(e), "Teatr Groteska");
        }
    }
    EXPECT_TRUE(saw_test) << feed.body.substr(0, 400);
    EXPECT_TRUE(saw_trip);
}

TEST_F(CalendarFeeds, ARevokedFeedStopsWorkingAtOnce) {
    HttpClient parent = signed_in(family_.parent_login, parent_password_);
    auto created = parent.post("/api/v1/calendar-feeds", object{{"student_id", family_.student_id}}).json();
    ASSERT_EQ(fetch(text_of(created, "url")).status, 200);
    EXPECT_EQ(parent.del("/api/v1/calendar-feeds/" + std::to_string(id_of(created))).status, 204);
    EXPECT_EQ(fetch(text_of(created, "url")).status, 404);
    EXPECT_EQ(fetch("/ical/" + std::string(48, 'a') + ".ics").status, 404);
}

TEST_F(CalendarFeeds, NobodyGetsAFeedOfAnotherFamilysChild) {
    HttpClient parent = signed_in(family_.parent_login, parent_password_);
    EXPECT_EQ(parent.post("/api/v1/calendar-feeds", object{{"student_id", other_.student_id}}).status, 404);
    EXPECT_EQ(parent.post("/api/v1/calendar-feeds", object{}).status, 403) << "a parent has no timetable of their own";
}

TEST_F(CalendarFeeds, ATeachersFeedHoldsTheirLessons) {
    HttpClient teacher = signed_in(teacher_.login, activate_once(teacher_));
    auto created = teacher.post("/api/v1/calendar-feeds", object{});
    ASSERT_EQ(created.status, 201) << created;
    auto feed = fetch(text_of(created.json(), "url"));
    ASSERT_EQ(feed.status, 200);
    EXPECT_NE(feed.body.find("SUMMARY:Język polski"), std::string::npos);
    EXPECT_NE(feed.body.find("6c"), std::string::npos);
}

}  // namespace
}  // namespace kreda::test
