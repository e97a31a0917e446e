// Who sees which feed entry: the one rule behind GET /feed and every live stream.
#include <gtest/gtest.h>

#include "modules/feed/feed_store.hpp"

namespace kreda::feed {
namespace {

constexpr std::int64_t kSchool = 1, kAla = 10, kOla = 11, kClass4a = 100, kGroup1 = 7;

Reader parent_of_ala() {
    Reader r{500, kSchool, auth::Role::Parent, {}};
    r.students[kAla] = {kClass4a, {kGroup1}};
    return r;
}
Reader ala_herself() {
    Reader r{kAla, kSchool, auth::Role::Student, {}};
    r.students[kAla] = {kClass4a, {kGroup1}};
    return r;
}
Reader a_teacher() {
    return {900, kSchool, auth::Role::Teacher, {}};
}

StoredEntry entry(std::string target, std::int64_t target_id, std::string audience = "family",
                  std::optional<std::int64_t> group = std::nullopt, std::int64_t school = kSchool) {
    StoredEntry e;
    e.id = 42;
    e.school_id = school;
    e.target = std::move(target);
    e.target_id = target_id;
    e.group_id = group;
    e.audience = std::move(audience);
    e.kind = "test.kind";
    e.data = "{}";
    return e;
}

bool sees(const Reader& reader, const StoredEntry& e, bool in_mailbox = false) {
    return item_for(reader, e, in_mailbox).has_value();
}

TEST(FeedVisibility, AStudentsEntryReachesTheStudentAndTheirParentsOnly) {
    auto grade = entry("student", kAla);
    EXPECT_TRUE(sees(parent_of_ala(), grade));
    EXPECT_TRUE(sees(ala_herself(), grade));
    EXPECT_FALSE(sees(a_teacher(), grade));
    EXPECT_FALSE(sees(parent_of_ala(), entry("student", kOla))) << "another child of the class";
    EXPECT_EQ(item_for(parent_of_ala(), grade, false)->json.at("student_id").as_int64(), kAla);
}

TEST(FeedVisibility, ParentsOnlyEntriesNeverReachTheStudent) {
    auto decision = entry("student", kAla, "parents");
    EXPECT_TRUE(sees(parent_of_ala(), decision));
    EXPECT_FALSE(sees(ala_herself(), decision));
}

TEST(FeedVisibility, AClassEntryReachesItsFamiliesAndAGroupsOnlyTheGroups) {
    EXPECT_TRUE(sees(parent_of_ala(), entry("class", kClass4a)));
    EXPECT_TRUE(sees(ala_herself(), entry("class", kClass4a, "family", kGroup1)));
    EXPECT_FALSE(sees(ala_herself(), entry("class", kClass4a, "family", 8))) << "the other group's homework";
    EXPECT_FALSE(sees(parent_of_ala(), entry("class", 101)));
    EXPECT_EQ(item_for(parent_of_ala(), entry("class", kClass4a), false)->json.at("student_id").as_int64(), kAla);
}

TEST(FeedVisibility, SchoolWideEntriesFollowTheirAudience) {
    EXPECT_TRUE(sees(parent_of_ala(), entry("school", kSchool, "parents")));
    EXPECT_FALSE(sees(ala_herself(), entry("school", kSchool, "parents")));
    EXPECT_TRUE(sees(ala_herself(), entry("school", kSchool, "students")));
    EXPECT_FALSE(sees(parent_of_ala(), entry("school", kSchool, "staff")));
    EXPECT_TRUE(sees(a_teacher(), entry("school", kSchool, "staff")));
    for (const auto& reader : {parent_of_ala(), ala_herself(), a_teacher()})
        EXPECT_TRUE(sees(reader, entry("school", kSchool, "everyone")));
}

TEST(FeedVisibility, MessagesReachOnlyThoseWithThemInTheirInbox) {
    EXPECT_TRUE(sees(parent_of_ala(), entry("message", 77, "inbox"), true));
    EXPECT_FALSE(sees(ala_herself(), entry("message", 77, "inbox"), false));
}

TEST(FeedVisibility, NothingCrossesSchools) {
    EXPECT_FALSE(sees(parent_of_ala(), entry("student", kAla, "family", std::nullopt, 2)));
    EXPECT_FALSE(sees(a_teacher(), entry("school", 2, "everyone", std::nullopt, 2)));
}

}  // namespace
}  // namespace kreda::feed
