// The audit history: who, when, from where, before and after; hash-linked so that tampering shows.
#include "storage/database.hpp"
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

using boost::json::object;

class Audit : public ApiScenario {};

boost::json::array audit_of(HttpClient& http, std::int64_t school_id) {
    auto response = http.get(ApiScenario::school_path(school_id, "/audit?limit=200"));
    EXPECT_EQ(response.status, 200) << response;
    return response.json().at("items").as_array();
}

const boost::json::value* find_action(const boost::json::array& records, const std::string& action) {
    for (const auto& r : records)
        if (r.at("action").as_string() == action) return &r;
    return nullptr;
}

TEST_F(Audit, AChangeIsRecordedWithActorAddressBeforeAndAfter) {
    auto school = create_school("SP Audyt 1");
    HttpClient admin = signed_in(school.admin_login, school.admin_password);
    auto teacher = create_staff(admin, school.school_id, "teacher", "Jan", "Przed");
    ASSERT_EQ(
        admin.patch(school_path(school.school_id, "/users/" + std::to_string(teacher.id)), object{{"last_name", "Po"}})
            .status,
        200);
    auto records = audit_of(admin, school.school_id);
    auto* update = find_action(records, "user.update");
    ASSERT_NE(update, nullptr);
    EXPECT_EQ(text_of(*update, "actor_login"), school.admin_login);
    EXPECT_EQ(text_of(*update, "address"), "127.0.0.1");
    EXPECT_EQ(id_of(*update, "object_id"), teacher.id);
    EXPECT_EQ(text_of(update->at("before"), "last_name"), "Przed");
    EXPECT_EQ(text_of(update->at("after"), "last_name"), "Po");
    EXPECT_NE(find_action(records, "user.create"), nullptr);
}

TEST_F(Audit, SignInsSuccessfulOrNotAreRecorded) {
    auto school = create_school("SP Audyt 2");
    HttpClient http = server().client();
    http.login(school.admin_login, "zle-haslo-99");
    HttpClient admin = signed_in(school.admin_login, school.admin_password);
    auto records = audit_of(admin, school.school_id);
    EXPECT_NE(find_action(records, "auth.login_failed"), nullptr);
    EXPECT_NE(find_action(records, "auth.login"), nullptr);
}

TEST_F(Audit, RecordsPageNewestFirstWithACursor) {
    auto school = create_school("SP Audyt 3");
    HttpClient admin = signed_in(school.admin_login, school.admin_password);
    for (int i = 0; i < 5; ++i) create_class(admin, school.school_id, "k" + std::to_string(i));
    auto first = admin.get(school_path(school.school_id, "/audit?limit=3")).json();
    auto items = first.at("items").as_array();
    ASSERT_EQ(items.size(), 3u);
    EXPECT_GT(items[0].at("id").as_int64(), items[1].at("id").as_int64());
    auto next = admin.get(
        school_path(school.school_id, "/audit?limit=3&cursor=" + std::to_string(first.at("next_cursor").as_int64())));
    EXPECT_LT(next.json().at("items").as_array().at(0).at("id").as_int64(), items[2].at("id").as_int64());
    EXPECT_EQ(admin.get(school_path(school.school_id, "/audit?limit=0")).status, 422);
}

TEST_F(Audit, ZTamperedRecordIsDetectedByAuditVerify) {
    auto school = create_school("SP Audyt 4");
    auto intact = ServerProcess::run_cli({"audit", "verify", "--db", server().db()});
    EXPECT_EQ(intact.exit_code, 0) << intact.out << intact.err;
    EXPECT_NE(intact.out.find("intact"), std::string::npos);

    auto db = storage::Database::open(server().db(), 1);
    ASSERT_TRUE(db.ok()) << db.error();
    std::int64_t victim = 0;
    {
        auto tx = (*db)->begin(storage::Access::Write);
        victim = (*tx->query_one("SELECT MIN(id) FROM audit_log WHERE action = 'user.create' AND school_id = ?",
                                 {school.school_id}))[0]
                     .as_int();
        tx->execute("UPDATE audit_log SET actor_login = 'someone-else' WHERE id = ?", {victim});
        tx->commit();
    }
    auto broken = ServerProcess::run_cli({"audit", "verify", "--db", server().db()});
    EXPECT_EQ(broken.exit_code, 2);
    EXPECT_NE(broken.out.find("record " + std::to_string(victim)), std::string::npos) << broken.out;
}

}  // namespace
}  // namespace kreda::test
