// Which days of a week hold lessons (days off, terms, an entry's validity), and who sees which lessons.
#include <gtest/gtest.h>

#include "modules/timetable/week.hpp"
#include "modules/timetable/week_test_support.hpp"

namespace kreda::timetable {
namespace {

using namespace fixtures;

// One lesson of class 1a every day, Monday to Sunday, at lesson 1.
std::vector<PlanEntry> every_day() {
    std::vector<PlanEntry> plan;
    for (int day = 1; day <= 7; ++day) plan.push_back(entry(day, day, 1, kowalska, maths, class_1a));
    return plan;
}

std::vector<Date> dates_of(const std::vector<ResolvedLesson>& lessons) {
    std::vector<Date> dates;
    for (const auto& lesson : lessons) dates.push_back(lesson.date);
    return dates;
}

TEST(SchoolCalendar, WinterHolidaysSpanningTheWeekHoldNoLessonsButListEveryDay) {
    WeekInput input = week_of("2027-01-18", every_day());
    input.days_off = {{d("2027-01-16"), d("2027-01-31"), "Ferie zimowe"}};
    Week week = resolve_week(input);

    EXPECT_TRUE(week.lessons.empty());
    ASSERT_EQ(week.days_off.size(), 7u);
    EXPECT_EQ(week.days_off.front().date, d("2027-01-18"));
    EXPECT_EQ(week.days_off.back().date, d("2027-01-24"));
    EXPECT_EQ(week.days_off.front().name, "Ferie zimowe");
}

TEST(SchoolCalendar, SingleFreeDayTakesOnlyThatDaysLessons) {
    WeekInput input = week_of("2026-10-12", every_day());
    input.days_off = {{d("2026-10-14"), d("2026-10-14"), "Dzień Edukacji Narodowej"}};
    Week week = resolve_week(input);

    EXPECT_EQ(week.lessons.size(), 6u);
    for (const auto& lesson : week.lessons) EXPECT_NE(lesson.date, d("2026-10-14"));
    ASSERT_EQ(week.days_off.size(), 1u);
    EXPECT_EQ(week.days_off[0].date, d("2026-10-14"));
    EXPECT_EQ(week.days_off[0].name, "Dzień Edukacji Narodowej");
}

TEST(SchoolCalendar, NotEvenAnExtraLessonIsHeldOnADayOff) {
    WeekInput input = week_of("2026-10-12", {});
    input.days_off = {{d("2026-10-14"), d("2026-10-14"), "Dzień Edukacji Narodowej"}};
    Change extra = change(7, ChangeKind::Extra, "2026-10-14", 2, std::nullopt);
    extra.teacher_id = kowalska;
    extra.subject_id = maths;
    extra.class_id = class_1a;
    input.changes = {extra};

    EXPECT_TRUE(resolve_week(input).lessons.empty());
}

TEST(SchoolCalendar, LessonMovedOntoADayOffIsNotHeldThere) {
    WeekInput input = week_of("2026-10-12", {entry(1, 1, 1, kowalska, maths, class_1a)});
    input.days_off = {{d("2026-10-14"), d("2026-10-14"), "Dzień Edukacji Narodowej"}};
    Change moved = change(7, ChangeKind::Moved, "2026-10-12", 1, 1);
    moved.moved_to_date = d("2026-10-14");
    input.changes = {moved};
    auto lessons = resolve_week(input).lessons;

    ASSERT_EQ(lessons.size(), 1u);
    EXPECT_EQ(lessons[0].status, LessonStatus::MovedOut);
}

TEST(SchoolCalendar, NothingIsHeldBeforeTheFirstTermStarts) {
    auto lessons = resolve_week(week_of("2026-08-31", every_day())).lessons;

    ASSERT_FALSE(lessons.empty());
    EXPECT_EQ(lessons.front().date, d("2026-09-01"));
    EXPECT_EQ(lessons.size(), 6u);
}

TEST(SchoolCalendar, NothingIsHeldBetweenTermsThatLeaveAGap) {
    WeekInput input = week_of("2027-01-18", every_day());
    input.teaching_periods = {{d("2026-09-01"), d("2027-01-20")}, {d("2027-01-23"), d("2027-06-25")}};

    EXPECT_EQ(dates_of(resolve_week(input).lessons),
              (std::vector<Date>{d("2027-01-18"), d("2027-01-19"), d("2027-01-20"), d("2027-01-23"), d("2027-01-24")}));
}

TEST(SchoolCalendar, NothingIsHeldAfterTheYearEndsOnTheLastFridayOfJune) {
    auto lessons = resolve_week(week_of("2027-06-21", every_day())).lessons;

    ASSERT_EQ(lessons.size(), 5u);
    EXPECT_EQ(lessons.back().date, d("2027-06-25"));
    EXPECT_TRUE(resolve_week(week_of("2027-06-28", every_day())).lessons.empty());
}

TEST(SchoolCalendar, NothingIsHeldWithoutTeachingPeriods) {
    WeekInput input = week_of("2026-09-07", every_day());
    input.teaching_periods.clear();

    EXPECT_TRUE(resolve_week(input).lessons.empty());
}

TEST(SchoolCalendar, PlanEntryHoldsLessonsOnlyWithinItsValidity) {
    PlanEntry until_wednesday_on_tuesday = entry(1, 2, 1, kowalska, maths, class_1a);
    until_wednesday_on_tuesday.valid_to = d("2026-09-09");
    PlanEntry until_wednesday_on_thursday = entry(2, 4, 1, kowalska, maths, class_1a);
    until_wednesday_on_thursday.valid_to = d("2026-09-09");
    PlanEntry from_thursday_on_thursday = entry(3, 4, 2, nowak, maths, class_1a);
    from_thursday_on_thursday.valid_from = d("2026-09-10");
    PlanEntry from_thursday_on_monday = entry(4, 1, 2, nowak, maths, class_1a);
    from_thursday_on_monday.valid_from = d("2026-09-10");
    auto lessons = resolve_week(week_of("2026-09-07", {until_wednesday_on_tuesday, until_wednesday_on_thursday,
                                                       from_thursday_on_thursday, from_thursday_on_monday}))
                       .lessons;

    ASSERT_EQ(lessons.size(), 2u);
    EXPECT_EQ(lessons[0].entry_id, 1);
    EXPECT_EQ(lessons[1].entry_id, 3);
}

// Class 1a: maths for all, English in two groups at once; class 1b: Polish.
std::vector<ResolvedLesson> split_class_week() {
    PlanEntry group_1 = entry(2, 1, 2, kowalska, english, class_1a);
    group_1.group_id = english_group_1;
    PlanEntry group_2 = entry(3, 1, 2, nowak, english, class_1a);
    group_2.group_id = english_group_2;
    return resolve_week(week_of("2026-09-07", {entry(1, 1, 1, kowalska, maths, class_1a), group_1, group_2,
                                               entry(4, 1, 1, nowak, polish, class_1b)}))
        .lessons;
}

std::vector<std::int64_t> entries_of(const std::vector<ResolvedLesson>& lessons) {
    std::vector<std::int64_t> ids;
    for (const auto& lesson : lessons) ids.push_back(*lesson.entry_id);
    return ids;
}

TEST(WeekViews, StudentSeesWholeClassLessonsAndOwnGroupsOnly) {
    auto lessons = split_class_week();

    EXPECT_EQ(entries_of(for_student(lessons, class_1a, {english_group_2})), (std::vector<std::int64_t>{1, 3}));
    EXPECT_EQ(entries_of(for_student(lessons, class_1a, {})), (std::vector<std::int64_t>{1}));
}

TEST(WeekViews, ClassViewShowsTheClassAndAllItsGroups) {
    auto lessons = split_class_week();

    EXPECT_EQ(entries_of(for_class(lessons, class_1a)), (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(entries_of(for_class(lessons, class_1b)), (std::vector<std::int64_t>{4}));
}

}  // namespace
}  // namespace kreda::timetable
