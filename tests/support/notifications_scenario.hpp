// The notification suites' school: a term, class 5a with four families (three parents with e-mail addresses,
// one without), a biology teacher and a grade category; grades by that teacher; the server's clock.
#pragma once

#include <iomanip>
#include <map>
#include <sstream>

#include "core/date.hpp"
#include "support/scenario.hpp"

namespace kreda::test {

class NotificationScenario : public ApiScenario {
  protected:
    using array = boost::json::array;
    using object = boost::json::object;

    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Powiadomienia");
        HttpClient office = signed_in(school_.admin_login, school_.admin_password);
        Date today = warsaw_date(std::time(nullptr));
        ASSERT_EQ(office
                      .post(school_path(school_.school_id, "/terms"),
                            object{{"year_name", "bieżący"},
                                   {"starts_on", format_date(add_days(today, -60))},
                                   {"ends_on", format_date(add_days(today, 200))},
                                   {"second_term_starts_on", format_date(add_days(today, 30))}})
                      .status,
                  201);
        class_id_ = create_class(office, school_.school_id, "5a");
        for (auto* f : {&mailed_, &quiet_, &digest_, &no_email_}) {
            *f = create_family(office, school_.school_id, class_id_, "Dziecko", "Rodzina");
            passwords_[f->parent_login] = activate(f->parent_login, f->parent_code);
        }
        for (auto* f : {&mailed_, &quiet_, &digest_})
            EXPECT_EQ(office
                          .patch(school_path(school_.school_id, "/users/" + std::to_string(f->parent_id)),
                                 object{{"email", email_of(*f)}})
                          .status,
                      200);
        auto teacher = create_staff(office, school_.school_id, "teacher", "Nina", "Nauczycielka");
        teacher_password_ = activate(teacher.login, teacher.code);
        teacher_login_ = teacher.login;
        auto subject =
            id_of(office.post(school_path(school_.school_id, "/subjects"), object{{"name", "Biologia"}}).json());
        assignment_ =
            id_of(office
                      .post(school_path(school_.school_id, "/assignments"),
                            object{{"teacher_id", teacher.id}, {"subject_id", subject}, {"class_id", class_id_}})
                      .json());
        auto categories = signed_in(teacher_login_, teacher_password_)
                              .get(school_path(school_.school_id, "/grade-categories"))
                              .json();
        category_ = categories.at("items").as_array()[0].at("id").as_int64();
    }

    static std::string email_of(const Family& f) { return "rodzic" + std::to_string(f.parent_id) + "@example.pl"; }
    static HttpClient as(const Family& f) { return signed_in(f.parent_login, passwords_.at(f.parent_login)); }
    //! Another family of 5a, its parent's account activated: for a test that changes what the account is.
    static Family new_family() {
        HttpClient office = signed_in(school_.admin_login, school_.admin_password);
        Family f = create_family(office, school_.school_id, class_id_, "Nowe", "Dziecko");
        passwords_[f.parent_login] = activate(f.parent_login, f.parent_code);
        return f;
    }
    static void grade(const Family& f, const std::string& what) {
        auto saved =
            signed_in(teacher_login_, teacher_password_)
                .post("/api/v1/grades",
                      object{{"assignment_id", assignment_},
                             {"columns",
                              array{object{{"category_id", category_},
                                           {"date", format_date(warsaw_date(std::time(nullptr)))},
                                           {"description", what},
                                           {"grades", array{object{{"student_id", f.student_id}, {"value", "5"}}}}}}}});
        ASSERT_EQ(saved.status, 201) << saved;
    }
    static std::string clock(int minutes) {
        char out[16];
        std::snprintf(out, sizeof out, "%02d:%02d", (minutes + 1440) % 1440 / 60, (minutes + 1440) % 60);
        return out;
    }
    //! The server's clock (which tests move forward), as Unix seconds.
    static std::int64_t server_now() {
        auto moved = server().client().post("/api/v1/testing/clock", object{{"advance_seconds", 0}}).json();
        std::tm tm{};
        std::istringstream in(std::string(moved.at("now").as_string()));
        in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%SZ");
        return timegm(&tm);
    }
    //! The minute of the day in Warsaw by the server's clock.
    static int server_minute() { return warsaw_minutes_of_day(server_now()); }
    static void advance(std::int64_t seconds) {
        ASSERT_EQ(server().client().post("/api/v1/testing/clock", object{{"advance_seconds", seconds}}).status, 200);
    }

    static inline SchoolAccount school_;
    static inline Family mailed_, quiet_, digest_, no_email_;
    static inline std::string teacher_login_, teacher_password_;
    static inline std::int64_t class_id_ = 0, assignment_ = 0, category_ = 0;
    static inline std::map<std::string, std::string> passwords_;
};

}  // namespace kreda::test
