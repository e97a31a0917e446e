#include "auth/policy.hpp"

#include "core/error.hpp"

namespace kreda::auth {

namespace {

bool role_may(Role role, Action action) {
    switch (action) {
        case Action::ManageSchools:
            return role == Role::Operator;
        case Action::ViewSchool:
            return role == Role::Operator || is_staff(role);
        case Action::EditSchoolSettings:
        case Action::ManageStaff:
            return role == Role::Operator || role == Role::Admin;
        case Action::ManageAccounts:
            return role == Role::Operator || role == Role::Admin || role == Role::Secretary;
        case Action::ViewStaff:
            return role == Role::Admin || role == Role::Secretary || role == Role::Director;
        case Action::ViewClasses:
        case Action::ViewStudents:
            return is_staff(role);
        case Action::ManageCalendar:
            return role == Role::Admin || role == Role::Secretary || role == Role::Director;
        case Action::ManageOrganisation:
        case Action::ManageClasses:
        case Action::ManageStudents:
        case Action::PrintCredentials:
            return role == Role::Admin || role == Role::Secretary;
        case Action::ViewAudit:
            return role == Role::Admin || role == Role::Director;
        case Action::SubmitExcuse:
        case Action::SetHomework:
        case Action::EnterGrades:
        case Action::SetBehaviour:
            return false;  // only by relation
        case Action::ManageGrading:
            return role == Role::Admin || role == Role::Director;
        case Action::ViewGradebook:
        case Action::ViewGradeStatistics:
        case Action::ViewHomework:
            return role == Role::Admin || role == Role::Director || role == Role::Secretary || role == Role::Pedagogue;
        case Action::AddBehaviourPoints:
        case Action::WriteNotes:
            return role == Role::Teacher || role == Role::Director || role == Role::Pedagogue;
        case Action::PlanEvents:
        case Action::PublishNotices:
        case Action::ManageNotices:
            return role == Role::Admin || role == Role::Director || role == Role::Secretary;
        case Action::ViewClassNotes:
            return role == Role::Admin || role == Role::Director || role == Role::Secretary || role == Role::Pedagogue;
        case Action::DecideExcuse:
        case Action::RecordLesson:
            return role == Role::Admin || role == Role::Secretary;
        case Action::ViewStudent:
            return is_staff(role);
    }
    return false;
}

}  // namespace

Decision decide(const Actor& actor, Action action, const Target& target) {
    bool same_school = target.school_id && actor.school_id == target.school_id;
    if (action == Action::ViewStudent) {
        if (target.relation == Relation::Self || target.relation == Relation::Guardian) return Decision::Allow;
        return same_school && is_staff(actor.role) ? Decision::Allow : Decision::Hidden;
    }
    if (action == Action::RecordLesson && same_school && target.relation == Relation::Teaches) return Decision::Allow;
    if (action == Action::DecideExcuse && same_school && target.relation == Relation::Homeroom) return Decision::Allow;
    if ((action == Action::EnterGrades || action == Action::SetHomework) && same_school &&
        target.relation == Relation::Teaches)
        return Decision::Allow;
    if (action == Action::SetBehaviour && same_school && target.relation == Relation::Homeroom) return Decision::Allow;
    bool teaching = target.relation == Relation::Teaches || target.relation == Relation::Homeroom;
    if ((action == Action::ViewGradebook || action == Action::ViewGradeStatistics || action == Action::PlanEvents ||
         action == Action::ViewHomework || action == Action::PublishNotices) &&
        same_school && teaching)
        return Decision::Allow;
    if (action == Action::ViewClassNotes && same_school && target.relation == Relation::Homeroom)
        return Decision::Allow;
    if (action == Action::SubmitExcuse) {
        bool family = target.relation == Relation::Guardian || target.relation == Relation::Self;
        if (same_school && family) return Decision::Allow;
        return same_school && is_staff(actor.role) ? Decision::Forbidden : Decision::Hidden;
    }
    if (actor.role == Role::Operator) return role_may(actor.role, action) ? Decision::Allow : Decision::Forbidden;
    if (target.school_id && !same_school) return Decision::Hidden;
    if (!is_staff(actor.role)) return Decision::Hidden;  // families never see the school's administration
    return role_may(actor.role, action) ? Decision::Allow : Decision::Forbidden;
}

bool allows(const Actor& actor, Action action, const Target& target) {
    return decide(actor, action, target) == Decision::Allow;
}

void require(const Actor& actor, Action action, const Target& target) {
    switch (decide(actor, action, target)) {
        case Decision::Allow:
            return;
        case Decision::Forbidden:
            throw errors::forbidden();
        case Decision::Hidden:
            throw errors::not_found();
    }
}

}  // namespace kreda::auth
