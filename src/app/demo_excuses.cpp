// The demo school's excuses: parents excuse recent absences; homeroom teachers have accepted some, rejected one,
// and some wait in their inbox.
#include "app/demo.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/attendance/attendance.hpp"
#include "modules/attendance/excuses.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"

namespace kreda::app {

namespace {}  // namespace

void seed_excuses(Context& ctx, const auth::Actor& admin, std::int64_t school_id) {
    Date today = warsaw_date(Clock::now());
    std::string from = format_date(add_days(today, -28));
    for (const auto& school_class : organisation::list_classes(ctx, admin, school_id)) {
        if (!school_class.homeroom_teacher) continue;
        auto homeroom = acting_as(school_class.homeroom_teacher->id, auth::Role::Teacher, school_id);
        int submitted = 0;
        for (const auto& student : people::list_students(ctx, admin, school_id, school_class.id)) {
            if (submitted == 4 || student.parents.empty()) break;
            auto parent = acting_as(student.parents.front().id, auth::Role::Parent, school_id);
            auto attendance = attendance::student_attendance(ctx, parent, student.id, add_days(today, -28), today);
            json::array dates;
            for (const auto& m : attendance["marks"].as_array())
                if (m.at("code").as_string() == "nb" && dates.size() < 3) dates.push_back(m.at("date"));
            if (dates.empty()) continue;
            json::object excuse;
            try {
                excuse =
                    attendance::submit_excuse(ctx, parent, student.id,
                                              {{"dates", dates},
                                               {"reason", submitted % 3 == 2 ? "family" : "illness"},
                                               {"note", submitted % 3 == 2 ? "Wyjazd rodzinny." : "Przeziębienie."}});
            } catch (const ApiError&) {
                continue;  // already excused
            }
            std::int64_t id = excuse["id"].as_int64();
            if (submitted == 0)
                attendance::decide_excuse(ctx, homeroom, id, {{"decision", "accepted"}});
            else if (submitted == 2)
                attendance::decide_excuse(ctx, homeroom, id,
                                          {{"decision", "rejected"}, {"comment", "Proszę o zwolnienie lekarskie."}});
            ++submitted;
        }
    }
}

}  // namespace kreda::app
