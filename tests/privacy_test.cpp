// Who sees what: families see only their own children; schools see nothing of each other.
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class Privacy : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        a_ = create_school("Szkoła A");
        b_ = create_school("Szkoła B");
        HttpClient admin_a = signed_in(a_.admin_login, a_.admin_password);
        HttpClient admin_b = signed_in(b_.admin_login, b_.admin_password);
        class_a_ = create_class(admin_a, a_.school_id, "5a");
        auto class_b = create_class(admin_b, b_.school_id, "5a");
        kowalscy_ = create_family(admin_a, a_.school_id, class_a_, "Jan", "Kowalski");
        sibling_ = create_family(admin_a, a_.school_id, class_a_, "Ola", "Kowalska", kowalscy_.parent_id);
        nowakowie_ = create_family(admin_a, a_.school_id, class_a_, "Piotr", "Nowak");
        other_school_ = create_family(admin_b, b_.school_id, class_b, "Adam", "Obcy");
        kowalscy_password_ = activate(kowalscy_.parent_login, kowalscy_.parent_code);
        student_password_ = activate(kowalscy_.student_login, kowalscy_.student_code);
    }
    static inline SchoolAccount a_, b_;
    static inline std::int64_t class_a_ = 0;
    static inline Family kowalscy_, sibling_, nowakowie_, other_school_;
    static inline std::string kowalscy_password_, student_password_;

    static std::string student_path(std::int64_t id) { return "/api/v1/students/" + std::to_string(id); }
};

TEST_F(Privacy, ParentSeesBothOfTheirChildrenInMe) {
    HttpClient parent = signed_in(kowalscy_.parent_login, kowalscy_password_);
    auto students = parent.get("/api/v1/me").json().at("students").as_array();
    ASSERT_EQ(students.size(), 2u);
    std::set<std::int64_t> ids{students[0].at("id").as_int64(), students[1].at("id").as_int64()};
    EXPECT_EQ(ids, (std::set<std::int64_t>{kowalscy_.student_id, sibling_.student_id}));
}

TEST_F(Privacy, ParentCannotReadAnotherFamilysChild) {
    HttpClient parent = signed_in(kowalscy_.parent_login, kowalscy_password_);
    EXPECT_EQ(parent.get(student_path(kowalscy_.student_id)).status, 200);
    auto foreign = parent.get(student_path(nowakowie_.student_id));
    EXPECT_EQ(foreign.status, 404);
    EXPECT_EQ(foreign.error_code(), "not_found");
    EXPECT_EQ(parent.get(student_path(other_school_.student_id)).status, 404);
    EXPECT_EQ(parent.get(student_path(999999)).status, 404) << "absent and foreign look the same";
}

TEST_F(Privacy, ParentSeesNothingOfTheSchoolsAdministration) {
    HttpClient parent = signed_in(kowalscy_.parent_login, kowalscy_password_);
    for (std::string rest : {"/students", "/users", "/classes", "/audit", ""})
        EXPECT_EQ(parent.get(school_path(a_.school_id, rest)).status, 404) << rest;
    EXPECT_EQ(parent.post(school_path(a_.school_id, "/classes"), object{{"name", "9z"}}).status, 404);
}

TEST_F(Privacy, StudentSeesOnlyThemself) {
    HttpClient student = signed_in(kowalscy_.student_login, student_password_);
    auto students = student.get("/api/v1/me").json().at("students").as_array();
    ASSERT_EQ(students.size(), 1u);
    EXPECT_EQ(students[0].at("id").as_int64(), kowalscy_.student_id);
    EXPECT_EQ(student.get(student_path(kowalscy_.student_id)).status, 200);
    EXPECT_EQ(student.get(student_path(sibling_.student_id)).status, 404) << "not even a sibling";
}

TEST_F(Privacy, AnotherSchoolsAdminGets404ForEverythingOfThisSchool) {
    HttpClient admin_b = signed_in(b_.admin_login, b_.admin_password);
    for (std::string rest : {"", "/students", "/users", "/classes", "/audit"})
        EXPECT_EQ(admin_b.get(school_path(a_.school_id, rest)).status, 404) << rest;
    EXPECT_EQ(admin_b.get(student_path(kowalscy_.student_id)).status, 404);
    auto add = admin_b.post(school_path(a_.school_id, "/students"),
                            object{{"first_name", "X"},
                                   {"last_name", "Y"},
                                   {"class_id", class_a_},
                                   {"parent", {{"first_name", "X"}, {"last_name", "Y"}}}});
    EXPECT_EQ(add.status, 404);
    auto disable = admin_b.patch(school_path(a_.school_id, "/users/" + std::to_string(kowalscy_.parent_id)),
                                 object{{"active", false}});
    EXPECT_EQ(disable.status, 404);
}

TEST_F(Privacy, AnotherSchoolsParentCannotBeLinkedAsGuardian) {
    HttpClient admin_a = signed_in(a_.admin_login, a_.admin_password);
    auto link = admin_a.post(school_path(a_.school_id, "/guardianships"),
                             object{{"parent_id", other_school_.parent_id}, {"student_id", nowakowie_.student_id}});
    EXPECT_EQ(link.status, 422);
}

TEST_F(Privacy, TeacherReadsTheSchoolButCannotChangeAccounts) {
    HttpClient admin = signed_in(a_.admin_login, a_.admin_password);
    auto teacher = create_staff(admin, a_.school_id, "teacher");
    HttpClient http = signed_in(teacher.login, activate(teacher.login, teacher.code));
    EXPECT_EQ(http.get(school_path(a_.school_id, "/students")).status, 200);
    EXPECT_EQ(http.get(student_path(kowalscy_.student_id)).status, 200);
    EXPECT_EQ(http.get(student_path(other_school_.student_id)).status, 404);
    EXPECT_EQ(http.post(school_path(a_.school_id, "/users"),
                        object{{"first_name", "A"}, {"last_name", "B"}, {"role", "admin"}})
                  .status,
              403);
    EXPECT_EQ(http.patch(school_path(a_.school_id, "/users/" + std::to_string(kowalscy_.parent_id)),
                         object{{"active", false}})
                  .status,
              403);
    EXPECT_EQ(http.get(school_path(a_.school_id, "/audit")).status, 403);
}

TEST_F(Privacy, OnlyTheOperatorCreatesSchools) {
    HttpClient admin = signed_in(a_.admin_login, a_.admin_password);
    auto refused =
        admin.post("/api/v1/schools", object{{"name", "Nowa"}, {"admin", {{"first_name", "A"}, {"last_name", "B"}}}});
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(admin.get("/api/v1/schools").status, 403);
}

}  // namespace
}  // namespace kreda::test
