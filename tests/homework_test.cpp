// Homework over HTTP: the assignment's teacher sets, changes and deletes it with files to hand out; the class's
// teachers see the assignment's list; only families of the class (and of the group) may download its files.
#include "support/terminarz_scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;

class Homework : public Terminarz {
  protected:
    static std::int64_t upload(HttpClient& http, const std::string& bytes) {
        auto r = http.send_raw("POST", "/api/v1/attachments?name=karta%20pracy.pdf", bytes,
                               {{"Content-Type", "application/pdf"}});
        EXPECT_EQ(r.status, 201) << r;
        return id_of(r.json());
    }
    static std::string homework_path(std::int64_t id) { return "/api/v1/homework/" + std::to_string(id); }
};

TEST_F(Homework, TheTeacherChangesItAndEveryChangeIsInTheHistory) {
    HttpClient teacher = as(teacher_.login);
    Date due = add_days(next_monday(), 2);
    auto set =
        teacher.post("/api/v1/homework",
                     object{{"assignment_id", assignment_}, {"due_on", format_date(due)}, {"text", "Zadania 1–3."}});
    ASSERT_EQ(set.status, 201) << set;
    auto id = id_of(set.json());
    auto changed = teacher.patch(homework_path(id), object{{"due_on", format_date(add_days(due, 1))}});
    ASSERT_EQ(changed.status, 200) << changed;
    EXPECT_EQ(changed.json().at("due_on").as_string(), format_date(add_days(due, 1)));
    EXPECT_EQ(changed.json().at("text").as_string(), "Zadania 1–3.") << "what is not sent stays";

    auto before_set = teacher.patch(homework_path(id), object{{"due_on", "2020-01-01"}});
    EXPECT_EQ(before_set.status, 422) << before_set;
    EXPECT_EQ(teacher.patch(homework_path(id), object{{"text", ""}}).status, 422);
    EXPECT_EQ(as(homeroom_.login).patch(homework_path(id), object{{"text", "Cudze"}}).status, 403);
    EXPECT_EQ(as(kid_.parent_login).patch(homework_path(id), object{{"text", "Rodzic"}}).status, 404);
    EXPECT_EQ(as(other_.parent_login).del(homework_path(id)).status, 404);

    auto history = admin().get(school_path(school_.school_id, "/audit?limit=200"));
    ASSERT_EQ(history.status, 200) << history;
    bool update_found = false;
    auto records = history.json();
    for (const auto& entry : records.at("items").as_array())
        if (entry.at("action").as_string() == "homework.update" && id_of(entry, "object_id") == id) {
            update_found = true;
            EXPECT_EQ(entry.at("before").at("due_on").as_string(), format_date(due));
            EXPECT_EQ(entry.at("after").at("due_on").as_string(), format_date(add_days(due, 1)));
        }
    EXPECT_TRUE(update_found) << history;
    EXPECT_EQ(teacher.del(homework_path(id)).status, 204);
    EXPECT_EQ(teacher.patch(homework_path(id), object{{"text", "Już nie ma"}}).status, 404);
}

TEST_F(Homework, TheClasssTeachersSeeTheAssignmentsListAndOutsidersDoNot) {
    Date due = add_days(next_monday(), 4);
    ASSERT_EQ(as(teacher_.login)
                  .post("/api/v1/homework",
                        object{{"assignment_id", assignment_}, {"due_on", format_date(due)}, {"text", "Wypracowanie"}})
                  .status,
              201);
    std::string list = "/api/v1/assignments/" + std::to_string(assignment_) + "/homework" + between(due, due);
    for (const auto* login : {&teacher_.login, &homeroom_.login}) {
        auto seen = as(*login).get(list);
        ASSERT_EQ(seen.status, 200) << *login << seen;
        EXPECT_EQ(seen.json().at("items").as_array().size(), 1u);
    }
    EXPECT_EQ(admin().get(list).status, 200);
    EXPECT_EQ(as(kid_.parent_login).get(list).status, 404);
    EXPECT_EQ(as(kid_.student_login).get(list).status, 404);
    auto stranger = create_school("SP Obca");
    EXPECT_EQ(signed_in(stranger.admin_login, stranger.admin_password).get(list).status, 404);
}

TEST_F(Homework, ItsFilesReachTheClassesFamiliesOnly) {
    HttpClient teacher = as(teacher_.login);
    const std::string pdf = "%PDF-1.4 karta pracy: ułamki";
    std::int64_t file = upload(teacher, pdf);
    Date due = add_days(next_monday(), 1);
    auto set = teacher.post("/api/v1/homework", object{{"assignment_id", assignment_},
                                                       {"due_on", format_date(due)},
                                                       {"text", "Karta pracy w załączniku."},
                                                       {"attachment_ids", array{file}}});
    ASSERT_EQ(set.status, 201) << set;
    ASSERT_EQ(set.json().at("attachments").as_array().size(), 1u);
    EXPECT_EQ(set.json().at("attachments").as_array()[0].at("name").as_string(), "karta pracy.pdf");

    std::string path = "/api/v1/attachments/" + std::to_string(file);
    for (const auto* login : {&kid_.parent_login, &kid_.student_login, &homeroom_.login}) {
        auto got = as(*login).get(path);
        EXPECT_EQ(got.status, 200) << *login << got;
        EXPECT_EQ(got.body, pdf);
    }
    for (const auto* login : {&other_.parent_login, &other_.student_login})
        EXPECT_EQ(as(*login).get(path).status, 404) << *login;

    // Someone else's upload cannot be handed out; an unchanged list keeps the files; an empty one removes them.
    HttpClient homeroom = as(homeroom_.login);
    std::int64_t foreign = upload(homeroom, "%PDF-1.4 cudzy plik");
    EXPECT_EQ(teacher.patch(homework_path(id_of(set.json())), object{{"attachment_ids", array{foreign}}}).status, 422);
    auto kept = teacher.patch(homework_path(id_of(set.json())), object{{"text", "Karta pracy, zadania 1–4."}});
    EXPECT_EQ(kept.json().at("attachments").as_array().size(), 1u) << kept;
    auto cleared = teacher.patch(homework_path(id_of(set.json())), object{{"attachment_ids", array{}}});
    EXPECT_TRUE(cleared.json().at("attachments").as_array().empty()) << cleared;
    EXPECT_EQ(as(kid_.parent_login).get(path).status, 404) << "no longer handed out";
}

}  // namespace
}  // namespace kreda::test
