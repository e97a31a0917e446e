// The terminarz, homework and notes over HTTP: who may plan what, the school's caps on tests, parents' answers to
// meetings, and what each family sees.
#include "support/terminarz_scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;

TEST_F(Terminarz, TheSchoolsCapOnTestsWarnsOrRefuses) {
    HttpClient teacher = as(teacher_.login);
    Date monday = next_monday();
    auto first = teacher.post("/api/v1/events", test_on(monday));
    ASSERT_EQ(first.status, 201) << first;
    EXPECT_TRUE(first.json().at("warnings").as_array().empty());
    auto second = teacher.post("/api/v1/events", test_on(monday, "class_test"));
    ASSERT_EQ(second.status, 201) << second;  // the default: warn, and save
    ASSERT_EQ(second.json().at("warnings").as_array().size(), 1u);
    EXPECT_EQ(teacher.post("/api/v1/events", test_on(monday, "quiz")).json().at("warnings").as_array().size(), 0u);

    ASSERT_EQ(admin().patch(school_path(school_.school_id), object{{"refuse_over_cap", true}}).status, 200);
    auto refused = teacher.post("/api/v1/events", test_on(monday));
    EXPECT_EQ(refused.status, 409) << refused;
    EXPECT_EQ(teacher.post("/api/v1/events", test_on(add_days(monday, 1))).status, 201);
    EXPECT_EQ(teacher.post("/api/v1/events", test_on(add_days(monday, 2))).status, 409);  // a 4th in the week
    ASSERT_EQ(admin().patch(school_path(school_.school_id), object{{"refuse_over_cap", false}}).status, 200);
}

TEST_F(Terminarz, FamiliesSeeTheirClassesEventsAndOnlyTeachersOfTheClassPlanThem) {
    HttpClient teacher = as(teacher_.login);
    Date day = add_days(next_monday(), 14);
    auto planned = teacher.post("/api/v1/events", test_on(day, "quiz"));
    ASSERT_EQ(planned.status, 201) << planned;
    auto id = id_of(planned.json());
    auto seen = as(kid_.parent_login)
                    .get("/api/v1/students/" + std::to_string(kid_.student_id) + "/events" + between(day, day));
    ASSERT_EQ(seen.status, 200) << seen;
    ASSERT_EQ(seen.json().at("items").as_array().size(), 1u);
    EXPECT_EQ(seen.json().at("items").as_array()[0].at("id").as_int64(), id);
    auto theirs = as(other_.parent_login)
                      .get("/api/v1/students/" + std::to_string(other_.student_id) + "/events" + between(day, day));
    EXPECT_TRUE(theirs.json().at("items").as_array().empty());
    EXPECT_EQ(as(other_.parent_login)
                  .get("/api/v1/students/" + std::to_string(kid_.student_id) + "/events" + between(day, day))
                  .status,
              404);
    EXPECT_EQ(teacher.post("/api/v1/events", test_on(day, "quiz", class_b_)).status, 403);  // not their class
    EXPECT_EQ(as(kid_.parent_login).post("/api/v1/events", test_on(day)).status, 404);
    EXPECT_EQ(teacher.post("/api/v1/events", test_on(day, "parent_meeting")).status, 403);  // the homeroom's
    EXPECT_EQ(as(kid_.parent_login).del("/api/v1/events/" + std::to_string(id)).status, 404);
    EXPECT_EQ(teacher.del("/api/v1/events/" + std::to_string(id)).status, 204);
}

TEST_F(Terminarz, ParentsAnswerTheHomeroomTeachersMeeting) {
    Date day = add_days(next_monday(), 21);
    auto meeting = as(homeroom_.login)
                       .post("/api/v1/events", object{{"class_id", class_a_},
                                                      {"kind", "parent_meeting"},
                                                      {"date", format_date(day)},
                                                      {"description", "Wywiadówka, sala 12, 17:30"}});
    ASSERT_EQ(meeting.status, 201) << meeting;
    auto id = id_of(meeting.json());
    std::string answer = "/api/v1/events/" + std::to_string(id) + "/answer";
    ASSERT_EQ(as(kid_.parent_login).put(answer, object{{"attending", true}}).status, 200);
    EXPECT_EQ(as(other_.parent_login).put(answer, object{{"attending", true}}).status, 404);  // not their class
    EXPECT_EQ(as(kid_.student_login).put(answer, object{{"attending", true}}).status, 404);
    auto own = as(kid_.parent_login)
                   .get("/api/v1/students/" + std::to_string(kid_.student_id) + "/events" + between(day, day))
                   .json();
    EXPECT_TRUE(own.at("items").as_array()[0].at("my_answer").as_bool());
    auto listed =
        as(homeroom_.login).get("/api/v1/classes/" + std::to_string(class_a_) + "/events" + between(day, day)).json();
    auto answers = listed.at("items").as_array()[0].at("answers").as_array();
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].at("parent").at("id").as_int64(), kid_.parent_id);
}

TEST_F(Terminarz, HomeworkIsTheAssignmentsTeachersAndFamiliesSeeWhatIsDue) {
    Date due = add_days(next_monday(), 3);
    auto set = as(teacher_.login)
                   .post("/api/v1/homework", object{{"assignment_id", assignment_},
                                                    {"due_on", format_date(due)},
                                                    {"text", "Zadania 1–5 ze strony 84."}});
    ASSERT_EQ(set.status, 201) << set;
    EXPECT_EQ(as(homeroom_.login)
                  .post("/api/v1/homework",
                        object{{"assignment_id", assignment_}, {"due_on", format_date(due)}, {"text", "x"}})
                  .status,
              403);
    auto seen = as(kid_.student_login)
                    .get("/api/v1/students/" + std::to_string(kid_.student_id) + "/homework" + between(due, due))
                    .json();
    ASSERT_EQ(seen.at("items").as_array().size(), 1u);
    EXPECT_EQ(seen.at("items").as_array()[0].at("subject").at("name").as_string(), "Matematyka");
    EXPECT_TRUE(as(other_.student_login)
                    .get("/api/v1/students/" + std::to_string(other_.student_id) + "/homework" + between(due, due))
                    .json()
                    .at("items")
                    .as_array()
                    .empty());
}

TEST_F(Terminarz, NotesReachTheFamilyAndTheHomeroomTeacherSeesTheClasss) {
    auto written = as(teacher_.login)
                       .post("/api/v1/notes", object{{"student_id", kid_.student_id},
                                                     {"kind", "positive"},
                                                     {"category", "Aktywność"},
                                                     {"text", "Świetnie poprowadzona prezentacja."}});
    ASSERT_EQ(written.status, 201) << written;
    EXPECT_EQ(as(kid_.parent_login)
                  .post("/api/v1/notes",
                        object{{"student_id", kid_.student_id}, {"kind", "positive"}, {"category", "x"}, {"text", "y"}})
                  .status,
              404);  // families write no notes
    auto family = as(kid_.parent_login).get("/api/v1/students/" + std::to_string(kid_.student_id) + "/notes");
    ASSERT_EQ(family.status, 200) << family;
    EXPECT_EQ(family.json().at("items").as_array().size(), 1u);
    EXPECT_EQ(as(other_.parent_login).get("/api/v1/students/" + std::to_string(kid_.student_id) + "/notes").status,
              404);
    std::string class_notes = "/api/v1/classes/" + std::to_string(class_a_) + "/notes";
    EXPECT_EQ(as(homeroom_.login).get(class_notes).json().at("items").as_array().size(), 1u);
    EXPECT_EQ(as(teacher_.login).get(class_notes).status, 403);
}

TEST_F(Terminarz, TheLuckyNumberIsDrawnOnceADayFromTheRegisterNumbersInUse) {
    HttpClient office = admin();
    Date today = warsaw_date(std::time(nullptr));
    ASSERT_EQ(office
                  .post(school_path(school_.school_id, "/terms"),
                        object{{"year_name", "bieżący"},
                               {"starts_on", format_date(add_days(today, -30))},
                               {"ends_on", format_date(add_days(today, 200))},
                               {"second_term_starts_on", format_date(add_days(today, 60))}})
                  .status,
              201);
    for (auto c : {class_a_, class_b_})
        ASSERT_EQ(
            office.post(school_path(school_.school_id, "/classes/" + std::to_string(c) + "/register-numbers")).status,
            204);
    std::string path = "/api/v1/students/" + std::to_string(kid_.student_id) + "/lucky-number";
    auto first = as(kid_.parent_login).get(path);
    ASSERT_EQ(first.status, 200) << first;
    auto days = first.json().at("days").as_array();
    ASSERT_FALSE(days.empty());                                          // at least the next school day
    for (const auto& d : days) EXPECT_EQ(d.at("number").as_int64(), 1);  // one pupil per class, numbered 1
    // The same draw for everyone, every time.
    EXPECT_EQ(as(other_.student_login)
                  .get("/api/v1/students/" + std::to_string(other_.student_id) + "/lucky-number")
                  .json()
                  .at("days"),
              first.json().at("days"));
    auto feed = as(kid_.parent_login).get("/api/v1/feed?before=").json();
    bool heard = false;
    for (const auto& item : feed.at("items").as_array())
        heard |= item.at("kind").as_string() == "lucky_number.drawn" && item.at("data").at("number").as_int64() == 1;
    EXPECT_TRUE(heard) << "the draw is news in the family's feed";
    EXPECT_EQ(
        as(kid_.parent_login).get("/api/v1/students/" + std::to_string(other_.student_id) + "/lucky-number").status,
        404);
    ASSERT_EQ(office.patch(school_path(school_.school_id), object{{"lucky_number", "off"}}).status, 200);
    EXPECT_TRUE(as(kid_.parent_login).get(path).json().at("days").as_array().empty());
    EXPECT_EQ(office.patch(school_path(school_.school_id), object{{"lucky_number", "sometimes"}}).status, 422);
}

}  // namespace
}  // namespace kreda::test
