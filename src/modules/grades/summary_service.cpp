// Term and annual grades per subject (by the subject's teacher) and behaviour (by the homeroom teacher).
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/grades/grades_support.hpp"

namespace kreda::grades {

namespace {

struct Entry {
    std::int64_t student_id = 0;
    std::optional<std::string> value;  //!< none clears
    std::string description;
};

//! {kind, grades: [{student_id, value, description?}]}; `read` turns a typed value into the stored one.
template <typename Read>
std::pair<SummaryKind, std::vector<Entry>> read_entries(const json::object& input,
                                                        const std::map<std::int64_t, people::StudentSummary>& students,
                                                        Read read) {
    json::FieldReader fields(input);
    auto kind = parse_summary_kind(fields.text("kind", 20));
    if (!kind)
        fields.fail("kind", {"Rodzaj: predicted_term, term, predicted_annual albo annual.",
                             "Kind: predicted_term, term, predicted_annual or annual."});
    const json::array* list = input.contains("grades") ? input.at("grades").if_array() : nullptr;
    if (!list || list->size() > 60)
        fields.fail("grades", {"Lista ocen (najwyżej 60).", "A list of grades (at most 60)."});
    std::vector<Entry> entries;
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        std::string at = "grades[" + std::to_string(i) + "]";
        const auto* o = (*list)[i].if_object();
        auto id =
            o && o->contains("student_id") && (*o).at("student_id").is_int64() ? o->at("student_id").as_int64() : 0;
        auto student = students.find(id);
        if (student == students.end()) {
            fields.fail(
                at, {"Ten uczeń nie należy do tej klasy ani grupy.", "This student is not in this class or group."});
            continue;
        }
        Entry e{id, std::nullopt, ""};
        if (o->contains("description") && o->at("description").is_string())
            e.description = json::utf8_prefix(std::string(o->at("description").as_string()), 4000);
        const auto& v = o->contains("value") ? o->at("value") : json::value(nullptr);
        if (!v.is_null()) {
            std::string typed = v.is_string()  ? std::string(v.as_string())
                                : v.is_int64() ? std::to_string(v.as_int64())
                                               : "";
            Text why;
            e.value = read(typed, why);
            if (!e.value)
                fields.fail(at, {name_of(student->second) + ": „" + typed + "” — " + why.pl,
                                 name_of(student->second) + ": \"" + typed + "\" — " + why.en});
        }
        entries.push_back(std::move(e));
    }
    fields.check();
    return {*kind, std::move(entries)};
}

std::optional<std::string> text_of(const std::optional<store::SummaryRow>& row) {
    if (!row) return std::nullopt;
    return row->value.empty() ? row->description : row->value;
}

}  // namespace

json::object set_summary_grades(Context& ctx, const auth::Actor& actor, std::int64_t assignment_id,
                                const json::object& input) {
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto a = require_assignment(tx, actor, assignment_id, auth::Action::EnterGrades);
        std::int64_t school_id = *actor.school_id;
        std::map<std::int64_t, people::StudentSummary> students;
        for (auto& s : students_of(tx, school_id, a)) students.emplace(s.id, s);
        auto [kind, entries] = read_entries(input, students, [](const std::string& typed, Text& why) {
            auto grade = parse_whole_grade(typed);
            if (!grade)
                why = {"ocena śródroczna i roczna to cała ocena od 1 do 6.",
                       "term and annual grades are whole, 1 to 6."};
            return grade ? std::optional<std::string>(std::to_string(*grade)) : std::nullopt;
        });
        auto year = year_at(tx, school_id, today());
        std::map<std::int64_t, store::SummaryRow> current;
        for (const auto& s : store::summaries_of_subject(tx, a.subject.id, year.id, a.class_id))
            if (s.kind == kind) current[s.student_id] = s;
        json::array saved;
        for (const auto& e : entries) {
            std::optional<store::SummaryRow> before;
            if (current.count(e.student_id)) before = current[e.student_id];
            bool clear = !e.value && e.description.empty();
            store::SummaryRow row{e.student_id,  a.subject.id,  kind, e.value.value_or(""),
                                  e.description, actor.user_id, 0};
            std::optional<store::SummaryRow> after;
            if (!clear) after = row;
            if (text_of(before) == text_of(after) && (!before || before->description == row.description)) continue;
            store::put_summary(tx, school_id, year.id, row, clear);
            cache::bump_student(tx, e.student_id);
            if (before)  // a first entry is news, not a change; changing or clearing one is history
                record_change(
                    tx, actor, school_id, e.student_id, year.id,
                    {0, a.subject.id, std::nullopt, std::string(to_string(kind)), text_of(before), text_of(after)});
            audit::record(
                tx, actor, school_id, "summary_grade.set", "student", e.student_id,
                json::object{{"subject_id", a.subject.id},
                             {"kind", to_string(kind)},
                             {"value", text_of(before) ? json::value(*text_of(before)) : json::value(nullptr)}},
                json::object{{"subject_id", a.subject.id},
                             {"kind", to_string(kind)},
                             {"value", text_of(after) ? json::value(*text_of(after)) : json::value(nullptr)}});
            saved.push_back(json::object{{"student_id", e.student_id},
                                         {"value", e.value ? json::value(std::stoi(*e.value)) : json::value(nullptr)},
                                         {"description", e.description}});
        }
        return json::object{{"kind", to_string(kind)}, {"saved", std::move(saved)}};
    });
}

}  // namespace kreda::grades
