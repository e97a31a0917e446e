#include "auth/policy.hpp"

#include <gtest/gtest.h>

namespace kreda::auth {
namespace {

Actor person(Role role, std::optional<std::int64_t> school) {
    Actor a;
    a.user_id = 7;
    a.role = role;
    a.school_id = school;
    return a;
}

TEST(Policy, StaffOfAnotherSchoolSeesNothingOfItAsIfItDidNotExist) {
    EXPECT_EQ(decide(person(Role::Admin, 1), Action::ViewStudents, {2}), Decision::Hidden);
    EXPECT_EQ(decide(person(Role::Admin, 1), Action::ManageStaff, {2}), Decision::Hidden);
}

TEST(Policy, TeacherMayNotCreateStaffInOwnSchool) {
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::ManageStaff, {1}), Decision::Forbidden);
    EXPECT_EQ(decide(person(Role::Admin, 1), Action::ManageStaff, {1}), Decision::Allow);
}

TEST(Policy, SecretaryManagesStudentsButNotStaff) {
    EXPECT_EQ(decide(person(Role::Secretary, 1), Action::ManageStudents, {1}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Secretary, 1), Action::ManageStaff, {1}), Decision::Forbidden);
}

TEST(Policy, FamiliesNeverSeeTheSchoolsAdministration) {
    for (Role role : {Role::Parent, Role::Student}) {
        EXPECT_EQ(decide(person(role, 1), Action::ViewStudents, {1}), Decision::Hidden);
        EXPECT_EQ(decide(person(role, 1), Action::ViewAudit, {1}), Decision::Hidden);
    }
}

TEST(Policy, ParentSeesOwnChildOnly) {
    Actor parent = person(Role::Parent, 1);
    EXPECT_EQ(decide(parent, Action::ViewStudent, {1, Relation::Guardian}), Decision::Allow);
    EXPECT_EQ(decide(parent, Action::ViewStudent, {1, Relation::None}), Decision::Hidden);
}

TEST(Policy, StudentSeesThemselfOnly) {
    Actor student = person(Role::Student, 1);
    EXPECT_EQ(decide(student, Action::ViewStudent, {1, Relation::Self}), Decision::Allow);
    EXPECT_EQ(decide(student, Action::ViewStudent, {1, Relation::None}), Decision::Hidden);
}

TEST(Policy, StaffSeeStudentsOfTheirOwnSchoolOnly) {
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::ViewStudent, {1}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::ViewStudent, {2}), Decision::Hidden);
}

TEST(Policy, OperatorCreatesSchoolsButReadsNoPupilData) {
    Actor op = person(Role::Operator, std::nullopt);
    EXPECT_EQ(decide(op, Action::ManageSchools, {}), Decision::Allow);
    EXPECT_EQ(decide(op, Action::ViewStudent, {1}), Decision::Hidden);
    EXPECT_EQ(decide(op, Action::ViewStudents, {1}), Decision::Forbidden);
    EXPECT_EQ(decide(person(Role::Admin, 1), Action::ManageSchools, {}), Decision::Forbidden);
}

TEST(Policy, ATeacherRecordsOnlyTheirOwnLessonsAndTheOfficeAny) {
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::RecordLesson, {1, Relation::Teaches}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::RecordLesson, {1, Relation::None}), Decision::Forbidden);
    EXPECT_EQ(decide(person(Role::Secretary, 1), Action::RecordLesson, {1}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Teacher, 2), Action::RecordLesson, {1, Relation::Teaches}), Decision::Hidden);
    EXPECT_EQ(decide(person(Role::Parent, 1), Action::RecordLesson, {1}), Decision::Hidden);
}

TEST(Policy, OnlyTheAssignmentsTeacherGradesAndOnlyTheHomeroomTeacherGradesBehaviour) {
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::EnterGrades, {1, Relation::Teaches}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::EnterGrades, {1, Relation::Homeroom}), Decision::Forbidden);
    EXPECT_EQ(decide(person(Role::Admin, 1), Action::EnterGrades, {1}), Decision::Forbidden);
    EXPECT_EQ(decide(person(Role::Teacher, 2), Action::EnterGrades, {1, Relation::Teaches}), Decision::Hidden);
    EXPECT_EQ(decide(person(Role::Parent, 1), Action::EnterGrades, {1, Relation::Guardian}), Decision::Hidden);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::SetBehaviour, {1, Relation::Homeroom}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::SetBehaviour, {1, Relation::Teaches}), Decision::Forbidden);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::ViewGradebook, {1, Relation::Homeroom}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::ViewGradebook, {1}), Decision::Forbidden);
    EXPECT_EQ(decide(person(Role::Director, 1), Action::ViewGradebook, {1}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Director, 1), Action::ManageGrading, {1}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::ManageGrading, {1}), Decision::Forbidden);
    EXPECT_EQ(decide(person(Role::Student, 1), Action::ViewGradeStatistics, {1, Relation::Self}), Decision::Hidden);
}

TEST(Policy, OnlyTheFamilyExcusesAndOnlyTheHomeroomTeacherOrOfficeDecides) {
    EXPECT_EQ(decide(person(Role::Parent, 1), Action::SubmitExcuse, {1, Relation::Guardian}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Parent, 1), Action::SubmitExcuse, {1, Relation::None}), Decision::Hidden);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::SubmitExcuse, {1}), Decision::Forbidden);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::DecideExcuse, {1, Relation::Homeroom}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Teacher, 1), Action::DecideExcuse, {1}), Decision::Forbidden);
    EXPECT_EQ(decide(person(Role::Secretary, 1), Action::DecideExcuse, {1}), Decision::Allow);
    EXPECT_EQ(decide(person(Role::Parent, 1), Action::DecideExcuse, {1, Relation::Guardian}), Decision::Hidden);
}

}  // namespace
}  // namespace kreda::auth
