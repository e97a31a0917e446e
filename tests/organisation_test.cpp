// The office sets up the year: terms, free days, homeroom teachers, register numbers, groups, subjects, rooms,
// teaching assignments and the bell schedule.
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;

class Organisation : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Organizacja");
    }
    static inline SchoolAccount school_;
    HttpClient office() { return signed_in(school_.admin_login, school_.admin_password); }
    std::string path(const std::string& rest) { return school_path(school_.school_id, rest); }
};

TEST_F(Organisation, AYearIsCreatedWithTwoTermsAndMayNotOverlapAnother) {
    HttpClient http = office();
    auto created = http.post(path("/terms"), object{{"year_name", "2026/2027"},
                                                    {"starts_on", "2026-09-01"},
                                                    {"ends_on", "2027-06-25"},
                                                    {"second_term_starts_on", "2027-01-25"}});
    ASSERT_EQ(created.status, 201) << created;
    auto terms = created.json().at("terms").as_array();
    ASSERT_EQ(terms.size(), 2u);
    EXPECT_EQ(text_of(terms[0], "ends_on"), "2027-01-24");
    EXPECT_EQ(text_of(terms[1], "starts_on"), "2027-01-25");
    auto overlapping = http.post(path("/terms"), object{{"year_name", "2027/2028"},
                                                        {"starts_on", "2027-06-01"},
                                                        {"ends_on", "2028-05-31"},
                                                        {"second_term_starts_on", "2028-01-24"}});
    EXPECT_EQ(overlapping.status, 409);
    auto invalid = http.post(path("/terms"), object{{"year_name", "x"},
                                                    {"starts_on", "2028-09-01"},
                                                    {"ends_on", "2028-02-30"},
                                                    {"second_term_starts_on", "2030-01-01"}});
    EXPECT_EQ(invalid.status, 422);
    EXPECT_EQ(http.get(path("/terms")).json().at("items").as_array().size(), 1u);
}

TEST_F(Organisation, FreeDaysAreListedAndCanBeRemoved) {
    HttpClient http = office();
    auto ferie = http.post(path("/free-days"),
                           object{{"starts_on", "2027-02-15"}, {"ends_on", "2027-02-28"}, {"name", "Ferie zimowe"}});
    ASSERT_EQ(ferie.status, 201) << ferie;
    auto single = http.post(path("/free-days"), object{{"starts_on", "2026-11-11"}, {"name", "Święto Niepodległości"}});
    ASSERT_EQ(single.status, 201);
    EXPECT_EQ(text_of(single.json(), "ends_on"), "2026-11-11");
    EXPECT_EQ(http.post(path("/free-days"),
                        object{{"starts_on", "2027-03-02"}, {"ends_on", "2027-03-01"}, {"name", "Wstecz"}})
                  .status,
              422);
    EXPECT_EQ(http.del(path("/free-days/" + std::to_string(id_of(single.json())))).status, 204);
    auto days = http.get(path("/free-days")).json().at("items").as_array();
    ASSERT_EQ(days.size(), 1u);
    EXPECT_EQ(text_of(days[0], "name"), "Ferie zimowe");
}

TEST_F(Organisation, TheHomeroomTeacherMustBeATeacherOfTheSchool) {
    HttpClient http = office();
    auto class_id = create_class(http, school_.school_id, "4a");
    auto teacher = create_staff(http, school_.school_id, "teacher", "Halina", "Wychowawczyni");
    auto secretary = create_staff(http, school_.school_id, "secretary");
    std::string class_path = path("/classes/" + std::to_string(class_id));
    EXPECT_EQ(http.patch(class_path, object{{"homeroom_teacher_id", secretary.id}}).status, 422);
    auto set = http.patch(class_path, object{{"homeroom_teacher_id", teacher.id}});
    ASSERT_EQ(set.status, 200) << set;
    EXPECT_EQ(id_of(set.json().at("homeroom_teacher")), teacher.id);
    auto cleared = http.patch(class_path, object{{"homeroom_teacher_id", nullptr}});
    EXPECT_TRUE(cleared.json().at("homeroom_teacher").is_null());
}

TEST_F(Organisation, RegisterNumbersFollowPolishAlphabeticalOrder) {
    HttpClient http = office();
    auto class_id = create_class(http, school_.school_id, "5c");
    create_family(http, school_.school_id, class_id, "Ola", "Łęcka");
    create_family(http, school_.school_id, class_id, "Ala", "Lewandowska");
    create_family(http, school_.school_id, class_id, "Ewa", "Żak");
    create_family(http, school_.school_id, class_id, "Iza", "Zając");
    create_family(http, school_.school_id, class_id, "Adam", "Lewandowski");
    ASSERT_EQ(http.post(path("/classes/" + std::to_string(class_id) + "/register-numbers")).status, 204);
    auto students = http.get(path("/students?class_id=" + std::to_string(class_id))).json().at("items").as_array();
    std::map<std::int64_t, std::string> by_number;
    for (const auto& s : students) by_number[s.at("register_number").as_int64()] = text_of(s, "last_name");
    std::vector<std::string> order;
    for (const auto& [number, name] : by_number) order.push_back(name);
    EXPECT_EQ(order, (std::vector<std::string>{"Lewandowska", "Lewandowski", "Łęcka", "Zając", "Żak"}));
}

TEST_F(Organisation, GroupsHoldOnlyStudentsOfTheirClass) {
    HttpClient http = office();
    auto class_a = create_class(http, school_.school_id, "6a");
    auto class_b = create_class(http, school_.school_id, "6b");
    auto ours = create_family(http, school_.school_id, class_a, "Jan", "Grupowy");
    auto theirs = create_family(http, school_.school_id, class_b, "Piotr", "Obok");
    auto refused = http.post(path("/groups"), object{{"class_id", class_a},
                                                     {"name", "ang gr. 1"},
                                                     {"student_ids", array{ours.student_id, theirs.student_id}}});
    EXPECT_EQ(refused.status, 422);
    auto group = http.post(
        path("/groups"), object{{"class_id", class_a}, {"name", "ang gr. 1"}, {"student_ids", array{ours.student_id}}});
    ASSERT_EQ(group.status, 201) << group;
    EXPECT_EQ(group.json().at("student_ids").as_array().size(), 1u);
    auto emptied =
        http.put(path("/groups/" + std::to_string(id_of(group.json())) + "/members"), object{{"student_ids", array{}}});
    EXPECT_EQ(emptied.status, 200);
    EXPECT_TRUE(emptied.json().at("student_ids").as_array().empty());
}

TEST_F(Organisation, AnAssignmentNeedsATeacherASubjectAndAGroupOfThatClass) {
    HttpClient http = office();
    auto class_a = create_class(http, school_.school_id, "7a");
    auto class_b = create_class(http, school_.school_id, "7b");
    auto group_b = http.post(path("/groups"), object{{"class_id", class_b}, {"name", "wf chłopcy"}});
    auto teacher = create_staff(http, school_.school_id, "teacher", "Jan", "Matematyczny");
    auto subject = http.post(path("/subjects"), object{{"name", "Matematyka"}, {"short_name", "mat"}});
    ASSERT_EQ(subject.status, 201);
    EXPECT_EQ(http.post(path("/subjects"), object{{"name", "Matematyka"}}).status, 409);
    object input{{"teacher_id", teacher.id}, {"subject_id", id_of(subject.json())}, {"class_id", class_a}};
    object wrong_group = input;
    wrong_group["group_id"] = id_of(group_b.json());
    EXPECT_EQ(http.post(path("/assignments"), wrong_group).status, 422);
    auto created = http.post(path("/assignments"), input);
    ASSERT_EQ(created.status, 201) << created;
    EXPECT_EQ(text_of(created.json().at("subject"), "name"), "Matematyka");
    EXPECT_EQ(http.post(path("/assignments"), input).status, 409);
    auto mine = http.get(path("/assignments?teacher_id=" + std::to_string(teacher.id))).json().at("items").as_array();
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(http.del(path("/assignments/" + std::to_string(id_of(created.json())))).status, 204);
    EXPECT_TRUE(
        http.get(path("/assignments?teacher_id=" + std::to_string(teacher.id))).json().at("items").as_array().empty());
}

TEST_F(Organisation, TheBellScheduleIsReplacedWholeAndMustNotOverlap) {
    HttpClient http = office();
    array lessons{object{{"number", 0}, {"starts_at", "07:10"}, {"ends_at", "07:55"}},
                  object{{"number", 1}, {"starts_at", "08:00"}, {"ends_at", "08:45"}},
                  object{{"number", 2}, {"starts_at", "08:55"}, {"ends_at", "09:40"}}};
    auto set = http.post(path("/bell-schedule"), object{{"lessons", lessons}});
    ASSERT_EQ(set.status, 200) << set;
    array overlapping{object{{"number", 1}, {"starts_at", "08:00"}, {"ends_at", "08:45"}},
                      object{{"number", 2}, {"starts_at", "08:30"}, {"ends_at", "09:15"}}};
    EXPECT_EQ(http.post(path("/bell-schedule"), object{{"lessons", overlapping}}).status, 422);
    array bad_time{object{{"number", 11}, {"starts_at", "25:00"}, {"ends_at", "08:45"}}};
    auto refused = http.post(path("/bell-schedule"), object{{"lessons", bad_time}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_TRUE(refused.json().at("error").at("fields").as_object().contains("lessons.11")) << "the row is named";
    auto now = http.get(path("/bell-schedule")).json().at("lessons").as_array();
    ASSERT_EQ(now.size(), 3u) << "refused changes leave the schedule as it was";
    EXPECT_EQ(text_of(now[2], "starts_at"), "08:55");
}

TEST_F(Organisation, TeachersReadTheOrganisationButOnlyTheOfficeChangesIt) {
    HttpClient http = office();
    auto teacher = create_staff(http, school_.school_id, "teacher");
    HttpClient t = signed_in(teacher.login, activate(teacher.login, teacher.code));
    EXPECT_EQ(t.get(path("/subjects")).status, 200);
    EXPECT_EQ(t.get(path("/bell-schedule")).status, 200);
    EXPECT_EQ(t.post(path("/subjects"), object{{"name", "Astronomia"}}).status, 403);
    EXPECT_EQ(t.post(path("/free-days"), object{{"starts_on", "2027-01-02"}, {"name", "Wolne"}}).status, 403);
    auto audit = http.get(path("/audit?limit=200")).json().at("items").as_array();
    bool found = false;
    for (const auto& r : audit) found = found || r.at("action").as_string() == "bell_schedule.replace";
    EXPECT_TRUE(found) << "organisation changes are in the audit history";
}

}  // namespace
}  // namespace kreda::test
