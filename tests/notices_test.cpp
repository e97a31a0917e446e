// Announcements over HTTP: audiences, classes, validity, read tracking, and who may post or remove.
#include "core/date.hpp"
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;

class Notices : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Ogłoszenia");
        HttpClient http = signed_in(school_.admin_login, school_.admin_password);
        class_a_ = create_class(http, school_.school_id, "5a");
        class_b_ = create_class(http, school_.school_id, "5b");
        kid_ = create_family(http, school_.school_id, class_a_, "Ada", "Czytelna");
        other_ = create_family(http, school_.school_id, class_b_, "Bruno", "Obok");
        teacher_ = create_staff(http, school_.school_id, "teacher", "Teresa", "Biolog");
        auto subject = http.post(school_path(school_.school_id, "/subjects"), object{{"name", "Biologia"}}).json();
        ASSERT_EQ(http.post(school_path(school_.school_id, "/assignments"),
                            object{{"teacher_id", teacher_.id}, {"subject_id", id_of(subject)}, {"class_id", class_a_}})
                      .status,
                  201);
        passwords_[teacher_.login] = activate(teacher_.login, teacher_.code);
        for (const auto* f : {&kid_, &other_}) {
            passwords_[f->parent_login] = activate(f->parent_login, f->parent_code);
            passwords_[f->student_login] = activate(f->student_login, f->student_code);
        }
    }

    static HttpClient as(const std::string& login) { return signed_in(login, passwords_.at(login)); }
    static HttpClient admin() { return signed_in(school_.admin_login, school_.admin_password); }
    static bool listed(HttpClient&& http, std::int64_t id, const std::string& query = "") {
        auto r = http.get("/api/v1/notices" + query);
        EXPECT_EQ(r.status, 200) << r;
        auto json = r.json();
        for (const auto& n : json.at("items").as_array())
            if (n.at("id").as_int64() == id) return true;
        return false;
    }

    static inline SchoolAccount school_;
    static inline std::int64_t class_a_ = 0, class_b_ = 0;
    static inline Family kid_, other_;
    static inline Staff teacher_;
    static inline std::map<std::string, std::string> passwords_;
};

TEST_F(Notices, TheOfficeAddressesParentsAndOnlyParentsSeeIt) {
    auto posted = admin().post(
        "/api/v1/notices",
        object{{"title", "Zebranie z rodzicami"}, {"body", "Zapraszamy we wtorek o 17:00."}, {"audience", "parents"}});
    ASSERT_EQ(posted.status, 201) << posted;
    auto id = id_of(posted.json());
    EXPECT_TRUE(listed(as(kid_.parent_login), id));
    EXPECT_TRUE(listed(as(other_.parent_login), id));
    EXPECT_FALSE(listed(as(kid_.student_login), id));
    EXPECT_FALSE(listed(as(teacher_.login), id));
    EXPECT_EQ(as(kid_.student_login).get("/api/v1/notices/" + std::to_string(id)).status, 404);

    // Reading is tracked, and the author sees who has read, of how many; the reader's unread count falls.
    auto unread = [](HttpClient&& http) { return http.get("/api/v1/notices/unread").json().at("unread").as_int64(); };
    auto unread_before = unread(as(kid_.parent_login));
    EXPECT_GE(unread_before, 1);
    auto opened = as(kid_.parent_login).get("/api/v1/notices/" + std::to_string(id));
    ASSERT_EQ(opened.status, 200) << opened;
    EXPECT_FALSE(opened.json().as_object().contains("readers"));
    auto seen = admin().get("/api/v1/notices/" + std::to_string(id)).json();
    ASSERT_EQ(seen.at("readers").as_array().size(), 1u);
    EXPECT_EQ(seen.at("readers").as_array()[0].at("user").at("id").as_int64(), kid_.parent_id);
    EXPECT_EQ(seen.at("audience_size").as_int64(), 2) << "the school's two parents";
    EXPECT_EQ(unread(as(kid_.parent_login)), unread_before - 1);
    EXPECT_EQ(unread(admin()), 0) << "it does not speak to the office";
    auto list = as(kid_.parent_login).get("/api/v1/notices").json();
    for (const auto& n : list.at("items").as_array())
        if (n.at("id").as_int64() == id) {
            EXPECT_TRUE(n.at("read").as_bool());
            EXPECT_TRUE(n.at("for_me").as_bool());
        }
    auto office_list = admin().get("/api/v1/notices").json();  // the author sees it, but it is not for them
    for (const auto& n : office_list.at("items").as_array())
        if (n.at("id").as_int64() == id) EXPECT_FALSE(n.at("for_me").as_bool());
}

TEST_F(Notices, ATeacherWritesOnlyToTheClassesTheyTeach) {
    HttpClient teacher = as(teacher_.login);
    auto own = teacher.post("/api/v1/notices", object{{"title", "Wyjście do ogrodu botanicznego"},
                                                      {"body", "W czwartek."},
                                                      {"audience", "classes"},
                                                      {"class_ids", array{class_a_}}});
    ASSERT_EQ(own.status, 201) << own;
    auto id = id_of(own.json());
    EXPECT_EQ(teacher.get("/api/v1/notices/" + std::to_string(id)).json().at("audience_size").as_int64(), 2)
        << "5a's student and parent; the author is not counted";
    EXPECT_TRUE(listed(as(kid_.student_login), id));
    EXPECT_TRUE(listed(as(kid_.parent_login), id));
    EXPECT_FALSE(listed(as(other_.parent_login), id));
    EXPECT_EQ(as(other_.parent_login).get("/api/v1/notices/" + std::to_string(id)).status, 404);
    EXPECT_EQ(teacher
                  .post("/api/v1/notices",
                        object{{"title", "x"}, {"body", "y"}, {"audience", "classes"}, {"class_ids", array{class_b_}}})
                  .status,
              403);
    EXPECT_EQ(teacher.post("/api/v1/notices", object{{"title", "x"}, {"body", "y"}, {"audience", "everyone"}}).status,
              403);
    EXPECT_EQ(as(kid_.parent_login)
                  .post("/api/v1/notices", object{{"title", "x"}, {"body", "y"}, {"audience", "everyone"}})
                  .status,
              404);
    // A family never manages the board: as everywhere in the school's administration, that is 404.
    EXPECT_EQ(as(kid_.parent_login).del("/api/v1/notices/" + std::to_string(id)).status, 404);
    EXPECT_EQ(teacher.del("/api/v1/notices/" + std::to_string(id)).status, 204);
    EXPECT_FALSE(listed(as(kid_.student_login), id));
}

TEST_F(Notices, OnlyValidAnnouncementsShowByDefault) {
    Date today = warsaw_date(std::time(nullptr));
    auto later = admin().post("/api/v1/notices", object{{"title", "Ferie"},
                                                        {"body", "Od poniedziałku."},
                                                        {"audience", "everyone"},
                                                        {"valid_from", format_date(add_days(today, 10))},
                                                        {"valid_to", format_date(add_days(today, 20))}});
    ASSERT_EQ(later.status, 201) << later;
    auto id = id_of(later.json());
    EXPECT_FALSE(listed(as(kid_.student_login), id));
    EXPECT_TRUE(listed(as(kid_.student_login), id, "?all=1"));
    auto backwards = admin().post("/api/v1/notices", object{{"title", "x"},
                                                            {"body", "y"},
                                                            {"audience", "everyone"},
                                                            {"valid_from", format_date(today)},
                                                            {"valid_to", format_date(add_days(today, -1))}});
    EXPECT_EQ(backwards.status, 422);
}

}  // namespace
}  // namespace kreda::test
