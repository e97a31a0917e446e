// The permission policy: one place that turns an actor, an action and a target into allowed or denied.
// Pure: the caller supplies the actor's relation to the target (guardian of, the student themself, …).
#pragma once

#include <cstdint>
#include <optional>

#include "auth/actor.hpp"

namespace kreda::auth {

enum class Action {
    ManageSchools,       //!< create and list the deployment's schools
    ViewSchool,          //!< read the school's profile and settings
    EditSchoolSettings,  //!< name, city, mandatory second factor for staff
    ViewStaff,
    ManageStaff,     //!< create staff accounts
    ManageAccounts,  //!< disable, enable, reset the credentials of any account of the school
    ViewClasses,
    ManageClasses,
    ManageOrganisation,  //!< groups, subjects, rooms, teaching assignments, the bell schedule
    ManageCalendar,      //!< school years, terms, free days
    ViewStudents,        //!< the school's student lists
    ManageStudents,      //!< create students and parents, guardianship
    PrintCredentials,    //!< issue activation slips
    ViewAudit,
    ViewStudent,          //!< one student's data: themself, their guardians, the school's staff
    RecordLesson,         //!< a lesson's topic and attendance: its teacher, or the office
    SubmitExcuse,         //!< a guardian (or an adult student, where the school allows it) excuses absences
    DecideExcuse,         //!< the homeroom teacher of the student's class, or the office
    ManageGrading,        //!< the scale's settings and the grade categories: director, admin
    ViewGradebook,        //!< an assignment's grade book: its teacher, the class's homeroom teacher, the office
    EnterGrades,          //!< grades, term and annual grades: only the assignment's teacher
    SetBehaviour,         //!< behaviour grades: only the class's homeroom teacher
    AddBehaviourPoints,   //!< behaviour points: the school's teachers, pedagogue, director
    ViewGradeStatistics,  //!< a class's grade statistics: the office, the class's teachers and homeroom teacher
    PlanEvents,           //!< a class's terminarz: its teachers and homeroom teacher, the office
    SetHomework,          //!< homework of an assignment: only its teacher
    ViewHomework,         //!< a class's homework as set: its teachers and homeroom teacher, the office, pedagogue
    WriteNotes,           //!< notes (uwagi) about students: teachers, the pedagogue, the director
    ViewClassNotes,       //!< every note of a class: its homeroom teacher, the pedagogue, the office
    PublishNotices,       //!< announcements: the office to anyone; teachers to the classes they teach or lead
    ManageNotices,        //!< see who has read any announcement, delete any: the office
};

//! How the actor stands to the object, as far as the caller found out.
enum class Relation { None, Self, Guardian, Teaches, Homeroom };

struct Target {
    std::optional<std::int64_t> school_id;
    Relation relation = Relation::None;
};

enum class Decision { Allow, Forbidden, Hidden };

//! Allow; Forbidden (403: inside your school but not your role); Hidden (404: outside your scope).
Decision decide(const Actor& actor, Action action, const Target& target);
//! Throws ApiError 403 or 404 unless allowed.
void require(const Actor& actor, Action action, const Target& target);
//! Whether `decide` allows it.
bool allows(const Actor& actor, Action action, const Target& target);

}  // namespace kreda::auth
