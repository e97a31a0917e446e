// A school with two classes and their families, a maths teacher of 6a and its homeroom teacher: the scenario of
// the terminarz, homework and notes suites.
#pragma once

#include <map>

#include "core/date.hpp"
#include "support/scenario.hpp"

namespace kreda::test {

inline Date next_monday() {
    Date d = add_days(warsaw_date(std::time(nullptr)), 7);
    return week_start(d);
}

class Terminarz : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Terminarz");
        HttpClient http = signed_in(school_.admin_login, school_.admin_password);
        class_a_ = create_class(http, school_.school_id, "6a");
        class_b_ = create_class(http, school_.school_id, "6b");
        kid_ = create_family(http, school_.school_id, class_a_, "Iga", "Terminowa");
        other_ = create_family(http, school_.school_id, class_b_, "Jan", "Inny");
        teacher_ = create_staff(http, school_.school_id, "teacher", "Maria", "Matematyczka");
        homeroom_ = create_staff(http, school_.school_id, "teacher", "Witold", "Wychowawca");
        ASSERT_EQ(http.patch(school_path(school_.school_id, "/classes/" + std::to_string(class_a_)),
                             boost::json::object{{"homeroom_teacher_id", homeroom_.id}})
                      .status,
                  200);
        subject_ = id_of(
            http.post(school_path(school_.school_id, "/subjects"), boost::json::object{{"name", "Matematyka"}}).json());
        assignment_ =
            id_of(http.post(school_path(school_.school_id, "/assignments"),
                            boost::json::object{
                                {"teacher_id", teacher_.id}, {"subject_id", subject_}, {"class_id", class_a_}})
                      .json());
        for (const auto* s : {&teacher_, &homeroom_}) passwords_[s->login] = activate(s->login, s->code);
        for (const auto* f : {&kid_, &other_}) {
            passwords_[f->parent_login] = activate(f->parent_login, f->parent_code);
            passwords_[f->student_login] = activate(f->student_login, f->student_code);
        }
    }

    static HttpClient as(const std::string& login) { return signed_in(login, passwords_.at(login)); }
    static HttpClient admin() { return signed_in(school_.admin_login, school_.admin_password); }
    static boost::json::object test_on(Date date, const std::string& kind = "test", std::int64_t class_id = 0) {
        return boost::json::object{{"class_id", class_id ? class_id : class_a_},
                                   {"kind", kind},
                                   {"date", format_date(date)},
                                   {"subject_id", subject_},
                                   {"description", "Ułamki zwykłe"}};
    }
    static std::string between(Date from, Date to) { return "?from=" + format_date(from) + "&to=" + format_date(to); }

    static inline SchoolAccount school_;
    static inline std::int64_t class_a_ = 0, class_b_ = 0, subject_ = 0, assignment_ = 0;
    static inline Family kid_, other_;
    static inline Staff teacher_, homeroom_;
    static inline std::map<std::string, std::string> passwords_;
};

}  // namespace kreda::test
