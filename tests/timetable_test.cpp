// The weekly plan without clashes, changes for a date, and the week as a student and teachers see it.
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;

class Timetable : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Plan Lekcji");
        HttpClient http = signed_in(school_.admin_login, school_.admin_password);
        auto post = [&](const std::string& rest, object body) {
            auto r = http.post(school_path(school_.school_id, rest), body);
            EXPECT_EQ(r.status, 201) << rest << " " << r;
            return r.json();
        };
        post("/terms", object{{"year_name", "2026/2027"},
                              {"starts_on", "2026-09-01"},
                              {"ends_on", "2027-06-25"},
                              {"second_term_starts_on", "2027-01-25"}});
        post("/free-days", object{{"starts_on", "2026-11-11"}, {"name", "Święto Niepodległości"}});
        class_id_ = create_class(http, school_.school_id, "4a");
        other_class_ = create_class(http, school_.school_id, "4b");
        family_ = create_family(http, school_.school_id, class_id_, "Jan", "Planowy");
        teacher_ = create_staff(http, school_.school_id, "teacher", "Maria", "Matematyczna");
        substitute_ = create_staff(http, school_.school_id, "teacher", "Piotr", "Zastępczy");
        group1_ = id_of(post(
            "/groups", object{{"class_id", class_id_}, {"name", "gr. 1"}, {"student_ids", array{family_.student_id}}}));
        group2_ = id_of(post("/groups", object{{"class_id", class_id_}, {"name", "gr. 2"}}));
        auto maths = id_of(post("/subjects", object{{"name", "Matematyka"}}));
        auto english = id_of(post("/subjects", object{{"name", "Język angielski"}}));
        room1_ = id_of(post("/rooms", object{{"name", "12"}}));
        room2_ = id_of(post("/rooms", object{{"name", "14"}}));
        maths_4a_ = id_of(
            post("/assignments", object{{"teacher_id", teacher_.id}, {"subject_id", maths}, {"class_id", class_id_}}));
        maths_4b_ = id_of(post("/assignments",
                               object{{"teacher_id", teacher_.id}, {"subject_id", maths}, {"class_id", other_class_}}));
        english_g1_ = id_of(post(
            "/assignments",
            object{
                {"teacher_id", teacher_.id}, {"subject_id", english}, {"class_id", class_id_}, {"group_id", group1_}}));
        english_g2_ = id_of(post("/assignments", object{{"teacher_id", substitute_.id},
                                                        {"subject_id", english},
                                                        {"class_id", class_id_},
                                                        {"group_id", group2_}}));
        // Monday lesson 1: maths for 4a in room 12.
        monday_maths_ = id_of(post("/timetable", entry(maths_4a_, 1, 1, room1_)));
    }

    static object entry(std::int64_t assignment, int weekday, int lesson, std::int64_t room) {
        return object{{"assignment_id", assignment},
                      {"weekday", weekday},
                      {"lesson_number", lesson},
                      {"room_id", room},
                      {"valid_from", "2026-09-01"}};
    }
    HttpClient office() { return signed_in(school_.admin_login, school_.admin_password); }
    std::string path(const std::string& rest) { return school_path(school_.school_id, rest); }

    static inline SchoolAccount school_;
    static inline std::int64_t class_id_ = 0, other_class_ = 0, group1_ = 0, group2_ = 0, room1_ = 0, room2_ = 0;
    static inline std::int64_t maths_4a_ = 0, maths_4b_ = 0, english_g1_ = 0, english_g2_ = 0, monday_maths_ = 0;
    static inline Family family_;
    //! The parent, signed in (their own password is set the first time).
    static HttpClient as_parent() {
        static const std::string password = activate(family_.parent_login, family_.parent_code);
        return signed_in(family_.parent_login, password);
    }
    static inline Staff teacher_, substitute_;
};

TEST_F(Timetable, ATeacherARoomOrAClassTwiceInOneSlotIsRefused) {
    HttpClient http = office();
    auto teacher_twice = http.post(path("/timetable"), entry(maths_4b_, 1, 1, room2_));
    EXPECT_EQ(teacher_twice.status, 409);
    EXPECT_EQ(teacher_twice.error_code(), "clash_teacher");
    auto room_twice = http.post(path("/timetable"), entry(english_g2_, 1, 1, room1_));
    EXPECT_EQ(room_twice.error_code(), "clash_room");
    auto class_twice = http.post(path("/timetable"), entry(english_g2_, 1, 1, room2_));
    EXPECT_EQ(class_twice.error_code(), "clash_students") << "a group of 4a while all of 4a has maths";
}

TEST_F(Timetable, TwoGroupsOfAClassMayHaveLessonsAtOnce) {
    HttpClient http = office();
    EXPECT_EQ(http.post(path("/timetable"), entry(english_g1_, 2, 3, room1_)).status, 201);
    EXPECT_EQ(http.post(path("/timetable"), entry(english_g2_, 2, 3, room2_)).status, 201);
}

TEST_F(Timetable, AStudentSeesTheirGroupsLessonsAndNotTheOtherGroups) {
    HttpClient http = office();
    auto week = http.get("/api/v1/students/" + std::to_string(family_.student_id) + "/timetable?week=2026-10-07");
    ASSERT_EQ(week.status, 200) << week;
    auto days = week.json().at("days").as_array();
    EXPECT_EQ(text_of(days[0], "date"), "2026-10-05") << "weeks start on Monday";
    auto tuesday = days[1].at("lessons").as_array();
    ASSERT_EQ(tuesday.size(), 1u);
    EXPECT_EQ(text_of(tuesday[0], "group_name"), "gr. 1");
    EXPECT_EQ(days[0].at("lessons").as_array().size(), 1u);
}

TEST_F(Timetable, ASubstitutionShowsToTheStudentsAndToBothTeachers) {
    HttpClient http = office();
    auto change = http.post(path("/timetable-changes"), object{{"kind", "substitution"},
                                                               {"date", "2026-10-12"},
                                                               {"entry_id", monday_maths_},
                                                               {"substitute_teacher_id", substitute_.id}});
    ASSERT_EQ(change.status, 201) << change;
    auto lesson_of = [&](const std::string& url) {
        auto week = http.get(url).json();
        return week.at("days").as_array().at(0).at("lessons").as_array();
    };
    auto student = lesson_of("/api/v1/students/" + std::to_string(family_.student_id) + "/timetable?week=2026-10-12");
    ASSERT_EQ(student.size(), 1u);
    EXPECT_EQ(text_of(student[0], "status"), "substituted");
    EXPECT_EQ(id_of(student[0].at("teacher")), substitute_.id);
    EXPECT_EQ(id_of(student[0].at("original_teacher")), teacher_.id);
    for (auto teacher : {teacher_.id, substitute_.id})
        EXPECT_EQ(lesson_of(path("/week?week=2026-10-12&teacher_id=" + std::to_string(teacher))).size(), 1u) << teacher;
}

TEST_F(Timetable, AChangeAndItsWithdrawalReachTheFamilysFeedWithNames) {
    HttpClient http = office();
    HttpClient parent = as_parent();
    auto head = parent.get("/api/v1/feed?before=").json().at("items").as_array();
    std::string since = head.empty() ? "0" : std::to_string(id_of(head.front()));
    auto change = http.post(path("/timetable-changes"), object{{"kind", "substitution"},
                                                               {"date", "2026-10-19"},
                                                               {"entry_id", monday_maths_},
                                                               {"substitute_teacher_id", substitute_.id},
                                                               {"room_id", room2_}});
    ASSERT_EQ(change.status, 201) << change;
    ASSERT_EQ(http.del(path("/timetable-changes/" + std::to_string(id_of(change.json())))).status, 204);
    auto feed = parent.get("/api/v1/feed?since=" + since);
    ASSERT_EQ(feed.status, 200) << feed;
    std::vector<boost::json::object> changes;
    auto body = feed.json();
    for (const auto& item : body.at("items").as_array())
        if (item.at("kind").as_string() == "timetable.changed") changes.push_back(item.at("data").as_object());
    ASSERT_EQ(changes.size(), 2u) << feed;
    EXPECT_EQ(changes[0].at("subject").as_string(), "Matematyka");
    EXPECT_EQ(changes[0].at("teacher").as_string(), "Piotr Zastępczy") << "the substitute, by name";
    EXPECT_EQ(changes[0].at("room").as_string(), "14");
    EXPECT_FALSE(changes[0].at("withdrawn").as_bool());
    EXPECT_TRUE(changes[1].at("withdrawn").as_bool()) << "deleting the change is news too";
    EXPECT_EQ(changes[1].at("date").as_string(), "2026-10-19");
}

TEST_F(Timetable, ASubstituteWhoIsBusyThenIsRefused) {
    HttpClient http = office();
    ASSERT_EQ(http.post(path("/timetable"), entry(maths_4b_, 3, 2, room2_)).status, 201);  // teacher_ busy Wed 2
    auto wednesday_4a =
        http.post(path("/timetable"), entry(english_g2_, 3, 2, room1_));  // substitute_ teaches 4a gr. 2
    ASSERT_EQ(wednesday_4a.status, 201) << wednesday_4a;
    auto busy = http.post(path("/timetable-changes"), object{{"kind", "substitution"},
                                                             {"date", "2026-10-14"},
                                                             {"entry_id", id_of(wednesday_4a.json())},
                                                             {"substitute_teacher_id", teacher_.id}});
    EXPECT_EQ(busy.error_code(), "clash_teacher");
}

TEST_F(Timetable, CancellationsFreeDaysAndTermBoundariesShowInTheWeek) {
    HttpClient http = office();
    ASSERT_EQ(http.post(path("/timetable-changes"), object{{"kind", "cancellation"},
                                                           {"date", "2026-10-19"},
                                                           {"entry_id", monday_maths_},
                                                           {"note", "Wycieczka"}})
                  .status,
              201);
    std::string student = "/api/v1/students/" + std::to_string(family_.student_id) + "/timetable?week=";
    auto cancelled = http.get(student + "2026-10-19").json().at("days").as_array().at(0).at("lessons").as_array();
    ASSERT_EQ(cancelled.size(), 1u);
    EXPECT_EQ(text_of(cancelled[0], "status"), "cancelled");
    EXPECT_EQ(text_of(cancelled[0], "note"), "Wycieczka");
    auto holiday = http.get(student + "2026-11-11").json().at("days").as_array();
    EXPECT_EQ(text_of(holiday[2], "day_off"), "Święto Niepodległości");
    EXPECT_TRUE(holiday[2].at("lessons").as_array().empty());
    auto summer = http.get(student + "2026-08-24").json().at("days").as_array();
    for (const auto& day : summer) EXPECT_TRUE(day.at("lessons").as_array().empty()) << "before the year starts";
}

TEST_F(Timetable, AChangeNeedsALessonThatIsHeldThatDay) {
    HttpClient http = office();
    auto tuesday = http.post(path("/timetable-changes"),
                             object{{"kind", "cancellation"}, {"date", "2026-10-13"}, {"entry_id", monday_maths_}});
    EXPECT_EQ(tuesday.status, 422) << "the entry is held on Mondays";
    EXPECT_EQ(http.post(path("/timetable-changes"), object{{"kind", "teleport"}, {"date", "2026-10-12"}}).status, 422);
}

TEST_F(Timetable, FamiliesCannotChangeOrReadTheSchoolsPlan) {
    HttpClient parent = as_parent();
    EXPECT_EQ(parent.get(path("/timetable")).status, 404);
    EXPECT_EQ(parent.post(path("/timetable"), entry(maths_4a_, 5, 5, room1_)).status, 404);
    EXPECT_EQ(
        parent.get("/api/v1/students/" + std::to_string(family_.student_id) + "/timetable?week=2026-10-12").status,
        200);
}

}  // namespace
}  // namespace kreda::test
