// The generated permission walk (DESIGN.md §6): every route from `kreda routes`, called by every kind of
// outsider with the ids of another school's or another family's objects, must answer without success and
// without revealing anything. A new route is walked automatically.
#include <regex>
#include <sstream>

#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

struct Route {
    std::string method, pattern;
    //! Routes that only ever act on the caller's own data (their lessons, their calendar feeds).
    //! The caller's own things (their day, their feeds, their mailbox, their change feed, their family account's
    //! links): every role has them; Messages, Feed and FamilyAccounts test them.
    bool personal() const {
        return pattern.rfind("/api/v1/teacher/", 0) == 0 || pattern.rfind("/api/v1/calendar-feeds", 0) == 0 ||
               pattern.rfind("/api/v1/messages", 0) == 0 || pattern.rfind("/api/v1/notices", 0) == 0 ||
               pattern.rfind("/api/v1/attachments", 0) == 0 || pattern.rfind("/api/v1/feed", 0) == 0 ||
               pattern.rfind("/api/v1/me/", 0) == 0 || pattern.rfind("/api/v1/family/", 0) == 0;
    }
};

//! Signing up for a family account, its mailed links and the push key need no sign-in (FamilyAccounts,
//! FamilyEmail and WebPush test these).
bool public_family_route(const std::string& pattern) {
    for (const char* open : {"/api/v1/family/register", "/api/v1/family/activate", "/api/v1/family/password-reset",
                             "/api/v1/family/email/confirm", "/api/v1/family/consent", "/api/v1/push/key"})
        if (pattern == open) return true;
    return false;
}

std::vector<Route> all_routes() {
    auto listed = ServerProcess::run_cli({"routes"});
    std::vector<Route> routes;
    std::istringstream lines(listed.out);
    Route r;
    while (lines >> r.method >> r.pattern)
        if (r.pattern.rfind("/api/v1/", 0) == 0 && r.pattern.rfind("/api/v1/testing", 0) != 0 &&
            r.pattern.rfind("/api/v1/auth/", 0) != 0 && r.pattern != "/api/v1/openapi.json" &&
            r.pattern != "/api/v1/me" && !public_family_route(r.pattern))
            routes.push_back(r);
    return routes;
}

class RouteWalk : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        ours_ = create_school("Szkoła Nasza");
        theirs_ = create_school("Szkoła Obca");
        HttpClient admin = signed_in(ours_.admin_login, ours_.admin_password);
        class_id_ = create_class(admin, ours_.school_id, "1a");
        family_ = create_family(admin, ours_.school_id, class_id_, "Jan", "Nasz");
        other_family_ = create_family(admin, ours_.school_id, class_id_, "Ola", "Sąsiadka");
        teacher_ = create_staff(admin, ours_.school_id, "teacher");
        group_id_ =
            id_of(admin.post(school_path(ours_.school_id, "/groups"), object{{"class_id", class_id_}, {"name", "g1"}})
                      .json());
        auto subject = admin.post(school_path(ours_.school_id, "/subjects"), object{{"name", "Muzyka"}}).json();
        assignment_id_ = id_of(
            admin
                .post(school_path(ours_.school_id, "/assignments"),
                      object{{"teacher_id", teacher_.id}, {"subject_id", id_of(subject)}, {"class_id", class_id_}})
                .json());
        free_day_id_ = id_of(admin
                                 .post(school_path(ours_.school_id, "/free-days"),
                                       object{{"starts_on", "2026-12-24"}, {"name", "Wigilia"}})
                                 .json());
        parent_password_ = activate(family_.parent_login, family_.parent_code);
        student_password_ = activate(family_.student_login, family_.student_code);
        teacher_password_ = activate(teacher_.login, teacher_.code);
    }

    //! The route's path with every parameter replaced by an object of "our" school.
    static std::string path_for(const Route& route, std::int64_t student_id) {
        std::string path = route.pattern;
        auto put = [&](const std::string& name, std::int64_t value) {
            path = std::regex_replace(path, std::regex("\\{" + name + "\\}"), std::to_string(value));
        };
        put("id", route.pattern.rfind("/api/v1/students/", 0) == 0 ? student_id : ours_.school_id);
        put("user_id", teacher_.id);
        put("parent_id", family_.parent_id);
        put("student_id", student_id);
        put("class_id", class_id_);
        put("group_id", group_id_);
        put("assignment_id", assignment_id_);
        put("free_day_id", free_day_id_);
        put("entry_id", 1);
        put("change_id", 1);
        put("lesson_id", 1);
        put("excuse_id", 1);
        put("feed_id", 1);
        put("grade_id", 1);
        put("column_id", 1);
        put("category_id", 1);
        put("message_id", 1);
        put("notice_id", 1);
        put("event_id", 1);
        put("homework_id", 1);
        put("attachment_id", 1);
        put("link_id", 1);
        put("subscription_id", 1);
        EXPECT_EQ(path.find('{'), std::string::npos) << "teach the walk the parameter of " << route.pattern;
        return path;
    }

    static Response call(HttpClient& http, const Route& route, const std::string& path) {
        object body{{"name", "x"},
                    {"class_id", class_id_},
                    {"parent_id", family_.parent_id},
                    {"student_id", family_.student_id},
                    {"assignment_id", assignment_id_},
                    {"first_name", "X"},
                    {"last_name", "Y"},
                    {"role", "teacher"}};
        if (route.method == "GET") return http.get(path);
        return http.request(route.method, path, body);
    }

    static inline SchoolAccount ours_, theirs_;
    static inline std::int64_t class_id_ = 0, group_id_ = 0, assignment_id_ = 0, free_day_id_ = 0;
    static inline Family family_, other_family_;
    static inline Staff teacher_;
    static inline std::string parent_password_, student_password_, teacher_password_;
};

TEST_F(RouteWalk, AnotherSchoolsAdminGetsNothingFromAnyRoute) {
    HttpClient outsider = signed_in(theirs_.admin_login, theirs_.admin_password);
    auto routes = all_routes();
    ASSERT_GT(routes.size(), 15u);
    for (const auto& route : routes) {
        if (route.pattern == "/api/v1/schools") continue;  // the operator's, answered 403 to every school
        if (route.personal()) continue;
        auto response = call(outsider, route, path_for(route, family_.student_id));
        EXPECT_EQ(response.status, 404) << route.method << " " << route.pattern << ": " << response;
    }
}

TEST_F(RouteWalk, AParentGetsNothingOfTheSchoolsAdministrationNorOfAnotherFamily) {
    HttpClient parent = signed_in(family_.parent_login, parent_password_);
    for (const auto& route : all_routes()) {
        if (route.personal()) continue;
        auto response = call(parent, route, path_for(route, other_family_.student_id));
        EXPECT_TRUE(response.status == 404 || response.status == 403)
            << route.method << " " << route.pattern << ": " << response;
    }
}

TEST_F(RouteWalk, AStudentGetsNothingButThemself) {
    HttpClient student = signed_in(family_.student_login, student_password_);
    for (const auto& route : all_routes()) {
        if (route.personal()) continue;
        auto response = call(student, route, path_for(route, other_family_.student_id));
        EXPECT_TRUE(response.status == 404 || response.status == 403)
            << route.method << " " << route.pattern << ": " << response;
    }
}

TEST_F(RouteWalk, ATeacherChangesNoAccountsAndReadsNoAudit) {
    HttpClient teacher = signed_in(teacher_.login, teacher_password_);
    for (const auto& route : all_routes()) {
        bool reads_school = route.method == "GET" && route.pattern.find("/audit") == std::string::npos &&
                            route.pattern.find("/users") == std::string::npos && route.pattern != "/api/v1/schools";
        if (reads_school || route.personal()) continue;  // teachers read their school's lists; their own things
        auto response = call(teacher, route, path_for(route, family_.student_id));
        bool absent_object = route.pattern.find("{lesson_id}") != std::string::npos ||
                             route.pattern.find("{excuse_id}") != std::string::npos ||
                             route.pattern.find("{feed_id}") != std::string::npos ||
                             route.pattern.find("{grade_id}") != std::string::npos ||
                             route.pattern.find("{column_id}") != std::string::npos ||
                             route.pattern.find("{message_id}") != std::string::npos ||
                             route.pattern.find("{event_id}") != std::string::npos ||
                             route.pattern.find("{homework_id}") != std::string::npos;
        if (absent_object && response.status == 404) continue;  // no such object in this school
        // Grading is a teacher's own work (the walk's teacher teaches the assignment): allowed, so the walk's
        // nonsense body is refused as invalid rather than forbidden.
        bool teachers_work = route.pattern == "/api/v1/grades" || route.pattern.ends_with("/summary-grades") ||
                             route.pattern.ends_with("/behaviour-points") || route.pattern == "/api/v1/events" ||
                             route.pattern == "/api/v1/homework" || route.pattern == "/api/v1/notes";
        if (teachers_work) {
            EXPECT_EQ(response.status, 422) << route.method << " " << route.pattern << ": " << response;
            continue;
        }
        EXPECT_EQ(response.status, 403) << route.method << " " << route.pattern << ": " << response;
    }
}

TEST_F(RouteWalk, NobodySignedInGets401Everywhere) {
    HttpClient anonymous = server().client();
    for (const auto& route : all_routes()) {
        auto response = call(anonymous, route, path_for(route, family_.student_id));
        EXPECT_EQ(response.status, 401) << route.method << " " << route.pattern << ": " << response;
    }
}

}  // namespace
}  // namespace kreda::test
