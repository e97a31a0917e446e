// Messages over HTTP: who may write to whom, read receipts, folders, threads and search, and privacy — a student
// never sees their parent's mail, a family never sees another's.
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

class Messages : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Wiadomości");
        HttpClient http = signed_in(school_.admin_login, school_.admin_password);
        class_a_ = create_class(http, school_.school_id, "3a");
        class_b_ = create_class(http, school_.school_id, "3b");
        kid_ = create_family(http, school_.school_id, class_a_, "Kuba", "Ciekawski");
        classmate_ = create_family(http, school_.school_id, class_a_, "Lena", "Sąsiadka");
        other_ = create_family(http, school_.school_id, class_b_, "Olek", "Obcy");
        homeroom_ = create_staff(http, school_.school_id, "teacher", "Halina", "Wychowawczyni");
        teacher_ = create_staff(http, school_.school_id, "teacher", "Tomasz", "Polonista");
        pedagogue_ = create_staff(http, school_.school_id, "pedagogue", "Paula", "Pedagog");
        ASSERT_EQ(http.patch(school_path(school_.school_id, "/classes/" + std::to_string(class_a_)),
                             object{{"homeroom_teacher_id", homeroom_.id}})
                      .status,
                  200);
        auto subject = http.post(school_path(school_.school_id, "/subjects"), object{{"name", "Język polski"}}).json();
        ASSERT_EQ(http.post(school_path(school_.school_id, "/assignments"),
                            object{{"teacher_id", teacher_.id}, {"subject_id", id_of(subject)}, {"class_id", class_a_}})
                      .status,
                  201);
        for (const auto* s : {&homeroom_, &teacher_, &pedagogue_}) passwords_[s->login] = activate(s->login, s->code);
        for (const auto* f : {&kid_, &classmate_, &other_}) {
            passwords_[f->parent_login] = activate(f->parent_login, f->parent_code);
            passwords_[f->student_login] = activate(f->student_login, f->student_code);
        }
    }

    static HttpClient as(const std::string& login) { return signed_in(login, passwords_.at(login)); }
    static std::set<std::string> keys_of(HttpClient&& http) { return keys_of(http); }
    static std::set<std::string> keys_of(HttpClient& http) {
        auto listed = http.get("/api/v1/messages/recipients");
        EXPECT_EQ(listed.status, 200) << listed;
        std::set<std::string> keys;
        auto json = listed.json();
        for (const auto& g : json.at("items").as_array()) keys.insert(std::string(g.at("key").as_string()));
        return keys;
    }
    static std::string key(const char* kind, std::int64_t id) { return std::string(kind) + ":" + std::to_string(id); }
    static Response send(HttpClient& http, std::vector<std::string> to, const std::string& subject,
                         const std::string& body = "Dzień dobry, piszę w sprawie…") {
        array keys;
        for (auto& k : to) keys.push_back(value(k));
        return http.post("/api/v1/messages", object{{"to", keys}, {"subject", subject}, {"body", body}});
    }
    static std::vector<std::int64_t> ids_in(HttpClient&& http, const std::string& query) { return ids_in(http, query); }
    static std::vector<std::int64_t> ids_in(HttpClient& http, const std::string& query) {
        auto listed = http.get("/api/v1/messages?" + query);
        EXPECT_EQ(listed.status, 200) << listed;
        std::vector<std::int64_t> ids;
        auto json = listed.json();
        for (const auto& m : json.at("items").as_array()) ids.push_back(m.at("id").as_int64());
        return ids;
    }
    static bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }

    static inline SchoolAccount school_;
    static inline std::int64_t class_a_ = 0, class_b_ = 0;
    static inline Family kid_, classmate_, other_;
    static inline Staff homeroom_, teacher_, pedagogue_;
    static inline std::map<std::string, std::string> passwords_;
};

TEST_F(Messages, EachRoleWritesToTheGroupsDomainMdNames) {
    HttpClient parent = as(kid_.parent_login);
    auto mine = keys_of(parent);
    EXPECT_TRUE(mine.count(key("homeroom", homeroom_.id)));
    EXPECT_TRUE(mine.count(key("teacher", teacher_.id)));
    EXPECT_TRUE(mine.count("role:pedagogue"));
    EXPECT_TRUE(mine.count("role:admin"));
    EXPECT_FALSE(mine.count(key("class_parents", class_a_)));  // parents do not write to whole classes
    EXPECT_FALSE(mine.count(key("parents_of", classmate_.student_id)));

    HttpClient other_parent = as(other_.parent_login);
    EXPECT_FALSE(keys_of(other_parent).count(key("teacher", teacher_.id)));  // not their child's teacher

    HttpClient student = as(kid_.student_login);
    auto students = keys_of(student);
    EXPECT_TRUE(students.count(key("homeroom", homeroom_.id)));
    EXPECT_FALSE(students.count("role:admin"));

    HttpClient teacher = as(teacher_.login);
    auto teachers = keys_of(teacher);
    EXPECT_TRUE(teachers.count(key("class_parents", class_a_)));
    EXPECT_TRUE(teachers.count(key("class_students", class_a_)));
    EXPECT_TRUE(teachers.count(key("parents_of", kid_.student_id)));
    EXPECT_FALSE(teachers.count(key("class_parents", class_b_)));                      // not a class they teach
    EXPECT_TRUE(keys_of(as(pedagogue_.login)).count(key("class_parents", class_b_)));  // the office: every class

    auto refused = send(parent, {key("class_parents", class_a_)}, "Do wszystkich");
    EXPECT_EQ(refused.status, 422) << refused;
    EXPECT_EQ(send(other_parent, {key("teacher", teacher_.id)}, "Pytanie").status, 422);
}

TEST_F(Messages, AHomeroomTeacherWhoAlsoTeachesTheChildIsListedOnce) {
    HttpClient office = signed_in(school_.admin_login, school_.admin_password);
    auto history = office.post(school_path(school_.school_id, "/subjects"), object{{"name", "Historia"}}).json();
    ASSERT_EQ(office
                  .post(school_path(school_.school_id, "/assignments"),
                        object{{"teacher_id", homeroom_.id}, {"subject_id", id_of(history)}, {"class_id", class_a_}})
                  .status,
              201);
    auto listed = as(kid_.parent_login).get("/api/v1/messages/recipients").json();
    int entries = 0;
    for (const auto& g : listed.at("items").as_array()) {
        if (g.at("key").as_string() == key("teacher", homeroom_.id)) ++entries;
        if (g.at("key").as_string() == key("homeroom", homeroom_.id)) {
            ++entries;
            EXPECT_NE(std::string(g.at("detail").as_string()).find("Historia"), std::string::npos) << g;
        }
    }
    EXPECT_EQ(entries, 1) << listed;
}

TEST_F(Messages, OpeningMarksReadAndTheSenderSeesWhoReadAndWhen) {
    HttpClient teacher = as(teacher_.login);
    auto sent = send(teacher, {key("class_parents", class_a_)}, "Wycieczka do Łodzi", "Zbiórka o 7:45.");
    ASSERT_EQ(sent.status, 201) << sent;
    auto id = id_of(sent.json());
    EXPECT_EQ(sent.json().at("recipients").as_int64(), 2);

    HttpClient parent = as(kid_.parent_login);
    EXPECT_GE(parent.get("/api/v1/messages/unread").json().at("inbox").as_int64(), 1);
    ASSERT_TRUE(contains(ids_in(parent, "folder=inbox"), id));
    auto opened = parent.get("/api/v1/messages/" + std::to_string(id));
    ASSERT_EQ(opened.status, 200) << opened;
    EXPECT_EQ(opened.json().at("body").as_string(), "Zbiórka o 7:45.");
    EXPECT_FALSE(opened.json().as_object().contains("receipts"));  // only the sender sees receipts

    auto own = teacher.get("/api/v1/messages/" + std::to_string(id)).json();
    EXPECT_EQ(own.at("receipts").at("read").as_int64(), 1);
    EXPECT_EQ(own.at("receipts").at("total").as_int64(), 2);
    for (const auto& r : own.at("receipts").at("items").as_array())
        EXPECT_EQ(r.at("read_at").is_string(), r.at("user").at("id").as_int64() == kid_.parent_id);
    EXPECT_TRUE(contains(ids_in(teacher, "folder=sent"), id));
    auto sent_list = teacher.get("/api/v1/messages?folder=sent").json();
    for (const auto& m : sent_list.at("items").as_array())
        if (m.at("id").as_int64() == id) {
            EXPECT_EQ(m.at("receipts").at("read").as_int64(), 1);
            EXPECT_EQ(m.at("receipts").at("total").as_int64(), 2);
        }
    // Polish letters in any case find it.
    EXPECT_TRUE(contains(ids_in(parent, "folder=inbox&q=WYCIECZKA%20DO%20%C5%81ODZI"), id));
    EXPECT_FALSE(contains(ids_in(parent, "folder=inbox&q=%25%25"), id));
}

TEST_F(Messages, AStudentNeverSeesTheirParentsMail) {
    HttpClient parent = as(kid_.parent_login);
    auto sent = send(parent, {key("homeroom", homeroom_.id)}, "Nieobecność Kuby", "Kuba jest chory, proszę o…");
    ASSERT_EQ(sent.status, 201) << sent;
    auto id = id_of(sent.json());
    HttpClient homeroom = as(homeroom_.login);
    auto reply = homeroom.post("/api/v1/messages", object{{"reply_to", id}, {"body", "Dziękuję, rozumiem."}});
    ASSERT_EQ(reply.status, 201) << reply;
    auto reply_id = id_of(reply.json());
    EXPECT_EQ(reply.json().at("thread_id").as_int64(), id);

    HttpClient student = as(kid_.student_login);
    for (const char* folder : {"inbox", "sent", "archive", "trash"}) {
        auto ids = ids_in(student, std::string("folder=") + folder);
        EXPECT_FALSE(contains(ids, id)) << folder;
        EXPECT_FALSE(contains(ids, reply_id)) << folder;
        EXPECT_FALSE(contains(ids_in(student, std::string("folder=") + folder + "&q=Kuby"), id)) << folder;
    }
    EXPECT_EQ(student.get("/api/v1/messages/" + std::to_string(id)).status, 404);
    EXPECT_EQ(student.get("/api/v1/messages/" + std::to_string(reply_id)).status, 404);
    EXPECT_EQ(student.patch("/api/v1/messages/" + std::to_string(id), object{{"folder", "archive"}}).status, 404);
    EXPECT_EQ(student.post("/api/v1/messages", object{{"reply_to", id}, {"body", "Hej"}}).status, 404);
    // Nor does another family, nor another parent of the same class.
    for (const auto* login : {&other_.parent_login, &classmate_.parent_login}) {
        HttpClient stranger = as(*login);
        EXPECT_EQ(stranger.get("/api/v1/messages/" + std::to_string(id)).status, 404);
        EXPECT_EQ(stranger.get("/api/v1/messages/" + std::to_string(reply_id)).status, 404);
    }
    // The parent sees the thread with the reply.
    auto thread = parent.get("/api/v1/messages/" + std::to_string(reply_id)).json().at("thread").as_array();
    ASSERT_EQ(thread.size(), 2u);
    EXPECT_EQ(thread[0].at("id").as_int64(), id);
}

TEST_F(Messages, FoldersMoveRestoreAndDeleteOnlyTheOwnersCopy) {
    HttpClient teacher = as(teacher_.login);
    auto id = id_of(send(teacher, {key("parents_of", kid_.student_id)}, "Zebranie").json());
    HttpClient parent = as(kid_.parent_login);
    std::string path = "/api/v1/messages/" + std::to_string(id);
    ASSERT_EQ(parent.get(path).status, 200);  // read
    EXPECT_EQ(parent.del(path).status, 409);  // only from the trash
    ASSERT_EQ(parent.patch(path, object{{"folder", "archive"}}).status, 200);
    EXPECT_TRUE(contains(ids_in(parent, "folder=archive"), id));
    EXPECT_FALSE(contains(ids_in(parent, "folder=inbox"), id));
    ASSERT_EQ(parent.patch(path, object{{"folder", "trash"}}).status, 200);
    ASSERT_EQ(parent.patch(path, object{{"folder", "inbox"}}).status, 200);
    EXPECT_TRUE(contains(ids_in(parent, "folder=inbox"), id));
    EXPECT_EQ(parent.patch(path, object{{"folder", "sent"}}).status, 422);
    ASSERT_EQ(parent.patch(path, object{{"folder", "trash"}}).status, 200);
    ASSERT_EQ(parent.del(path).status, 204);
    EXPECT_EQ(parent.get(path).status, 404);
    // The teacher's copy stays, still showing that the parent read it; a sent message restored from the trash
    // goes back to `sent`.
    auto receipts = teacher.get(path).json().at("receipts");
    EXPECT_EQ(receipts.at("total").as_int64(), 1);
    EXPECT_TRUE(receipts.at("items").as_array()[0].at("read_at").is_string());
    ASSERT_EQ(teacher.patch(path, object{{"folder", "trash"}}).status, 200);
    ASSERT_EQ(teacher.patch(path, object{{"folder", "inbox"}}).status, 200);
    EXPECT_TRUE(contains(ids_in(teacher, "folder=sent"), id));
}

TEST_F(Messages, TheHomeroomTeacherNamesTheParentCouncil) {
    std::string path = "/api/v1/classes/" + std::to_string(class_a_) + "/council";
    EXPECT_EQ(as(teacher_.login).put(path, object{{"parent_ids", array{classmate_.parent_id}}}).status, 403);
    EXPECT_EQ(as(homeroom_.login).put(path, object{{"parent_ids", array{other_.parent_id}}}).status, 422);
    auto set = as(homeroom_.login).put(path, object{{"parent_ids", array{classmate_.parent_id}}});
    ASSERT_EQ(set.status, 200) << set;
    HttpClient parent = as(kid_.parent_login);
    ASSERT_TRUE(keys_of(parent).count(key("council", class_a_)));
    auto sent = send(parent, {key("council", class_a_)}, "Składka na wycieczkę");
    ASSERT_EQ(sent.status, 201) << sent;
    EXPECT_TRUE(contains(ids_in(as(classmate_.parent_login), "folder=inbox"), id_of(sent.json())));
    EXPECT_FALSE(keys_of(as(other_.parent_login)).count(key("council", class_a_)));
}

TEST_F(Messages, AttachmentsAreCheckedStoredOnceAndReadOnlyFromOnesOwnMailbox) {
    HttpClient parent = as(kid_.parent_login);
    const std::string png("\x89PNG\r\n\x1a\n-a-drawing-of-a-cat", 26);
    auto upload = [&](HttpClient& http, const std::string& type, const std::string& bytes) {
        return http.send_raw("POST", "/api/v1/attachments?name=rysunek%20kota.png", bytes, {{"Content-Type", type}});
    };
    auto uploaded = upload(parent, "image/png", png);
    ASSERT_EQ(uploaded.status, 201) << uploaded;
    auto id = id_of(uploaded.json());
    EXPECT_EQ(uploaded.json().at("name").as_string(), "rysunek kota.png");
    EXPECT_EQ(upload(parent, "application/pdf", png).status, 415);                        // says PDF, is PNG
    EXPECT_EQ(upload(parent, "text/plain", std::string("MZ\x90\0\x03", 5)).status, 415);  // a program
    EXPECT_EQ(upload(parent, "text/plain", "").status, 422);
    EXPECT_EQ(upload(parent, "text/plain", std::string(2 << 20, 'a')).status, 413);

    auto sent = parent.post("/api/v1/messages", object{{"to", array{value(key("homeroom", homeroom_.id))}},
                                                       {"subject", "Rysunek na konkurs"},
                                                       {"body", "W załączniku rysunek Kuby."},
                                                       {"attachment_ids", array{id}}});
    ASSERT_EQ(sent.status, 201) << sent;
    auto message = as(homeroom_.login).get("/api/v1/messages/" + std::to_string(id_of(sent.json()))).json();
    ASSERT_EQ(message.at("attachments").as_array().size(), 1u);
    std::string path = "/api/v1/attachments/" + std::to_string(id);
    auto file = as(homeroom_.login).get(path);
    ASSERT_EQ(file.status, 200) << file;
    EXPECT_EQ(file.body, png);
    EXPECT_EQ(file.header("content-type"), "image/png");
    EXPECT_NE(file.header("content-disposition").find("attachment"), std::string::npos);
    for (const auto* login : {&kid_.student_login, &classmate_.parent_login, &teacher_.login})
        EXPECT_EQ(as(*login).get(path).status, 404) << *login;  // not in their mailbox: the child's neither
    // Another's upload cannot be attached.
    auto stolen = as(teacher_.login)
                      .post("/api/v1/messages", object{{"to", array{value(key("parents_of", kid_.student_id))}},
                                                       {"subject", "x"},
                                                       {"body", "y"},
                                                       {"attachment_ids", array{id}}});
    EXPECT_EQ(stolen.status, 422) << stolen;
}

}  // namespace
}  // namespace kreda::test
