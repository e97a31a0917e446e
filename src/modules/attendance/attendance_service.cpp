#include <algorithm>
#include <set>

#include "auth/policy.hpp"
#include "core/error.hpp"
#include "modules/attendance/attendance_store.hpp"
#include "modules/audit/audit.hpp"
#include "modules/people/people.hpp"
#include "modules/school/calendar.hpp"

namespace kreda::attendance {

namespace {

json::object tally_json(const Tally& t) {
    auto percentage = t.percentage();
    return {{"present", t.present},
            {"absent", t.absent},
            {"excused", t.excused},
            {"released", t.released},
            {"percentage", percentage ? json::value(*percentage) : json::value(nullptr)}};
}

int term_of(const std::vector<school::SchoolYear>& years, Date date) {
    for (const auto& y : years)
        for (const auto& t : y.terms)
            if (t.starts_on <= date && date <= t.ends_on) return t.number;
    return 0;
}

}  // namespace

json::object to_json(const AttendanceType& t) {
    return {{"id", t.id},           {"code", t.code},     {"name_pl", t.name_pl},
            {"name_en", t.name_en}, {"colour", t.colour}, {"kind", to_string(t.kind)}};
}

std::vector<AttendanceType> types_of(storage::Transaction& tx, std::int64_t school_id) {
    auto types = store::types_of(tx, school_id);
    if (!types.empty()) return types;
    for (const auto& s : standard_types())
        store::insert_type(
            tx, school_id,
            {0, std::string(s.code), std::string(s.name_pl), std::string(s.name_en), std::string(s.colour), s.kind});
    return store::types_of(tx, school_id);
}

std::vector<AttendanceType> known_types(storage::Transaction& tx, std::int64_t school_id) {
    auto types = store::types_of(tx, school_id);
    if (!types.empty()) return types;
    for (const auto& s : standard_types())
        types.push_back(
            {0, std::string(s.code), std::string(s.name_pl), std::string(s.name_en), std::string(s.colour), s.kind});
    return types;
}

std::map<std::int64_t, std::string> marks_of_lesson(storage::Transaction& tx, std::int64_t lesson_id) {
    return store::marks_of_lesson(tx, lesson_id);
}

std::map<std::int64_t, std::string> save_marks(storage::Transaction& tx, std::int64_t school_id, std::int64_t lesson_id,
                                               const std::vector<MarkInput>& marks, std::int64_t marked_by) {
    std::map<std::string, std::int64_t> type_by_code;
    for (const auto& t : types_of(tx, school_id)) type_by_code[t.code] = t.id;
    std::map<std::string, Text> problems;
    for (const auto& m : marks)
        if (!type_by_code.count(m.code))
            problems["attendance." + std::to_string(m.student_id)] = {"Nieznany rodzaj obecności: " + m.code,
                                                                      "Unknown attendance type: " + m.code};
    if (!problems.empty()) throw errors::invalid(problems);
    auto before = store::marks_of_lesson(tx, lesson_id);
    for (const auto& m : marks)
        store::upsert_mark(tx, school_id, lesson_id, m.student_id, type_by_code[m.code], marked_by);
    return before;
}

std::vector<AttendanceType> list_types(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) { return types_of(tx, school_id); });
}

AttendanceType create_type(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageOrganisation, {school_id});
    json::FieldReader fields(input);
    AttendanceType type;
    type.code = fields.text("code", 4);
    type.name_pl = fields.text("name_pl", 60);
    type.name_en = fields.text("name_en", 60);
    type.colour = fields.text("colour", 7);
    auto kind = parse_presence_kind(fields.text("kind", 10));
    if (!std::all_of(type.code.begin(), type.code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }))
        fields.fail("code", {"Kod: od 1 do 4 małych liter lub cyfr.", "Code: 1 to 4 lower-case letters or digits."});
    bool hex = type.colour.size() == 7 && type.colour[0] == '#' &&
               std::all_of(type.colour.begin() + 1, type.colour.end(),
                           [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    if (!hex) fields.fail("colour", {"Kolor w formacie #RRGGBB.", "A colour as #RRGGBB."});
    if (!kind)
        fields.fail("kind",
                    {"Rodzaj: present, absent, excused albo released.", "Kind: present, absent, excused or released."});
    fields.check();
    type.kind = *kind;
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        for (const auto& existing : types_of(tx, school_id))
            if (existing.code == type.code)
                throw errors::conflict("duplicate_attendance_type",
                                       {"Rodzaj obecności o tym kodzie już istnieje.",
                                        "An attendance type with this code already exists."});
        store::insert_type(tx, school_id, type);
        for (const auto& created : store::types_of(tx, school_id))
            if (created.code == type.code) type = created;
        audit::record(tx, actor, school_id, "attendance_type.create", "attendance_type", type.id, std::nullopt,
                      to_json(type));
        return type;
    });
}

json::object student_attendance(Context& ctx, const auth::Actor& actor, std::int64_t student_id, Date from, Date to) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto student = people::require_student(*tx, actor, student_id);
    std::map<std::string, AttendanceType> types;
    for (const auto& t : known_types(*tx, student.school_id)) types[t.code] = t;
    auto years = school::years_of(*tx, student.school_id);
    std::vector<MarkFact> facts;
    json::array marks, type_list, subject_list;
    std::map<std::int64_t, std::string> subject_names;
    std::set<std::string> used_codes;
    for (const auto& m : store::marks_of_student(*tx, student_id, from, to)) {
        const AttendanceType& type = types[m.code];
        facts.push_back({m.date, m.subject_id, term_of(years, m.date), type.kind});
        subject_names[m.subject_id] = m.subject_name;
        used_codes.insert(m.code);
        // Each type and subject goes once into `types` and `subjects`: a year's marks stay small on the wire.
        marks.push_back(json::object{{"lesson_id", m.lesson_id},
                                     {"date", format_date(m.date)},
                                     {"lesson_number", m.lesson_number},
                                     {"subject_id", m.subject_id},
                                     {"code", m.code}});
    }
    for (const auto& code : used_codes) type_list.push_back(to_json(types[code]));
    for (const auto& [id, name] : subject_names) subject_list.push_back(json::object{{"id", id}, {"name", name}});
    Statistics stats = compute_statistics(facts);
    json::array by_subject, by_term, by_month, at_risk;
    for (const auto& [id, tally] : stats.by_subject) {
        json::object o = tally_json(tally);
        o["subject"] = json::object{{"id", id}, {"name", subject_names[id]}};
        by_subject.push_back(std::move(o));
    }
    for (const auto& [term, tally] : stats.by_term) {
        json::object o = tally_json(tally);
        o["term"] = term;
        by_term.push_back(std::move(o));
    }
    for (const auto& [month, tally] : stats.by_month) {
        json::object o = tally_json(tally);
        o["month"] = month;
        by_month.push_back(std::move(o));
    }
    for (auto id : stats.subjects_at_risk) at_risk.push_back(json::object{{"id", id}, {"name", subject_names[id]}});
    return {{"from", format_date(from)},
            {"to", format_date(to)},
            {"types", std::move(type_list)},
            {"subjects", std::move(subject_list)},
            {"marks", std::move(marks)},
            {"statistics",
             {{"total", tally_json(stats.total)},
              {"by_subject", std::move(by_subject)},
              {"by_term", std::move(by_term)},
              {"by_month", std::move(by_month)},
              {"subjects_at_risk", std::move(at_risk)}}}};
}

}  // namespace kreda::attendance
