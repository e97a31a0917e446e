// The grade book over HTTP: a teacher's columns and grades, batch rollback, edits in the family's history,
// improvements under the school's rule, visibility settings, term grades, behaviour, statistics, permissions.
#include "core/date.hpp"
#include "core/gzip.hpp"
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

class Grades : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Oceny");
        HttpClient http = signed_in(school_.admin_login, school_.admin_password);
        auto post = [&](const std::string& rest, object body) {
            auto r = http.post(school_path(school_.school_id, rest), body);
            EXPECT_EQ(r.status, 201) << rest << " " << r;
            return r.json();
        };
        today_ = warsaw_date(std::time(nullptr));
        post("/terms", object{{"year_name", "bieżący"},
                              {"starts_on", format_date(add_days(today_, -60))},
                              {"ends_on", format_date(add_days(today_, 200))},
                              {"second_term_starts_on", format_date(add_days(today_, 30))}});
        class_id_ = create_class(http, school_.school_id, "4a");
        auto other_class = create_class(http, school_.school_id, "4b");
        kid_ = create_family(http, school_.school_id, class_id_, "Ala", "Pilna");
        classmate_ = create_family(http, school_.school_id, class_id_, "Bartek", "Leniwy");
        stranger_ = create_family(http, school_.school_id, other_class, "Celina", "Obca");
        teacher_ = create_staff(http, school_.school_id, "teacher", "Marek", "Matematyk");
        physicist_ = create_staff(http, school_.school_id, "teacher", "Filip", "Fizyk");
        homeroom_ = create_staff(http, school_.school_id, "teacher", "Wanda", "Wychowawczyni");
        director_ = create_staff(http, school_.school_id, "director", "Dorota", "Dyrektor");
        ASSERT_EQ(http.patch(school_path(school_.school_id, "/classes/" + std::to_string(class_id_)),
                             object{{"homeroom_teacher_id", homeroom_.id}})
                      .status,
                  200);
        auto maths = id_of(post("/subjects", object{{"name", "Matematyka"}}));
        auto physics = id_of(post("/subjects", object{{"name", "Fizyka"}}));
        maths_ = id_of(
            post("/assignments", object{{"teacher_id", teacher_.id}, {"subject_id", maths}, {"class_id", class_id_}}));
        physics_ = id_of(post("/assignments",
                              object{{"teacher_id", physicist_.id}, {"subject_id", physics}, {"class_id", class_id_}}));
        passwords_[teacher_.login] = activate(teacher_.login, teacher_.code);
        passwords_[physicist_.login] = activate(physicist_.login, physicist_.code);
        passwords_[homeroom_.login] = activate(homeroom_.login, homeroom_.code);
        passwords_[director_.login] = activate(director_.login, director_.code);
        passwords_[kid_.parent_login] = activate(kid_.parent_login, kid_.parent_code);
        passwords_[kid_.student_login] = activate(kid_.student_login, kid_.student_code);
        HttpClient teacher = as(teacher_.login);
        auto listed = teacher.get(school_path(school_.school_id, "/grade-categories"));
        ASSERT_EQ(listed.status, 200) << listed;
        auto categories = listed.json();
        for (const auto& c : categories.at("items").as_array())
            categories_[std::string(c.at("name").as_string())] = c.at("id").as_int64();
        ASSERT_TRUE(categories_.count("Sprawdzian"));
    }

    static HttpClient as(const std::string& login) { return signed_in(login, passwords_.at(login)); }
    static HttpClient admin() { return signed_in(school_.admin_login, school_.admin_password); }

    static object column(const std::string& category, array grades, int days_ago = 0) {
        return object{{"category_id", categories_.at(category)},
                      {"date", format_date(add_days(today_, -days_ago))},
                      {"description", category + " " + std::to_string(days_ago)},
                      {"grades", std::move(grades)}};
    }
    static object grade(const Family& f, const std::string& value) {
        return object{{"student_id", f.student_id}, {"value", value}};
    }
    static Response post_grades(HttpClient& http, std::int64_t assignment, array columns) {
        return http.post("/api/v1/grades", object{{"assignment_id", assignment}, {"columns", std::move(columns)}});
    }
    static std::string grades_of(const Family& f) {
        return "/api/v1/students/" + std::to_string(f.student_id) + "/grades";
    }
    //! The family view's entry of a subject.
    static object subject_in(const value& view, const std::string& name) {
        for (const auto& s : view.at("subjects").as_array())
            if (s.at("subject").at("name").as_string() == name) return s.as_object();
        ADD_FAILURE() << "no subject " << name;
        return {};
    }

    static inline SchoolAccount school_;
    static inline Date today_{};
    static inline std::int64_t class_id_ = 0, maths_ = 0, physics_ = 0;
    static inline Family kid_, classmate_, stranger_;
    static inline Staff teacher_, physicist_, homeroom_, director_;
    static inline std::map<std::string, std::string> passwords_;
    static inline std::map<std::string, std::int64_t> categories_;
};

TEST_F(Grades, ATeachersColumnReachesTheFamilyWithTheWeightedAverage) {
    HttpClient teacher = as(teacher_.login);
    auto saved = post_grades(teacher, maths_,
                             array{column("Sprawdzian", array{grade(kid_, "4+"), grade(classmate_, "2")}, 3),
                                   column("Kartkówka", array{grade(kid_, "5")}, 2)});
    ASSERT_EQ(saved.status, 201) << saved;
    EXPECT_EQ(saved.json().at("columns").as_array().size(), 2u);
    EXPECT_EQ(saved.json().at("grades").as_array().size(), 3u);

    HttpClient parent = as(kid_.parent_login);
    auto view = parent.get(grades_of(kid_));
    ASSERT_EQ(view.status, 200) << view;
    auto maths = subject_in(view.json(), "Matematyka");
    ASSERT_EQ(maths.at("grades").as_array().size(), 2u);
    EXPECT_EQ(maths.at("grades").as_array()[0].at("value").as_string(), "4+");
    EXPECT_EQ(maths.at("grades").as_array()[0].at("numeric").as_double(), 4.5);
    EXPECT_TRUE(view.json().at("seen_at").is_null());  // never opened: everything is new
    // (4.5 × 4 + 5 × 3) / 7 = 4.714… → 4.71
    EXPECT_EQ(maths.at("averages").at("term1").as_double(), 4.71);
    // The classmate's grade is not in Ala's view.
    auto view_json = view.json();
    for (const auto& s : view_json.at("subjects").as_array())
        for (const auto& g : s.at("grades").as_array()) EXPECT_NE(g.at("value").as_string(), "2");

    ASSERT_EQ(parent.post(grades_of(kid_) + "/seen").status, 204);
    auto again = parent.get(grades_of(kid_)).json();
    ASSERT_TRUE(again.at("seen_at").is_string());
    std::string seen(again.at("seen_at").as_string());
    auto again_maths = subject_in(again, "Matematyka");
    for (const auto& g : again_maths.at("grades").as_array())
        EXPECT_LE(std::string(g.at("modified_at").as_string()), seen);  // nothing new any more
    // A browser gets the same view gzipped: the reader's seen_at in front, the shared rest compressed once.
    auto plain = parent.get(grades_of(kid_));
    auto zipped = parent.get(grades_of(kid_), {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_EQ(zipped.status, 200) << zipped;
    EXPECT_EQ(zipped.headers["content-encoding"], "gzip");
    EXPECT_EQ(zipped.headers["vary"], "Accept-Encoding");
    EXPECT_EQ(plain.headers.count("content-encoding"), 0u);
    EXPECT_LT(zipped.body.size(), plain.body.size());
    EXPECT_EQ(gzip::gunzip(zipped.body), plain.body) << "the gzipped view is not the plain one";
    // The student's own read marks are theirs: Ala has not opened her grades yet.
    EXPECT_TRUE(as(kid_.student_login).get(grades_of(kid_)).json().at("seen_at").is_null());
}

TEST_F(Grades, OneInvalidValueSavesNothingOfTheBatchAndNamesTheStudent) {
    HttpClient teacher = as(teacher_.login);
    auto before = teacher.get("/api/v1/assignments/" + std::to_string(maths_) + "/gradebook").json();
    for (std::string bad : {"7", "5++", "ab"}) {
        auto r = post_grades(teacher, maths_,
                             array{column("Odpowiedź ustna", array{grade(kid_, "4"), grade(classmate_, bad)}, 1)});
        ASSERT_EQ(r.status, 422) << r;
        std::string body = r.body;
        EXPECT_NE(body.find("Bartek Leniwy"), std::string::npos) << body;
        EXPECT_NE(body.find(bad), std::string::npos) << body;
    }
    auto after = teacher.get("/api/v1/assignments/" + std::to_string(maths_) + "/gradebook").json();
    EXPECT_EQ(after.at("columns").as_array().size(), before.at("columns").as_array().size());
    EXPECT_EQ(after.at("grades").as_array().size(), before.at("grades").as_array().size());
}

TEST_F(Grades, OnlyTheAssignmentsTeacherGrades) {
    HttpClient physicist = as(physicist_.login);
    EXPECT_EQ(post_grades(physicist, maths_, array{column("Sprawdzian", array{grade(kid_, "5")})}).status, 403);
    HttpClient office = admin();
    EXPECT_EQ(post_grades(office, maths_, array{column("Sprawdzian", array{grade(kid_, "5")})}).status, 403);
    HttpClient parent = as(kid_.parent_login);
    EXPECT_EQ(post_grades(parent, maths_, array{column("Sprawdzian", array{grade(kid_, "6")})}).status, 404);
    // A student of another class cannot be graded in this class's book.
    HttpClient teacher = as(teacher_.login);
    EXPECT_EQ(post_grades(teacher, maths_, array{column("Sprawdzian", array{grade(stranger_, "5")})}).status, 422);
    // The physicist sees neither the maths book nor can they change its grades.
    EXPECT_EQ(physicist.get("/api/v1/assignments/" + std::to_string(maths_) + "/gradebook").status, 403);
    auto saved = post_grades(teacher, maths_, array{column("Aktywność", array{grade(kid_, "5")}, 4)});
    auto id = saved.json().at("grades").as_array()[0].at("id").as_int64();
    EXPECT_EQ(physicist.patch("/api/v1/grades/" + std::to_string(id), object{{"value", "1"}}).status, 403);
    EXPECT_EQ(physicist.del("/api/v1/grades/" + std::to_string(id)).status, 403);
    // The homeroom teacher reads the book but does not write in it.
    HttpClient homeroom = as(homeroom_.login);
    EXPECT_EQ(homeroom.get("/api/v1/assignments/" + std::to_string(maths_) + "/gradebook").status, 200);
    EXPECT_EQ(homeroom.patch("/api/v1/grades/" + std::to_string(id), object{{"value", "1"}}).status, 403);
}

TEST_F(Grades, AChangedOrRemovedGradeShowsInTheFamilysHistory) {
    HttpClient teacher = as(teacher_.login);
    auto saved = post_grades(teacher, maths_, array{column("Zadanie domowe", array{grade(kid_, "3")}, 5)});
    ASSERT_EQ(saved.status, 201) << saved;
    auto id = saved.json().at("grades").as_array()[0].at("id").as_int64();
    HttpClient student = as(kid_.student_login);
    auto value_in_view = [&]() -> std::string {
        auto view = student.get(grades_of(kid_)).json();
        auto maths = subject_in(view, "Matematyka");
        for (const auto& g : maths.at("grades").as_array())
            if (g.at("id").as_int64() == id) return std::string(g.at("value").as_string());
        return "";
    };
    EXPECT_EQ(value_in_view(), "3");
    auto changed = teacher.patch("/api/v1/grades/" + std::to_string(id), object{{"value", "4-"}});
    ASSERT_EQ(changed.status, 200) << changed;
    EXPECT_EQ(changed.json().at("value").as_string(), "4-");
    EXPECT_EQ(value_in_view(), "4-");  // the cached view follows the change at once
    EXPECT_EQ(teacher.patch("/api/v1/grades/" + std::to_string(id), object{{"value", "4--+"}}).status, 422);
    ASSERT_EQ(teacher.del("/api/v1/grades/" + std::to_string(id)).status, 204);
    EXPECT_EQ(value_in_view(), "");

    auto changes = student.get(grades_of(kid_)).json().at("changes").as_array();
    bool saw_change = false, saw_removal = false;
    for (const auto& c : changes) {
        if (c.at("grade_id") != value(id)) continue;
        EXPECT_EQ(c.at("changed_by").as_int64(), teacher_.id);
        EXPECT_NE(std::string(c.at("detail").as_string()).find("Zadanie domowe"), std::string::npos) << c;
        if (c.at("before") == value("3") && c.at("after") == value("4-")) saw_change = true;
        if (c.at("before") == value("4-") && c.at("after").is_null()) saw_removal = true;
    }
    EXPECT_TRUE(saw_change);
    EXPECT_TRUE(saw_removal);
    auto audit = admin().get(school_path(school_.school_id, "/audit?limit=100"));
    ASSERT_EQ(audit.status, 200) << audit;
    EXPECT_NE(audit.body.find("grade.update"), std::string::npos) << audit;
    EXPECT_NE(audit.body.find("grade.delete"), std::string::npos) << audit;
}

TEST_F(Grades, TheSchoolsImprovementRuleDecidesTheAverage) {
    HttpClient teacher = as(teacher_.login);
    auto saved = post_grades(teacher, maths_, array{column("Praca klasowa", array{grade(classmate_, "2")}, 6)});
    ASSERT_EQ(saved.status, 201) << saved;
    auto original = saved.json().at("grades").as_array()[0];
    auto column_id = original.at("column_id").as_int64();
    object improvement{{"student_id", classmate_.student_id}, {"value", "4"}, {"improves_id", original.at("id")}};
    auto improved = teacher.post(
        "/api/v1/grades", object{{"assignment_id", maths_},
                                 {"columns", array{object{{"column_id", column_id}, {"grades", array{improvement}}}}}});
    ASSERT_EQ(improved.status, 201) << improved;
    auto average_of = [&](const char* rule) {
        auto r = signed_in(director_.login, passwords_.at(director_.login))
                     .patch(school_path(school_.school_id, "/grade-settings"), object{{"improvement_rule", rule}});
        EXPECT_EQ(r.status, 200) << r;
        auto book = teacher.get("/api/v1/assignments/" + std::to_string(maths_) + "/gradebook?term=1").json();
        for (const auto& s : book.at("students").as_array())
            if (s.at("id").as_int64() == classmate_.student_id) return s.at("averages").at("term1");
        return value(nullptr);
    };
    // Bartek: 2 (Sprawdzian, w4) from the first test, and 2 → 4 in Praca klasowa (w5).
    EXPECT_EQ(average_of("better"), value(3.11));  // (2×4 + 4×5) / 9
    EXPECT_EQ(average_of("both"), value(2.71));    // (2×4 + 2×5 + 4×5) / 14
    EXPECT_EQ(average_of("later"), value(3.11));
    // A grade with an improvement cannot simply vanish.
    EXPECT_EQ(teacher.del("/api/v1/grades/" + std::to_string(original.at("id").as_int64())).status, 409);
    average_of("better");
}

TEST_F(Grades, TheDirectorDecidesWhatFamiliesSee) {
    HttpClient teacher = as(teacher_.login);
    auto put = teacher.put("/api/v1/assignments/" + std::to_string(maths_) + "/summary-grades",
                           object{{"kind", "predicted_term"},
                                  {"grades", array{object{{"student_id", kid_.student_id}, {"value", "bdb"}}}}});
    ASSERT_EQ(put.status, 200) << put;
    EXPECT_EQ(
        teacher
            .put("/api/v1/assignments/" + std::to_string(maths_) + "/summary-grades",
                 object{{"kind", "term"}, {"grades", array{object{{"student_id", kid_.student_id}, {"value", "4+"}}}}})
            .status,
        422);
    HttpClient director = as(director_.login);
    ASSERT_EQ(director
                  .patch(school_path(school_.school_id, "/grade-settings"),
                         object{{"families_see_averages", false},
                                {"predicted_visible_from", format_date(add_days(today_, 10))}})
                  .status,
              200);
    HttpClient parent = as(kid_.parent_login);
    auto hidden = subject_in(parent.get(grades_of(kid_)).json(), "Matematyka");
    EXPECT_TRUE(hidden.at("averages").is_null());
    EXPECT_TRUE(hidden.at("predicted_term").is_null());
    auto staff = subject_in(teacher.get(grades_of(kid_)).json(), "Matematyka");
    EXPECT_FALSE(staff.at("averages").is_null());
    EXPECT_EQ(staff.at("predicted_term").at("value").as_int64(), 5);

    ASSERT_EQ(director
                  .patch(school_path(school_.school_id, "/grade-settings"), object{{"families_see_averages", true},
                                                                                   {"families_see_class_average", true},
                                                                                   {"predicted_visible_from", nullptr}})
                  .status,
              200);
    auto shown = subject_in(parent.get(grades_of(kid_)).json(), "Matematyka");
    EXPECT_FALSE(shown.at("averages").is_null());
    EXPECT_FALSE(shown.at("class_averages").at("term1").is_null());
    EXPECT_EQ(shown.at("predicted_term").at("name").as_string(), "bardzo dobry");
    // Teachers may not change what families see.
    EXPECT_EQ(teacher.patch(school_path(school_.school_id, "/grade-settings"), object{{"families_see_averages", false}})
                  .status,
              403);
}

TEST_F(Grades, FamiliesSeeOnlyTheirOwnChildren) {
    HttpClient parent = as(kid_.parent_login);
    EXPECT_EQ(parent.get(grades_of(classmate_)).status, 404);
    EXPECT_EQ(parent.get(grades_of(stranger_)).status, 404);
    EXPECT_EQ(parent.post(grades_of(classmate_) + "/seen").status, 404);
    HttpClient student = as(kid_.student_login);
    EXPECT_EQ(student.get(grades_of(kid_)).status, 200);
    EXPECT_EQ(student.get(grades_of(classmate_)).status, 404);
    EXPECT_EQ(
        student.get(school_path(school_.school_id, "/grade-statistics?class_id=" + std::to_string(class_id_))).status,
        404);
}

TEST_F(Grades, BehaviourIsTheHomeroomTeachersAndPointsFollowTheSchoolsChoice) {
    HttpClient homeroom = as(homeroom_.login);
    auto path = "/api/v1/classes/" + std::to_string(class_id_) + "/behaviour";
    object body{{"kind", "term"}, {"grades", array{object{{"student_id", kid_.student_id}, {"value", "wzorowe"}}}}};
    auto saved = homeroom.put(path, body);
    ASSERT_EQ(saved.status, 200) << saved;
    EXPECT_EQ(as(teacher_.login).put(path, body).status, 403);
    EXPECT_EQ(homeroom
                  .put(path, object{{"kind", "term"},
                                    {"grades", array{object{{"student_id", kid_.student_id}, {"value", "5"}}}}})
                  .status,
              422);
    auto book = homeroom.get(path).json();
    for (const auto& s : book.at("students").as_array())
        if (s.at("id").as_int64() == kid_.student_id) {
            EXPECT_EQ(s.at("grades").at("term").as_string(), "wz");
        }

    auto points = "/api/v1/students/" + std::to_string(kid_.student_id) + "/behaviour-points";
    EXPECT_EQ(as(teacher_.login).post(points, object{{"points", 5}, {"reason", "Pomoc w bibliotece"}}).status, 409);
    ASSERT_EQ(as(director_.login)
                  .patch(school_path(school_.school_id, "/grade-settings"), object{{"behaviour_points", true}})
                  .status,
              200);
    auto added = as(teacher_.login).post(points, object{{"points", 5}, {"reason", "Pomoc w bibliotece"}});
    ASSERT_EQ(added.status, 201) << added;
    EXPECT_EQ(as(kid_.parent_login).post(points, object{{"points", 50}, {"reason", "Sam sobie"}}).status, 404);
    auto view = as(kid_.parent_login).get(grades_of(kid_)).json();
    EXPECT_EQ(view.at("behaviour").at("term").as_string(), "wz");
    EXPECT_EQ(view.at("behaviour").at("points").at("total").as_int64(), 105);
}

TEST_F(Grades, StatisticsShowTheDistributionAndStudentsAtRisk) {
    HttpClient teacher = as(teacher_.login);
    // Whatever Bartek had before, three failed class tests pull him under 2.0.
    auto failed = post_grades(teacher, maths_,
                              array{column("Kartkówka", array{grade(classmate_, "1")}, 7),
                                    column("Praca klasowa", array{grade(classmate_, "1")}, 9),
                                    column("Praca klasowa", array{grade(classmate_, "1")}, 10),
                                    column("Praca klasowa", array{grade(classmate_, "1-")}, 11)});
    ASSERT_EQ(failed.status, 201) << failed;
    auto stats = admin().get(
        school_path(school_.school_id, "/grade-statistics?class_id=" + std::to_string(class_id_) + "&term=1"));
    ASSERT_EQ(stats.status, 200) << stats;
    object maths;
    auto stats_json = stats.json();
    for (const auto& s : stats_json.at("subjects").as_array())
        if (s.at("subject").at("name").as_string() == "Matematyka") maths = s.as_object();
    ASSERT_FALSE(maths.empty());
    EXPECT_GE(maths.at("distribution").at("1").as_int64(), 1);
    EXPECT_GE(maths.at("grade_count").as_int64(), 4);
    bool bartek_at_risk = false;
    for (const auto& s : maths.at("students_at_risk").as_array())
        bartek_at_risk |= s.at("student").at("id").as_int64() == classmate_.student_id;
    EXPECT_TRUE(bartek_at_risk) << stats;
    EXPECT_EQ(as(teacher_.login)
                  .get(school_path(school_.school_id, "/grade-statistics?class_id=" + std::to_string(class_id_)))
                  .status,
              200);
    EXPECT_EQ(as(kid_.parent_login)
                  .get(school_path(school_.school_id, "/grade-statistics?class_id=" + std::to_string(class_id_)))
                  .status,
              404);
}

TEST_F(Grades, PointCategoriesTakePointsUpToTheirMaximum) {
    HttpClient teacher = as(teacher_.login);
    EXPECT_EQ(post_grades(teacher, maths_, array{column("Test punktowy", array{grade(kid_, "51")}, 8)}).status, 422);
    auto saved = post_grades(teacher, maths_, array{column("Test punktowy", array{grade(kid_, "47")}, 8)});
    ASSERT_EQ(saved.status, 201) << saved;
    auto g = saved.json().at("grades").as_array()[0];
    EXPECT_EQ(g.at("kind").as_string(), "points");
    EXPECT_FALSE(g.at("counts").as_bool());
}

}  // namespace
}  // namespace kreda::test
