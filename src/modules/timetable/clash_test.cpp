// Clashes: a teacher, a room or a set of students needed twice at one date and lesson, or in one weekly slot.
#include <gtest/gtest.h>

#include "modules/timetable/week.hpp"
#include "modules/timetable/week_test_support.hpp"

namespace kreda::timetable {
namespace {

using namespace fixtures;

ResolvedLesson lesson(std::int64_t entry_id, std::int64_t teacher, std::int64_t class_id,
                      std::optional<std::int64_t> group = std::nullopt,
                      std::optional<std::int64_t> room = std::nullopt) {
    ResolvedLesson l;
    l.date = d("2026-09-08");
    l.lesson_number = 3;
    l.entry_id = entry_id;
    l.teacher_id = teacher;
    l.subject_id = maths;
    l.class_id = class_id;
    l.group_id = group;
    l.room_id = room;
    return l;
}

TEST(FindClash, TeacherCannotTeachTwoLessonsAtOnce) {
    auto clash = find_clash({lesson(1, kowalska, class_1a)}, lesson(2, kowalska, class_1b));

    ASSERT_TRUE(clash);
    EXPECT_EQ(clash->kind, Clash::Kind::Teacher);
    EXPECT_EQ(clash->with.entry_id, 1);
}

TEST(FindClash, RoomCannotHoldTwoLessonsAtOnce) {
    auto clash = find_clash({lesson(1, kowalska, class_1a, std::nullopt, room_12)},
                            lesson(2, nowak, class_1b, std::nullopt, room_12));

    ASSERT_TRUE(clash);
    EXPECT_EQ(clash->kind, Clash::Kind::Room);
}

TEST(FindClash, LessonsWithoutARoomDoNotClashOverRooms) {
    EXPECT_FALSE(find_clash({lesson(1, kowalska, class_1a)}, lesson(2, nowak, class_1b)));
}

TEST(FindClash, WholeClassLessonClashesWithAnyLessonOfItsGroups) {
    auto clash = find_clash({lesson(1, kowalska, class_1a, english_group_1)}, lesson(2, nowak, class_1a));

    ASSERT_TRUE(clash);
    EXPECT_EQ(clash->kind, Clash::Kind::Students);
    EXPECT_EQ(find_clash({lesson(1, kowalska, class_1a)}, lesson(2, nowak, class_1a, english_group_2))->kind,
              Clash::Kind::Students);
}

TEST(FindClash, OneGroupCannotHaveTwoLessonsAtOnce) {
    auto clash =
        find_clash({lesson(1, kowalska, class_1a, english_group_1)}, lesson(2, nowak, class_1a, english_group_1));

    ASSERT_TRUE(clash);
    EXPECT_EQ(clash->kind, Clash::Kind::Students);
}

TEST(FindClash, TwoGroupsOfOneClassMayRunAtOnce) {
    EXPECT_FALSE(
        find_clash({lesson(1, kowalska, class_1a, english_group_1)}, lesson(2, nowak, class_1a, english_group_2)));
}

TEST(FindClash, CancelledOrMovedOutLessonFreesItsSlot) {
    ResolvedLesson cancelled = lesson(1, kowalska, class_1a, std::nullopt, room_12);
    cancelled.status = LessonStatus::Cancelled;
    ResolvedLesson moved_out = lesson(3, kowalska, class_1a, std::nullopt, room_12);
    moved_out.status = LessonStatus::MovedOut;

    EXPECT_FALSE(find_clash({cancelled, moved_out}, lesson(2, kowalska, class_1a, std::nullopt, room_12)));
}

TEST(FindClash, AnotherLessonNumberOrDateIsFree) {
    ResolvedLesson later = lesson(2, kowalska, class_1a);
    later.lesson_number = 4;
    ResolvedLesson next_day = lesson(3, kowalska, class_1a);
    next_day.date = d("2026-09-09");

    EXPECT_FALSE(find_clash({lesson(1, kowalska, class_1a)}, later));
    EXPECT_FALSE(find_clash({lesson(1, kowalska, class_1a)}, next_day));
}

TEST(FindClash, EditedLessonDoesNotClashWithItself) {
    ResolvedLesson planned = lesson(1, kowalska, class_1a, std::nullopt, room_12);
    ResolvedLesson in_another_room = planned;
    in_another_room.room_id = room_14;
    in_another_room.status = LessonStatus::RoomChanged;

    EXPECT_FALSE(find_clash({planned}, in_another_room));
}

TEST(FindClash, ClashIsFoundInAResolvedWeek) {
    WeekInput input = week_of("2026-09-07", {entry(1, 2, 3, kowalska, maths, class_1a)});
    Change extra = change(7, ChangeKind::Extra, "2026-09-08", 3, std::nullopt);
    extra.teacher_id = nowak;
    extra.subject_id = english;
    extra.class_id = class_1a;
    input.changes = {extra};
    Week week = resolve_week(input);
    ResolvedLesson substitution = week.lessons[0];
    substitution.teacher_id = nowak;
    substitution.status = LessonStatus::Substituted;

    auto clash = find_clash(week.lessons, substitution);
    ASSERT_TRUE(clash);
    EXPECT_EQ(clash->kind, Clash::Kind::Teacher);
    EXPECT_EQ(clash->with.change_id, 7);
}

TEST(FindPlanClash, SameWeeklySlotWithOverlappingValidityClashes) {
    PlanEntry existing = entry(1, 2, 3, kowalska, maths, class_1a);
    PlanEntry candidate = entry(2, 2, 3, kowalska, polish, class_1b);
    candidate.valid_from = d("2027-01-25");

    auto clash = find_plan_clash({existing}, candidate);
    ASSERT_TRUE(clash);
    EXPECT_EQ(clash->kind, Clash::Kind::Teacher);
    EXPECT_EQ(clash->with.id, 1);
}

TEST(FindPlanClash, EntriesValidInDifferentTermsDoNotClash) {
    PlanEntry first_term = entry(1, 2, 3, kowalska, maths, class_1a);
    first_term.valid_to = d("2027-01-24");
    PlanEntry second_term = entry(2, 2, 3, kowalska, maths, class_1a);
    second_term.valid_from = d("2027-01-25");

    EXPECT_FALSE(find_plan_clash({first_term}, second_term));
    EXPECT_FALSE(find_plan_clash({second_term}, first_term));
}

TEST(FindPlanClash, ValidityTouchingOnOneDayClashes) {
    PlanEntry first_term = entry(1, 2, 3, kowalska, maths, class_1a);
    first_term.valid_to = d("2027-01-25");
    PlanEntry second_term = entry(2, 2, 3, kowalska, maths, class_1a);
    second_term.valid_from = d("2027-01-25");

    EXPECT_TRUE(find_plan_clash({first_term}, second_term));
}

TEST(FindPlanClash, AnotherWeekdayOrLessonIsFreeAndGroupsMayRunAtOnce) {
    PlanEntry group_1 = entry(1, 2, 3, kowalska, english, class_1a);
    group_1.group_id = english_group_1;
    PlanEntry group_2 = entry(2, 2, 3, nowak, english, class_1a);
    group_2.group_id = english_group_2;

    EXPECT_FALSE(find_plan_clash({group_1}, group_2));
    EXPECT_FALSE(
        find_plan_clash({entry(1, 2, 3, kowalska, maths, class_1a)}, entry(2, 3, 3, kowalska, maths, class_1a)));
    EXPECT_FALSE(
        find_plan_clash({entry(1, 2, 3, kowalska, maths, class_1a)}, entry(2, 2, 4, kowalska, maths, class_1a)));
}

TEST(FindPlanClash, RoomAndStudentsClashInThePlanToo) {
    PlanEntry existing = entry(1, 2, 3, kowalska, maths, class_1a);
    existing.room_id = room_12;
    PlanEntry same_room = entry(2, 2, 3, nowak, polish, class_1b);
    same_room.room_id = room_12;

    EXPECT_EQ(find_plan_clash({existing}, same_room)->kind, Clash::Kind::Room);
    EXPECT_EQ(find_plan_clash({existing}, entry(3, 2, 3, nowak, polish, class_1a))->kind, Clash::Kind::Students);
}

TEST(FindPlanClash, EditedEntryDoesNotClashWithItsStoredSelf) {
    PlanEntry stored = entry(1, 2, 3, kowalska, maths, class_1a);
    PlanEntry edited = stored;
    edited.room_id = room_14;

    EXPECT_FALSE(find_plan_clash({stored}, edited));
}

}  // namespace
}  // namespace kreda::timetable
