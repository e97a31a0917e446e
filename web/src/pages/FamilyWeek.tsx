// The family week view: a student's lessons Monday to Friday (and a weekend day with lessons), with the changes in
// force spelt out in words, free days as a banner, and buttons to the previous and next week.
import { get, query, type Lesson, type VisibleStudent, type Week } from '../api';
import { Notice } from '../components/fields';
import { LoadState, PageHeading, useLoad } from '../components/page';
import { PeriodNav } from '../components/PeriodNav';
import { useApp } from '../context';
import { useLiveRefresh } from '../feed/live';
import {
  addDays,
  formatDate,
  formatDateRange,
  formatDayLong,
  fullName,
  isIsoDate,
  todayIso,
  weekStart,
} from '../format';
import { navigate, useLocation } from '../router';
import { ChildPicker, useChosenStudent } from './family';
import { changeText, classLabel, lessonTime } from './TeacherLessons';

const PATH = '/timetable';

export function WeekLesson({ lesson }: { lesson: Lesson }) {
  const { t } = useApp();
  const change = changeText(lesson, t);
  return (
    <li class={`lesson-card status-${lesson.status}`}>
      <p class="lesson-when">
        <span class="lesson-number">{t('lessons.number', { n: lesson.lesson_number })}</span>{' '}
        <span class="muted">{lessonTime(lesson)}</span>
      </p>
      <p class="lesson-subject">{lesson.subject?.name ?? '—'}</p>
      {change && <p class="lesson-change">{change}</p>}
      <p class="lesson-meta">
        {lesson.teacher ? fullName(lesson.teacher) : ''}
        {lesson.room && ` · ${t('lessons.room', { name: lesson.room.name })}`}
        {lesson.group_name && ` · ${classLabel(lesson)}`}
      </p>
      {lesson.original_subject && <p class="muted">{t('week.instead', { subject: lesson.original_subject.name })}</p>}
      {lesson.note && <p class="muted">{lesson.note}</p>}
    </li>
  );
}

function WeekDays({ week }: { week: Week }) {
  const { t, lang } = useApp();
  return (
    <div class="week-days" data-testid="week">
      {week.days.map((day) => (
        <section class="panel week-day" key={day.date} aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`}>{formatDayLong(day.date, lang)}</h2>
          {day.day_off ? (
            <Notice kind="info">{t('week.dayOff', { name: day.day_off })}</Notice>
          ) : day.lessons.length === 0 ? (
            <p class="muted">{t('week.noLessons')}</p>
          ) : (
            <ul class="plain lesson-list">
              {day.lessons.map((l) => (
                <WeekLesson key={`${l.lesson_number}-${l.group_id ?? 0}-${l.entry_id ?? l.change_id}`} lesson={l} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function StudentWeek({ student, week }: { student: VisibleStudent; week: string }) {
  const data = useLoad(() => get<Week>(`/students/${student.id}/timetable${query({ week })}`), [student.id, week]);
  useLiveRefresh(['timetable.changed'], data.reload, student.id);
  return <LoadState state={data}>{(w) => <WeekDays week={w} />}</LoadState>;
}

export function FamilyWeekPage() {
  const { t, lang } = useApp();
  const { search } = useLocation();
  const { student } = useChosenStudent();
  const week = weekStart(isIsoDate(search.get('week')) ? (search.get('week') as string) : todayIso());
  const go = (params: { week: string }) =>
    navigate(`${PATH}${query({ student: student?.id, week: params.week })}`, true);
  return (
    <>
      <PageHeading title={t('nav.week')} />
      {!student ? (
        <p>{t('home.noStudents')}</p>
      ) : (
        <>
          <ChildPicker id="week_student" path={PATH} />
          <PeriodNav
            testId="week-range"
            label={t('week.range', { name: fullName(student), range: formatDateRange(week, addDays(week, 4), lang) })}
            prev={t('week.prev')}
            next={t('week.next')}
            onPrev={() => go({ week: addDays(week, -7) })}
            onNext={() => go({ week: addDays(week, 7) })}
            back={
              week !== weekStart(todayIso())
                ? {
                    label: t('week.current', { date: formatDate(weekStart(todayIso()), lang) }),
                    onClick: () => go({ week: weekStart(todayIso()) }),
                  }
                : undefined
            }
          />
          <StudentWeek key={`${student.id}-${week}`} student={student} week={week} />
        </>
      )}
    </>
  );
}
