// The change feed over HTTP: what each family's feed carries (and what it never does), cursors that lose and
// repeat nothing under concurrent writers, the live stream with Last-Event-ID resume, and two server processes
// on one PostgreSQL.
#include <set>
#include <thread>

#include "core/date.hpp"
#include "support/event_reader.hpp"
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::array;
using boost::json::object;

class Feed : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Na Bieżąco");
        HttpClient http = signed_in(school_.admin_login, school_.admin_password);
        Date today = warsaw_date(std::time(nullptr));
        ASSERT_EQ(http.post(school_path(school_.school_id, "/terms"),
                            object{{"year_name", "bieżący"},
                                   {"starts_on", format_date(add_days(today, -60))},
                                   {"ends_on", format_date(add_days(today, 200))},
                                   {"second_term_starts_on", format_date(add_days(today, 30))}})
                      .status,
                  201);
        auto class_a = create_class(http, school_.school_id, "7a");
        kid_ = create_family(http, school_.school_id, class_a, "Zosia", "Śledząca");
        other_ = create_family(http, school_.school_id, create_class(http, school_.school_id, "7b"), "Igor", "Obok");
        teacher_ = create_staff(http, school_.school_id, "teacher", "Teodor", "Chemik");
        auto chemistry =
            id_of(http.post(school_path(school_.school_id, "/subjects"), object{{"name", "Chemia"}}).json());
        assignment_ =
            id_of(http.post(school_path(school_.school_id, "/assignments"),
                            object{{"teacher_id", teacher_.id}, {"subject_id", chemistry}, {"class_id", class_a}})
                      .json());
        passwords_[teacher_.login] = activate(teacher_.login, teacher_.code);
        for (const auto* f : {&kid_, &other_}) {
            passwords_[f->parent_login] = activate(f->parent_login, f->parent_code);
            passwords_[f->student_login] = activate(f->student_login, f->student_code);
        }
        auto categories = as(teacher_.login).get(school_path(school_.school_id, "/grade-categories")).json();
        category_ = categories.at("items").as_array()[0].at("id").as_int64();
    }

    static HttpClient as(const std::string& login) { return signed_in(login, passwords_.at(login)); }
    static HttpClient admin() { return signed_in(school_.admin_login, school_.admin_password); }

    //! A grade for Zosia in a new column, described by `what`.
    static void grade(const std::string& what, const std::string& value = "5") {
        HttpClient teacher = as(teacher_.login);
        auto saved = teacher.post(
            "/api/v1/grades",
            object{{"assignment_id", assignment_},
                   {"columns",
                    array{object{{"category_id", category_},
                                 {"date", format_date(warsaw_date(std::time(nullptr)))},
                                 {"description", what},
                                 {"grades", array{object{{"student_id", kid_.student_id}, {"value", value}}}}}}}});
        ASSERT_EQ(saved.status, 201) << saved;
    }
    //! Everything in the user's feed after `since`, page by page; `cursor` ends where the feed stood.
    static std::vector<boost::json::value> feed_of(HttpClient& http, std::int64_t since,
                                                   std::int64_t* cursor = nullptr) {
        std::vector<boost::json::value> out;
        while (true) {
            auto page = http.get("/api/v1/feed?limit=7&since=" + std::to_string(since));
            EXPECT_EQ(page.status, 200) << page;
            auto json = page.json();
            for (const auto& item : json.at("items").as_array()) out.push_back(item);
            since = json.at("cursor").as_int64();
            if (!json.at("more").as_bool()) break;
        }
        if (cursor) *cursor = since;
        return out;
    }
    static std::int64_t head(HttpClient& http) {
        std::int64_t cursor = 0;
        feed_of(http, 0, &cursor);
        return cursor;
    }
    static bool mentions(const std::vector<boost::json::value>& items, const std::string& kind,
                         const std::string& text) {
        for (const auto& item : items)
            if (item.at("kind").as_string() == kind &&
                boost::json::serialize(item.at("data")).find(text) != std::string::npos)
                return true;
        return false;
    }
    static EventReader stream_as(const ServerProcess& server, const std::string& login,
                                 const std::string& resume = "") {
        HttpClient app(server.base_url());
        auto signed_in = app.login(login, passwords_.at(login), std::nullopt, "app");
        std::vector<std::pair<std::string, std::string>> headers{
            {"Authorization", "Bearer " + std::string(signed_in.at("token").as_string())}};
        if (!resume.empty()) headers.emplace_back("Last-Event-ID", resume);
        return EventReader(server.port(), "/api/v1/feed/stream", headers);
    }

    static inline SchoolAccount school_;
    static inline Family kid_, other_;
    static inline Staff teacher_;
    static inline std::int64_t assignment_ = 0, category_ = 0;
    static inline std::map<std::string, std::string> passwords_;
};

TEST_F(Feed, AGradeReachesTheChildsFamilyAndNoOneElse) {
    HttpClient parent = as(kid_.parent_login), student = as(kid_.student_login), stranger = as(other_.parent_login);
    auto from_parent = head(parent), from_student = head(student), from_stranger = head(stranger);
    grade("Kartkówka z wiązań", "4+");
    auto seen = feed_of(parent, from_parent);
    ASSERT_TRUE(mentions(seen, "grade.added", "Kartkówka z wiązań"))
        << boost::json::serialize(array(seen.begin(), seen.end()));
    EXPECT_EQ(seen.back().at("student_id").as_int64(), kid_.student_id);
    EXPECT_NE(boost::json::serialize(seen.back().at("data")).find("Chemia"), std::string::npos);
    EXPECT_TRUE(mentions(feed_of(student, from_student), "grade.added", "Kartkówka z wiązań"));
    EXPECT_TRUE(feed_of(stranger, from_stranger).empty());
    std::int64_t cursor = 0;
    feed_of(parent, from_parent, &cursor);
    EXPECT_TRUE(feed_of(parent, cursor).empty()) << "nothing twice";
}

TEST_F(Feed, ATimelineReadsNewestFirstWithBefore) {
    grade("Pierwsza z trzech");
    grade("Druga z trzech");
    grade("Trzecia z trzech");
    HttpClient parent = as(kid_.parent_login);
    auto newest = parent.get("/api/v1/feed?before=&limit=2").json();
    auto items = newest.at("items").as_array();
    ASSERT_EQ(items.size(), 2u) << newest;
    EXPECT_NE(boost::json::serialize(items[0]).find("Trzecia z trzech"), std::string::npos);
    EXPECT_NE(boost::json::serialize(items[1]).find("Druga z trzech"), std::string::npos);
    EXPECT_GT(items[0].at("id").as_int64(), items[1].at("id").as_int64());
    auto older = parent.get("/api/v1/feed?limit=2&before=" + std::to_string(newest.at("cursor").as_int64())).json();
    EXPECT_NE(boost::json::serialize(older.at("items").as_array()[0]).find("Pierwsza z trzech"), std::string::npos);
    EXPECT_EQ(parent.get("/api/v1/feed?before=abc").status, 422);
}

TEST_F(Feed, AStudentsFeedNeverCarriesWhatIsForTheParents) {
    HttpClient parent = as(kid_.parent_login), student = as(kid_.student_login);
    auto from_parent = head(parent), from_student = head(student);
    ASSERT_EQ(
        admin()
            .post("/api/v1/notices",
                  object{{"title", "Zebranie rodziców klas siódmych"}, {"body", "We wtorek."}, {"audience", "parents"}})
            .status,
        201);
    HttpClient teacher = as(teacher_.login);
    auto recipients = teacher.get("/api/v1/messages/recipients").json();
    std::string parents_key;
    for (const auto& g : recipients.at("items").as_array())
        if (g.at("kind").as_string() == "class_parents") parents_key = std::string(g.at("key").as_string());
    ASSERT_FALSE(parents_key.empty()) << recipients;
    ASSERT_EQ(teacher
                  .post("/api/v1/messages", object{{"to", array{boost::json::value(parents_key)}},
                                                   {"subject", "Oceny z chemii – tylko dla rodziców"},
                                                   {"body", "Proszę o kontakt."}})
                  .status,
              201);
    auto parents = feed_of(parent, from_parent);
    EXPECT_TRUE(mentions(parents, "notice.published", "Zebranie rodziców"));
    EXPECT_TRUE(mentions(parents, "message.received", "tylko dla rodziców"));
    auto students = feed_of(student, from_student);
    EXPECT_FALSE(mentions(students, "notice.published", "Zebranie rodziców"));
    EXPECT_FALSE(mentions(students, "message.received", "tylko dla rodziców"));
}

TEST_F(Feed, HomeworkSetAndTakenBackBothReachTheClass) {
    HttpClient parent = as(kid_.parent_login), teacher = as(teacher_.login);
    auto from = head(parent);
    Date due = add_days(warsaw_date(std::time(nullptr)), 3);
    auto set = teacher.post(
        "/api/v1/homework",
        object{{"assignment_id", assignment_}, {"due_on", format_date(due)}, {"text", "Uzgodnij równania reakcji"}});
    ASSERT_EQ(set.status, 201) << set;
    ASSERT_EQ(teacher.del("/api/v1/homework/" + std::to_string(id_of(set.json()))).status, 204);
    auto seen = feed_of(parent, from);
    EXPECT_TRUE(mentions(seen, "homework.set", "Uzgodnij równania"));
    EXPECT_TRUE(mentions(seen, "homework.deleted", "Uzgodnij równania"));
    HttpClient stranger = as(other_.parent_login);
    EXPECT_FALSE(mentions(feed_of(stranger, from), "homework.set", "Uzgodnij równania"));
}

TEST_F(Feed, CursorsLoseAndRepeatNothingUnderConcurrentWriters) {
    HttpClient parent = as(kid_.parent_login);
    auto start = head(parent);
    constexpr int kWriters = 4, kEach = 15;
    std::atomic<bool> writing{true};
    std::vector<std::int64_t> received;
    std::thread reader([&] {
        HttpClient follower = as(kid_.parent_login);
        std::int64_t cursor = start;
        auto poll = [&] {
            for (const auto& item : feed_of(follower, cursor, &cursor))
                if (item.at("kind").as_string() == "notice.published") received.push_back(item.at("id").as_int64());
        };
        while (writing) poll();
        poll();  // after the last commit
    });
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w)
        writers.emplace_back([w] {
            HttpClient office = admin();
            for (int i = 0; i < kEach; ++i) {
                auto posted = office.post("/api/v1/notices",
                                          object{{"title", "Komunikat " + std::to_string(w) + "/" + std::to_string(i)},
                                                 {"body", "Treść"},
                                                 {"audience", "everyone"}});
                EXPECT_EQ(posted.status, 201) << posted;
            }
        });
    for (auto& t : writers) t.join();
    writing = false;
    reader.join();
    std::set<std::int64_t> distinct(received.begin(), received.end());
    EXPECT_EQ(distinct.size(), received.size()) << "an entry came twice";
    EXPECT_EQ(received.size(), static_cast<std::size_t>(kWriters * kEach)) << "an entry was lost";
    EXPECT_TRUE(std::is_sorted(received.begin(), received.end()));
}

TEST_F(Feed, AnOpenStreamHearsAtOnceAndResumesFromLastEventId) {
    auto stream = stream_as(server(), kid_.parent_login);
    ASSERT_EQ(stream.status(), 200) << stream.head();
    EXPECT_NE(stream.head().find("text/event-stream"), std::string::npos);
    auto ready = stream.wait_for("ready", "");
    ASSERT_TRUE(ready);
    grade("Doświadczenie z sodem");
    auto heard = stream.wait_for("entry", "Doświadczenie z sodem");
    ASSERT_TRUE(heard) << "the grade did not arrive on the open stream";

    // Gone for a while: what happened meanwhile comes first on reconnecting with Last-Event-ID, and only that.
    std::string last_seen = heard->id;
    grade("Tablica Mendelejewa");
    grade("Reakcje utleniania");
    auto back = stream_as(server(), kid_.parent_login, last_seen);
    std::vector<std::string> replayed;
    while (auto event = back.next(std::chrono::seconds(5))) {
        if (event->event == "ready") break;
        replayed.push_back(event->data);
    }
    ASSERT_EQ(replayed.size(), 2u);
    EXPECT_NE(replayed[0].find("Tablica Mendelejewa"), std::string::npos);
    EXPECT_NE(replayed[1].find("Reakcje utleniania"), std::string::npos);

    auto stranger = stream_as(server(), other_.parent_login);
    ASSERT_TRUE(stranger.wait_for("ready", ""));
    grade("Stężenie roztworu");
    ASSERT_TRUE(back.wait_for("entry", "Stężenie roztworu"));
    EXPECT_FALSE(stranger.wait_for("entry", "Stężenie roztworu", std::chrono::milliseconds(1500)))
        << "another family's stream heard of it";
    EXPECT_EQ(EventReader(server().port(), "/api/v1/feed/stream", {}).status(), 401);
}

TEST_F(Feed, SigningOutEndsTheSessionsStreams) {
    HttpClient app(server().base_url());
    auto signed_in = app.login(kid_.parent_login, passwords_.at(kid_.parent_login), std::nullopt, "app");
    std::string bearer = std::string(signed_in.at("token").as_string());
    app.set_bearer(bearer);
    EventReader stream(server().port(), "/api/v1/feed/stream", {{"Authorization", "Bearer " + bearer}});
    ASSERT_TRUE(stream.wait_for("ready", ""));
    ASSERT_EQ(app.post("/api/v1/auth/logout").status, 204);
    // Within the hub's next look at its sessions (every few seconds), the stream ends.
    std::optional<SseEvent> after;
    do after = stream.next(std::chrono::seconds(20));
    while (after && after->event != "entry");
    EXPECT_FALSE(after) << "an entry came after sign-out";
    EXPECT_TRUE(stream.ended()) << "the stream went on after sign-out";
}

TEST_F(Feed, AChangeMadeThroughOneServerReachesStreamsHeldByAnother) {
    if (backend_name() != "postgres") GTEST_SKIP() << "one SQLite file is served by one process (DESIGN.md)";
    // The second process looks on its own only once an hour: only the first one's NOTIFY can wake it in time.
    ServerProcess second(server().db(), {}, {{"KREDA_FEED_POLL_SECONDS", "3600"}});
    auto stream = stream_as(second, kid_.parent_login);
    ASSERT_TRUE(stream.wait_for("ready", ""));
    grade("Przez drugi serwer");  // saved through the first process
    EXPECT_TRUE(stream.wait_for("entry", "Przez drugi serwer")) << second.log();
}

}  // namespace
}  // namespace kreda::test
