#include "modules/attendance/statistics.hpp"

#include <array>
#include <utility>

namespace kreda::attendance {

namespace {

constexpr std::array<std::pair<PresenceKind, std::string_view>, 4> kind_names{{
    {PresenceKind::Present, "present"},
    {PresenceKind::Absent, "absent"},
    {PresenceKind::ExcusedAbsent, "excused"},
    {PresenceKind::Released, "released"},
}};

std::string month_of(Date date) {
    return format_date(date).substr(0, 7);
}

}  // namespace

void Tally::add(PresenceKind kind) {
    switch (kind) {
        case PresenceKind::Present:
            ++present;
            break;
        case PresenceKind::Absent:
            ++absent;
            break;
        case PresenceKind::ExcusedAbsent:
            ++excused;
            break;
        case PresenceKind::Released:
            ++released;
            break;
    }
}

int Tally::counted() const {
    return present + absent + excused;
}

std::optional<double> Tally::percentage() const {
    if (counted() == 0) return std::nullopt;
    // Rounded in integers (tenths of a percent, half up) so that 1 of 16 shows 6.3 and never 6.2.
    long long tenths = (2000LL * present + counted()) / (2LL * counted());
    return static_cast<double>(tenths) / 10.0;
}

std::optional<double> Tally::absence_share() const {
    if (counted() == 0) return std::nullopt;
    return static_cast<double>(absent + excused) / counted();
}

Statistics compute_statistics(const std::vector<MarkFact>& marks, double warn_share) {
    Statistics statistics;
    for (const MarkFact& mark : marks) {
        statistics.total.add(mark.kind);
        statistics.by_subject[mark.subject_id].add(mark.kind);
        statistics.by_term[mark.term].add(mark.kind);
        statistics.by_month[month_of(mark.date)].add(mark.kind);
    }
    for (const auto& [subject_id, tally] : statistics.by_subject) {
        auto share = tally.absence_share();
        if (share && *share >= warn_share) statistics.subjects_at_risk.push_back(subject_id);
    }
    return statistics;
}

const std::vector<StandardType>& standard_types() {
    static const std::vector<StandardType> types{
        {"ob", "Obecność", "Present", "#1B6B32", PresenceKind::Present},
        {"nb", "Nieobecność", "Absent", "#B3261E", PresenceKind::Absent},
        {"u", "Nieobecność usprawiedliwiona", "Excused absence", "#1F5FAD", PresenceKind::ExcusedAbsent},
        {"sp", "Spóźnienie", "Late", "#8A4B00", PresenceKind::Present},
        {"su", "Spóźnienie usprawiedliwione", "Excused lateness", "#00696F", PresenceKind::Present},
        {"zw", "Zwolnienie", "Released", "#5F6368", PresenceKind::Released},
        {"ns", "Nieobecność z przyczyn szkolnych", "Absent for school reasons", "#6A3FA0", PresenceKind::Present},
    };
    return types;
}

std::optional<PresenceKind> parse_presence_kind(std::string_view text) {
    for (const auto& [kind, name] : kind_names) {
        if (name == text) return kind;
    }
    return std::nullopt;
}

std::string_view to_string(PresenceKind kind) {
    for (const auto& [known, name] : kind_names) {
        if (known == kind) return name;
    }
    return "present";  // unreachable: every kind is named above
}

}  // namespace kreda::attendance
