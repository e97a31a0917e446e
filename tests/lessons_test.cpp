// A teacher records a lesson — topic and the whole class's attendance — in one request; families see the marks
// and the statistics. Dates are relative to today, so the scenarios hold on any day.
#include "core/clock.hpp"
#include "core/date.hpp"
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;

//! The latest Monday–Friday on or before today (Warsaw).
Date last_school_day() {
    Date d = warsaw_date(std::time(nullptr));
    while (weekday(d) > 5) d = add_days(d, -1);
    return d;
}

class Lessons : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Lekcje");
        HttpClient http = signed_in(school_.admin_login, school_.admin_password);
        auto post = [&](const std::string& rest, object body) {
            auto r = http.post(school_path(school_.school_id, rest), body);
            EXPECT_EQ(r.status, 201) << rest << " " << r;
            return r.json();
        };
        day_ = last_school_day();
        post("/terms", object{{"year_name", "bieżący"},
                              {"starts_on", format_date(add_days(day_, -60))},
                              {"ends_on", format_date(add_days(day_, 200))},
                              {"second_term_starts_on", format_date(add_days(day_, 30))}});
        auto class_id = create_class(http, school_.school_id, "3a");
        ala_ = create_family(http, school_.school_id, class_id, "Ala", "Obecna");
        ola_ = create_family(http, school_.school_id, class_id, "Ola", "Nieobecna");
        other_class_student_ =
            create_family(http, school_.school_id, create_class(http, school_.school_id, "3b"), "Ewa", "Obca");
        teacher_ = create_staff(http, school_.school_id, "teacher", "Jan", "Historyk");
        other_teacher_ = create_staff(http, school_.school_id, "teacher", "Anna", "Inna");
        teacher_password_ = activate(teacher_.login, teacher_.code);
        other_password_ = activate(other_teacher_.login, other_teacher_.code);
        auto history = id_of(post("/subjects", object{{"name", "Historia"}}));
        assignment_ = id_of(
            post("/assignments", object{{"teacher_id", teacher_.id}, {"subject_id", history}, {"class_id", class_id}}));
        auto assignment = assignment_;
        for (int weekday = 1; weekday <= 5; ++weekday)
            post("/timetable", object{{"assignment_id", assignment},
                                      {"weekday", weekday},
                                      {"lesson_number", 2},
                                      {"valid_from", format_date(add_days(day_, -60))}});
    }

    //! The id of the teacher's lesson on `date`.
    static std::int64_t lesson_on(HttpClient& teacher, Date date) {
        auto day = teacher.get("/api/v1/teacher/lessons?date=" + format_date(date));
        EXPECT_EQ(day.status, 200) << day;
        auto lessons = day.json().at("lessons").as_array();
        EXPECT_EQ(lessons.size(), 1u) << day;
        return lessons.empty() ? 0 : lessons[0].at("lesson_id").as_int64();
    }

    static object record(const std::string& topic, const std::string& ala, const std::string& ola) {
        return object{{"topic", topic},
                      {"curriculum_number", 12},
                      {"attendance", array{object{{"student_id", ala_.student_id}, {"code", ala}},
                                           object{{"student_id", ola_.student_id}, {"code", ola}}}}};
    }

    static inline SchoolAccount school_;
    static inline Date day_{};
    static inline std::int64_t assignment_ = 0;
    static inline Family ala_, ola_, other_class_student_;
    static inline Staff teacher_, other_teacher_;
    static inline std::string teacher_password_, other_password_;
};

TEST_F(Lessons, ATeacherRecordsTheTopicAndTheWholeClassInOneRequest) {
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    auto id = lesson_on(teacher, day_);
    auto detail = teacher.get("/api/v1/lessons/" + std::to_string(id));
    ASSERT_EQ(detail.status, 200) << detail;
    EXPECT_EQ(detail.json().at("students").as_array().size(), 2u) << "only the lesson's class";
    EXPECT_TRUE(detail.json().at("editable").as_bool());
    EXPECT_GE(detail.json().at("attendance_types").as_array().size(), 7u) << "the standard set is pre-made";
    auto saved = teacher.put("/api/v1/lessons/" + std::to_string(id) + "/record", record("Chrzest Polski", "ob", "nb"));
    ASSERT_EQ(saved.status, 200) << saved;
    auto marks = saved.json().at("marks").as_object();
    EXPECT_EQ(marks.at(std::to_string(ola_.student_id)).as_string(), "nb");
    auto again = teacher.get("/api/v1/lessons/" + std::to_string(id)).json();
    EXPECT_EQ(text_of(again, "topic"), "Chrzest Polski");
    EXPECT_TRUE(again.at("recorded").as_bool());
}

TEST_F(Lessons, TheLessonPageShowsTheHomeworkDueThatDayAndSetThatDay) {
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    auto set = [&](Date set_on, Date due_on, const std::string& text) {
        auto r = teacher.post("/api/v1/homework", object{{"assignment_id", assignment_},
                                                         {"set_on", format_date(set_on)},
                                                         {"due_on", format_date(due_on)},
                                                         {"text", text}});
        EXPECT_EQ(r.status, 201) << r;
    };
    set(add_days(day_, -7), day_, "Przeczytaj rozdział o Mieszku I.");
    set(day_, add_days(day_, 7), "Opisz chrzest Polski w pięciu zdaniach.");
    set(add_days(day_, -14), add_days(day_, -7), "Starsze zadanie");
    auto homework = teacher.get("/api/v1/lessons/" + std::to_string(lesson_on(teacher, day_))).json().at("homework");
    ASSERT_EQ(homework.at("due").as_array().size(), 1u) << homework;
    EXPECT_EQ(homework.at("due").as_array()[0].at("text").as_string(), "Przeczytaj rozdział o Mieszku I.");
    ASSERT_EQ(homework.at("set").as_array().size(), 1u) << homework;
    EXPECT_EQ(homework.at("set").as_array()[0].at("due_on").as_string(), format_date(add_days(day_, 7)));
}

TEST_F(Lessons, ABadMarkOrAStrangerSavesNothing) {
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    auto id = lesson_on(teacher, add_days(day_, -1 - (weekday(day_) == 1 ? 2 : 0)));
    std::string url = "/api/v1/lessons/" + std::to_string(id) + "/record";
    auto unknown = teacher.put(url, record("Temat", "ob", "xyz"));
    EXPECT_EQ(unknown.status, 422);
    EXPECT_TRUE(
        unknown.json().at("error").at("fields").as_object().contains("attendance." + std::to_string(ola_.student_id)));
    object stranger = record("Temat", "ob", "ob");
    stranger["attendance"].as_array().push_back(
        object{{"student_id", other_class_student_.student_id}, {"code", "ob"}});
    EXPECT_EQ(teacher.put(url, stranger).status, 422);
    auto detail = teacher.get("/api/v1/lessons/" + std::to_string(id)).json();
    EXPECT_FALSE(detail.at("recorded").as_bool());
    for (const auto& s : detail.at("students").as_array()) EXPECT_TRUE(s.at("mark").is_null());
}

TEST_F(Lessons, ATeacherCannotRecordALessonThatIsNotTheirs) {
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    auto id = lesson_on(teacher, day_);
    HttpClient other = signed_in(other_teacher_.login, other_password_);
    EXPECT_EQ(other.put("/api/v1/lessons/" + std::to_string(id) + "/record", record("Cudzy", "ob", "ob")).status, 403);
    EXPECT_TRUE(other.get("/api/v1/teacher/lessons?date=" + format_date(day_)).json().at("lessons").as_array().empty());
    HttpClient parent = signed_in(ala_.parent_login, activate(ala_.parent_login, ala_.parent_code));
    EXPECT_EQ(parent.get("/api/v1/lessons/" + std::to_string(id)).status, 404);
}

TEST_F(Lessons, AfterTheEditWindowOnlyTheOfficeMayChangeARecord) {
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    auto id = lesson_on(teacher, add_days(day_, -14));
    auto late = teacher.put("/api/v1/lessons/" + std::to_string(id) + "/record", record("Spóźniony", "ob", "ob"));
    EXPECT_EQ(late.status, 403);
    EXPECT_EQ(late.error_code(), "edit_window_closed");
    HttpClient office = signed_in(school_.admin_login, school_.admin_password);
    EXPECT_EQ(office.put("/api/v1/lessons/" + std::to_string(id) + "/record", record("Uzupełniony", "ob", "u")).status,
              200);
    auto audit = office.get(school_path(school_.school_id, "/audit?limit=200")).json().at("items").as_array();
    bool found = false;
    for (const auto& r : audit)
        found = found || (r.at("action").as_string() == "lesson.record" && r.at("object_id").as_int64() == id);
    EXPECT_TRUE(found);
}

TEST_F(Lessons, FamiliesSeeTheMarksTheTopicsAndTheStatistics) {
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    auto id = lesson_on(teacher, day_);
    ASSERT_EQ(teacher.put("/api/v1/lessons/" + std::to_string(id) + "/record", record("Mieszko I", "sp", "nb")).status,
              200);
    HttpClient parent = signed_in(ola_.parent_login, activate(ola_.parent_login, ola_.parent_code));
    std::string student = "/api/v1/students/" + std::to_string(ola_.student_id);
    auto attendance = parent.get(student + "/attendance?to=" + format_date(day_));
    ASSERT_EQ(attendance.status, 200) << attendance;
    auto body = attendance.json();
    bool absent_today = false;
    for (const auto& m : body.at("marks").as_array())
        absent_today = absent_today || (m.at("lesson_id").as_int64() == id && m.at("code").as_string() == "nb");
    EXPECT_TRUE(absent_today);
    EXPECT_EQ(body.at("statistics").at("total").at("absent").as_int64(), 1);
    auto lessons = parent.get(student + "/lessons?to=" + format_date(day_)).json().at("items").as_array();
    bool topic = false;
    for (const auto& l : lessons) topic = topic || l.at("topic").as_string() == "Mieszko I";
    EXPECT_TRUE(topic);
    EXPECT_EQ(parent.get("/api/v1/students/" + std::to_string(ala_.student_id) + "/attendance").status, 404);
}

TEST_F(Lessons, ASchoolAddsItsOwnAttendanceTypeAndItCountsByItsKind) {
    HttpClient office = signed_in(school_.admin_login, school_.admin_password);
    std::string types = school_path(school_.school_id, "/attendance-types");
    object online{{"code", "zd"},
                  {"name_pl", "Zajęcia zdalne"},
                  {"name_en", "Remote lesson"},
                  {"colour", "#1B5E20"},
                  {"kind", "present"}};
    auto created = office.post(types, online);
    ASSERT_EQ(created.status, 201) << created;
    EXPECT_EQ(office.post(types, online).status, 409);
    EXPECT_EQ(office
                  .post(types,
                        object{{"code", "ZD!"}, {"name_pl", "x"}, {"name_en", "x"}, {"colour", "red"}, {"kind", "odd"}})
                  .status,
              422);
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    EXPECT_EQ(teacher.post(types, online).status, 403);
    Date day = add_days(day_, -7);
    auto id = lesson_on(teacher, day);
    ASSERT_EQ(
        office.put("/api/v1/lessons/" + std::to_string(id) + "/record", record("Lekcja zdalna", "zd", "zd")).status,
        200);
    auto attendance = office
                          .get("/api/v1/students/" + std::to_string(ala_.student_id) +
                               "/attendance?from=" + format_date(day) + "&to=" + format_date(day))
                          .json();
    ASSERT_EQ(attendance.at("marks").as_array().size(), 1u);
    EXPECT_EQ(attendance.at("marks").as_array()[0].at("code").as_string(), "zd");
    EXPECT_EQ(attendance.at("types").as_array()[0].at("code").as_string(), "zd");
    EXPECT_EQ(attendance.at("statistics").at("total").at("present").as_int64(), 1) << "counted by its kind";
}

}  // namespace
}  // namespace kreda::test
