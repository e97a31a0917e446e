// A parent excuses absences; the homeroom teacher accepts or rejects; the parent sees the outcome.
#include "core/date.hpp"
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;

Date recent_school_day() {
    Date d = add_days(warsaw_date(std::time(nullptr)), -1);
    while (weekday(d) > 5) d = add_days(d, -1);
    return d;
}

class Excuses : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Usprawiedliwienia");
        HttpClient http = signed_in(school_.admin_login, school_.admin_password);
        auto post = [&](const std::string& rest, object body) {
            auto r = http.post(school_path(school_.school_id, rest), body);
            EXPECT_EQ(r.status, 201) << rest << " " << r;
            return r.json();
        };
        day_ = recent_school_day();
        post("/terms", object{{"year_name", "bieżący"},
                              {"starts_on", format_date(add_days(day_, -60))},
                              {"ends_on", format_date(add_days(day_, 200))},
                              {"second_term_starts_on", format_date(add_days(day_, 30))}});
        class_id_ = create_class(http, school_.school_id, "2a");
        kid_ = create_family(http, school_.school_id, class_id_, "Staś", "Chory");
        other_kid_ = create_family(http, school_.school_id, class_id_, "Zosia", "Zdrowa");
        homeroom_ = create_staff(http, school_.school_id, "teacher", "Wanda", "Wychowawczyni");
        teacher_ = create_staff(http, school_.school_id, "teacher", "Jan", "Przedmiotowy");
        ASSERT_EQ(http.patch(school_path(school_.school_id, "/classes/" + std::to_string(class_id_)),
                             object{{"homeroom_teacher_id", homeroom_.id}})
                      .status,
                  200);
        homeroom_password_ = activate(homeroom_.login, homeroom_.code);
        teacher_password_ = activate(teacher_.login, teacher_.code);
        parent_password_ = activate(kid_.parent_login, kid_.parent_code);
        auto subject = id_of(post("/subjects", object{{"name", "Plastyka"}}));
        auto assignment = id_of(post(
            "/assignments", object{{"teacher_id", teacher_.id}, {"subject_id", subject}, {"class_id", class_id_}}));
        for (int lesson : {1, 2})
            post("/timetable", object{{"assignment_id", assignment},
                                      {"weekday", weekday(day_)},
                                      {"lesson_number", lesson},
                                      {"valid_from", format_date(add_days(day_, -60))}});
        // The teacher marks Staś absent in lesson 1 and late in lesson 2.
        HttpClient teacher = signed_in(teacher_.login, teacher_password_);
        auto lessons = teacher.get("/api/v1/teacher/lessons?date=" + format_date(day_)).json().at("lessons").as_array();
        ASSERT_EQ(lessons.size(), 2u);
        for (std::size_t i = 0; i < 2; ++i) {
            lesson_ids_[i] = lessons[i].at("lesson_id").as_int64();
            auto saved = teacher.put(
                "/api/v1/lessons/" + std::to_string(lesson_ids_[i]) + "/record",
                object{{"topic", "Martwa natura"},
                       {"attendance", array{object{{"student_id", kid_.student_id}, {"code", i == 0 ? "nb" : "sp"}},
                                            object{{"student_id", other_kid_.student_id}, {"code", "ob"}}}}});
            ASSERT_EQ(saved.status, 200) << saved;
        }
    }

    static std::string excuses_of(const Family& f) {
        return "/api/v1/students/" + std::to_string(f.student_id) + "/excuses";
    }
    static std::map<std::int64_t, std::string> marks(HttpClient& http) {
        std::map<std::int64_t, std::string> out;
        auto body =
            http.get("/api/v1/students/" + std::to_string(kid_.student_id) + "/attendance?to=" + format_date(day_))
                .json();
        for (const auto& m : body.at("marks").as_array())
            out[m.at("lesson_id").as_int64()] = std::string(m.at("code").as_string());
        return out;
    }

    static inline SchoolAccount school_;
    static inline Date day_{};
    static inline std::int64_t class_id_ = 0, lesson_ids_[2] = {0, 0};
    static inline Family kid_, other_kid_;
    static inline Staff homeroom_, teacher_;
    static inline std::string homeroom_password_, teacher_password_, parent_password_;
};

TEST_F(Excuses, AParentExcusesADayAndTheHomeroomTeacherAcceptsIt) {
    HttpClient parent = signed_in(kid_.parent_login, parent_password_);
    auto submitted = parent.post(excuses_of(kid_), object{{"dates", array{format_date(day_)}},
                                                          {"reason", "illness"},
                                                          {"note", "Gorączka, zaświadczenie w załączniku."}});
    ASSERT_EQ(submitted.status, 201) << submitted;
    EXPECT_EQ(text_of(submitted.json(), "status"), "pending");
    EXPECT_EQ(submitted.json().at("lessons").as_array().size(), 2u) << "the absence and the lateness of that day";
    EXPECT_EQ(parent.post(excuses_of(kid_), object{{"lesson_ids", array{lesson_ids_[0]}}, {"reason", "other"}}).status,
              409)
        << "a pending excuse already covers it";

    HttpClient homeroom = signed_in(homeroom_.login, homeroom_password_);
    auto inbox = homeroom.get("/api/v1/teacher/excuses").json().at("items").as_array();
    ASSERT_EQ(inbox.size(), 1u);
    auto excuse_id = inbox[0].at("id").as_int64();
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    EXPECT_TRUE(teacher.get("/api/v1/teacher/excuses").json().at("items").as_array().empty()) << "not their class";
    EXPECT_EQ(
        teacher.post("/api/v1/excuses/" + std::to_string(excuse_id) + "/decision", object{{"decision", "accepted"}})
            .status,
        403);

    auto accepted =
        homeroom.post("/api/v1/excuses/" + std::to_string(excuse_id) + "/decision", object{{"decision", "accepted"}});
    ASSERT_EQ(accepted.status, 200) << accepted;
    EXPECT_EQ(text_of(accepted.json(), "status"), "accepted");
    auto now = marks(parent);
    EXPECT_EQ(now[lesson_ids_[0]], "u");
    EXPECT_EQ(now[lesson_ids_[1]], "su");
    EXPECT_EQ(text_of(parent.get(excuses_of(kid_)).json().at("items").as_array().at(0), "status"), "accepted");
    EXPECT_EQ(homeroom
                  .post("/api/v1/excuses/" + std::to_string(excuse_id) + "/decision",
                        object{{"decision", "rejected"}, {"comment", "x"}})
                  .status,
              409);
    auto audit = signed_in(school_.admin_login, school_.admin_password)
                     .get(school_path(school_.school_id, "/audit?limit=200"))
                     .json()
                     .at("items")
                     .as_array();
    std::set<std::string> actions;
    for (const auto& r : audit) actions.insert(std::string(r.at("action").as_string()));
    EXPECT_TRUE(actions.count("excuse.submit") && actions.count("excuse.accept"));
}

TEST_F(Excuses, ARejectionNeedsACommentAndLeavesTheMarks) {
    HttpClient office = signed_in(school_.admin_login, school_.admin_password);
    // A fresh absence for the other child, excused by their parent, rejected by the office.
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    ASSERT_EQ(teacher
                  .put("/api/v1/lessons/" + std::to_string(lesson_ids_[0]) + "/record",
                       object{{"topic", "Martwa natura"},
                              {"attendance", array{object{{"student_id", other_kid_.student_id}, {"code", "nb"}}}}})
                  .status,
              200);
    HttpClient parent = signed_in(other_kid_.parent_login, activate(other_kid_.parent_login, other_kid_.parent_code));
    auto submitted =
        parent.post(excuses_of(other_kid_), object{{"lesson_ids", array{lesson_ids_[0]}}, {"reason", "family"}});
    ASSERT_EQ(submitted.status, 201) << submitted;
    std::string decision = "/api/v1/excuses/" + std::to_string(id_of(submitted.json())) + "/decision";
    EXPECT_EQ(office.post(decision, object{{"decision", "rejected"}}).status, 422);
    auto rejected =
        office.post(decision, object{{"decision", "rejected"}, {"comment", "Brak zgody rodzica na wyjście."}});
    ASSERT_EQ(rejected.status, 200) << rejected;
    EXPECT_EQ(text_of(parent.get(excuses_of(other_kid_)).json().at("items").as_array().at(0), "comment"),
              "Brak zgody rodzica na wyjście.");
}

TEST_F(Excuses, NobodyButTheFamilyExcusesAndStudentsOnlyWhereTheSchoolAllows) {
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    EXPECT_EQ(teacher.post(excuses_of(kid_), object{{"dates", array{format_date(day_)}}, {"reason", "illness"}}).status,
              403);
    HttpClient student = signed_in(kid_.student_login, activate(kid_.student_login, kid_.student_code));
    auto refused = student.post(excuses_of(kid_), object{{"dates", array{format_date(day_)}}, {"reason", "illness"}});
    EXPECT_EQ(refused.error_code(), "students_cannot_excuse");
    EXPECT_EQ(
        student.post(excuses_of(other_kid_), object{{"dates", array{format_date(day_)}}, {"reason", "illness"}}).status,
        404);
}

}  // namespace
}  // namespace kreda::test
