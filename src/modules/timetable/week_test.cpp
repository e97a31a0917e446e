#include "modules/timetable/week.hpp"

#include <gtest/gtest.h>

#include "modules/timetable/week_test_support.hpp"

namespace kreda::timetable {
namespace {

using namespace fixtures;

TEST(ResolveWeek, PlanEntryYieldsALessonOnItsWeekdayEachWeek) {
    PlanEntry monday_maths = entry(1, 1, 1, kowalska, maths, class_1a);
    monday_maths.room_id = room_12;
    monday_maths.online_link = "https://meet.example/1a";
    auto lessons = resolve_week(week_of("2026-09-07", {monday_maths, entry(2, 3, 4, nowak, polish, class_1a)})).lessons;

    ASSERT_EQ(lessons.size(), 2u);
    EXPECT_EQ(lessons[0].date, d("2026-09-07"));
    EXPECT_EQ(lessons[0].lesson_number, 1);
    EXPECT_EQ(lessons[0].assignment_id, 101);
    EXPECT_EQ(lessons[0].teacher_id, kowalska);
    EXPECT_EQ(lessons[0].room_id, room_12);
    EXPECT_EQ(lessons[0].entry_id, 1);
    EXPECT_EQ(lessons[0].online_link, "https://meet.example/1a");
    EXPECT_EQ(lessons[0].status, LessonStatus::Planned);
    EXPECT_EQ(lessons[1].date, d("2026-09-09"));
    EXPECT_EQ(lessons[1].subject_id, polish);
}

TEST(ResolveWeek, LessonsAreSortedByDateLessonClassAndGroup) {
    PlanEntry group_2 = entry(1, 2, 1, nowak, english, class_1a);
    group_2.group_id = english_group_2;
    PlanEntry group_1 = entry(2, 2, 1, kowalska, english, class_1a);
    group_1.group_id = english_group_1;
    auto lessons =
        resolve_week(week_of("2026-09-07", {group_2, entry(3, 2, 1, 13, maths, class_1b), group_1,
                                            entry(4, 2, 0, 14, polish, class_1b), entry(5, 1, 8, 15, maths, class_1b)}))
            .lessons;

    std::vector<std::int64_t> order;
    for (const auto& lesson : lessons) order.push_back(*lesson.entry_id);
    EXPECT_EQ(order, (std::vector<std::int64_t>{5, 4, 2, 1, 3}));
}

TEST(ResolveWeek, SubstitutionReplacesTheTeacherAndBothTeachersSeeIt) {
    WeekInput input = week_of("2026-09-07", {entry(1, 2, 3, kowalska, maths, class_1a)});
    Change substitution = change(7, ChangeKind::Substitution, "2026-09-08", 3, 1);
    substitution.substitute_teacher_id = nowak;
    substitution.note = "Zastępstwo";
    input.changes = {substitution};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 1u);
    EXPECT_EQ(lessons[0].status, LessonStatus::Substituted);
    EXPECT_EQ(lessons[0].teacher_id, nowak);
    EXPECT_EQ(lessons[0].original_teacher_id, kowalska);
    EXPECT_EQ(lessons[0].subject_id, maths);
    EXPECT_FALSE(lessons[0].original_subject_id);
    EXPECT_EQ(lessons[0].change_id, 7);
    EXPECT_EQ(lessons[0].note, "Zastępstwo");
    EXPECT_EQ(for_teacher(lessons, nowak).size(), 1u);
    EXPECT_EQ(for_teacher(lessons, kowalska).size(), 1u);
    EXPECT_TRUE(for_teacher(lessons, 99).empty());
}

TEST(ResolveWeek, SubstitutionWithAnotherSubjectKeepsTheOriginalSubject) {
    WeekInput input = week_of("2026-09-07", {entry(1, 2, 3, kowalska, maths, class_1a)});
    Change substitution = change(7, ChangeKind::Substitution, "2026-09-08", 3, 1);
    substitution.substitute_teacher_id = nowak;
    substitution.subject_id = polish;
    input.changes = {substitution};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 1u);
    EXPECT_EQ(lessons[0].subject_id, polish);
    EXPECT_EQ(lessons[0].original_subject_id, maths);
}

TEST(ResolveWeek, CancelledLessonStaysListedSoFamiliesSeeIt) {
    WeekInput input = week_of("2026-09-07", {entry(1, 2, 3, kowalska, maths, class_1a)});
    input.changes = {change(7, ChangeKind::Cancellation, "2026-09-08", 3, 1)};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 1u);
    EXPECT_EQ(lessons[0].status, LessonStatus::Cancelled);
    EXPECT_EQ(lessons[0].teacher_id, kowalska);
}

TEST(ResolveWeek, RoomChangeMovesTheLessonToAnotherRoom) {
    PlanEntry planned = entry(1, 2, 3, kowalska, maths, class_1a);
    planned.room_id = room_12;
    WeekInput input = week_of("2026-09-07", {planned});
    Change room_change = change(7, ChangeKind::RoomChange, "2026-09-08", 3, 1);
    room_change.room_id = room_14;
    input.changes = {room_change};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 1u);
    EXPECT_EQ(lessons[0].status, LessonStatus::RoomChanged);
    EXPECT_EQ(lessons[0].room_id, room_14);
    EXPECT_EQ(for_room(lessons, room_14).size(), 1u);
    EXPECT_TRUE(for_room(lessons, room_12).empty());
}

TEST(ResolveWeek, LessonMovedWithinTheWeekLeavesItsSlotAndAppearsAtTheTarget) {
    PlanEntry planned = entry(1, 2, 3, kowalska, maths, class_1a);
    planned.group_id = english_group_1;
    planned.room_id = room_12;
    WeekInput input = week_of("2026-09-07", {planned});
    Change moved = change(7, ChangeKind::Moved, "2026-09-08", 3, 1);
    moved.moved_to_date = d("2026-09-10");
    moved.moved_to_lesson = 6;
    moved.room_id = room_14;
    input.changes = {moved};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 2u);
    EXPECT_EQ(lessons[0].status, LessonStatus::MovedOut);
    EXPECT_EQ(lessons[0].moved_to_date, d("2026-09-10"));
    EXPECT_EQ(lessons[0].moved_to_lesson, 6);
    EXPECT_EQ(lessons[0].room_id, room_12);
    EXPECT_EQ(lessons[1].status, LessonStatus::MovedIn);
    EXPECT_EQ(lessons[1].date, d("2026-09-10"));
    EXPECT_EQ(lessons[1].lesson_number, 6);
    EXPECT_EQ(lessons[1].moved_from_date, d("2026-09-08"));
    EXPECT_EQ(lessons[1].moved_from_lesson, 3);
    EXPECT_EQ(lessons[1].assignment_id, 101);
    EXPECT_EQ(lessons[1].teacher_id, kowalska);
    EXPECT_EQ(lessons[1].group_id, english_group_1);
    EXPECT_EQ(lessons[1].room_id, room_14);
}

TEST(ResolveWeek, LessonMovedIntoTheNextWeekLeavesOnlyItsEmptySlotThisWeek) {
    WeekInput input = week_of("2026-09-07", {entry(1, 5, 2, kowalska, maths, class_1a)});
    Change moved = change(7, ChangeKind::Moved, "2026-09-11", 2, 1);
    moved.moved_to_date = d("2026-09-15");
    input.changes = {moved};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 1u);
    EXPECT_EQ(lessons[0].status, LessonStatus::MovedOut);
    EXPECT_EQ(lessons[0].moved_to_date, d("2026-09-15"));
    EXPECT_EQ(lessons[0].moved_to_lesson, 2);
}

TEST(ResolveWeek, LessonMovedFromThePreviousWeekAppearsAtItsTarget) {
    WeekInput input = week_of("2026-09-14", {entry(1, 5, 2, kowalska, maths, class_1a)});
    Change moved = change(7, ChangeKind::Moved, "2026-09-11", 2, 1);
    moved.moved_to_date = d("2026-09-15");
    moved.moved_to_lesson = 7;
    input.changes = {moved};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 2u);
    EXPECT_EQ(lessons[0].status, LessonStatus::MovedIn);
    EXPECT_EQ(lessons[0].date, d("2026-09-15"));
    EXPECT_EQ(lessons[0].lesson_number, 7);
    EXPECT_EQ(lessons[0].moved_from_date, d("2026-09-11"));
    EXPECT_EQ(lessons[1].status, LessonStatus::Planned);  // this week's own Friday lesson
    EXPECT_EQ(lessons[1].date, d("2026-09-18"));
}

TEST(ResolveWeek, ExtraLessonIsBuiltFromTheChangesOwnFields) {
    WeekInput input = week_of("2026-09-07", {});
    Change extra = change(7, ChangeKind::Extra, "2026-09-09", 8, std::nullopt);
    extra.assignment_id = 150;
    extra.teacher_id = nowak;
    extra.subject_id = english;
    extra.class_id = class_1b;
    extra.room_id = room_14;
    extra.note = "Zajęcia dodatkowe przed konkursem";
    input.changes = {extra};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 1u);
    EXPECT_EQ(lessons[0].status, LessonStatus::Extra);
    EXPECT_EQ(lessons[0].date, d("2026-09-09"));
    EXPECT_EQ(lessons[0].lesson_number, 8);
    EXPECT_EQ(lessons[0].assignment_id, 150);
    EXPECT_EQ(lessons[0].teacher_id, nowak);
    EXPECT_EQ(lessons[0].class_id, class_1b);
    EXPECT_EQ(lessons[0].room_id, room_14);
    EXPECT_FALSE(lessons[0].entry_id);
    EXPECT_EQ(lessons[0].change_id, 7);
}

TEST(ResolveWeek, LatestChangeOfASlotWins) {
    WeekInput input = week_of("2026-09-07", {entry(1, 2, 3, kowalska, maths, class_1a)});
    Change substitution = change(8, ChangeKind::Substitution, "2026-09-08", 3, 1);
    substitution.substitute_teacher_id = nowak;
    input.changes = {substitution, change(9, ChangeKind::Cancellation, "2026-09-08", 3, 1),
                     change(5, ChangeKind::RoomChange, "2026-09-08", 3, 1)};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 1u);
    EXPECT_EQ(lessons[0].status, LessonStatus::Cancelled);
    EXPECT_EQ(lessons[0].change_id, 9);
    EXPECT_EQ(lessons[0].teacher_id, kowalska);
}

TEST(ResolveWeek, ChangeOfAnotherDateLeavesThisWeeksLessonAlone) {
    WeekInput input = week_of("2026-09-07", {entry(1, 2, 3, kowalska, maths, class_1a)});
    input.changes = {change(7, ChangeKind::Cancellation, "2026-09-15", 3, 1)};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 1u);
    EXPECT_EQ(lessons[0].status, LessonStatus::Planned);
}

}  // namespace
}  // namespace kreda::timetable
