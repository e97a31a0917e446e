// Attendance statistics (frekwencja): the percentage in total, per subject, per term and per month, and the
// subjects where absences near the half that may leave a student unclassified. Pure: the service loads the marks.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace kreda::attendance {

//! What a mark type means for the percentage; a school's own types each pick one.
enum class PresenceKind {
    Present,        //!< ob, sp, su, ns: counts as presence
    Absent,         //!< nb
    ExcusedAbsent,  //!< u: excused, but still an absence
    Released,       //!< zw: left out of the percentage altogether
};

//! One attendance mark, reduced to what the statistics need.
struct MarkFact {
    Date date;
    std::int64_t subject_id = 0;
    int term = 1;
    PresenceKind kind = PresenceKind::Present;
};

struct Tally {
    int present = 0;
    int absent = 0;
    int excused = 0;
    int released = 0;

    //! Counts one mark.
    void add(PresenceKind kind);
    //! The marks the percentage is taken over: present + absent + excused (released marks are left out).
    int counted() const;
    //! present / counted × 100, rounded half up to one decimal; none when nothing is counted.
    std::optional<double> percentage() const;
    //! (absent + excused) / counted, 0–1, unrounded; none when nothing is counted.
    std::optional<double> absence_share() const;
};

struct Statistics {
    Tally total;
    std::map<std::int64_t, Tally> by_subject;
    std::map<int, Tally> by_term;
    std::map<std::string, Tally> by_month;  //!< keyed "2026-09"
    //! Subjects, ascending, whose absence share is at least the warning share: nearing the 50% that may
    //! leave a student unclassified, so families must see it early.
    std::vector<std::int64_t> subjects_at_risk;
};

//! Tallies a student's marks in total and per subject, term and month, and flags the subjects at risk.
Statistics compute_statistics(const std::vector<MarkFact>& marks, double warn_share = 0.4);

//! One of the attendance types every school starts with.
struct StandardType {
    std::string_view code;
    std::string_view name_pl;
    std::string_view name_en;
    std::string_view colour;  //!< #RRGGBB, readable as text on white (contrast at least 4.5:1, WCAG AA)
    PresenceKind kind;
};

//! The standard types ob, nb, u, sp, su, zw, ns, in that order.
const std::vector<StandardType>& standard_types();

//! The kind stored for a school's type: "present", "absent", "excused" or "released".
std::optional<PresenceKind> parse_presence_kind(std::string_view text);
//! The stored name of a kind, the inverse of parse_presence_kind.
std::string_view to_string(PresenceKind kind);

}  // namespace kreda::attendance
