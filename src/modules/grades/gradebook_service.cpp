#include <set>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/feed/feed.hpp"
#include "modules/grades/grades_support.hpp"

namespace kreda::grades {

namespace {

bool applies(const Category& c, std::int64_t subject_id) {
    return !c.subject_id || *c.subject_id == subject_id;
}

//! The column a request's entry names: an existing one of this assignment, or a new one (not yet stored).
store::ColumnRow read_column(json::FieldReader& fields, const json::object& spec, const std::string& at,
                             storage::Transaction& tx, const organisation::Assignment& a, std::int64_t school_id,
                             const school::SchoolYear& year, const CategoryMap& categories) {
    store::ColumnRow column;
    auto prefixed = [&](const json::FieldReader& own) {  // the entry's own problems, named by where they are
        try {
            own.check();
            return true;
        } catch (const ApiError& e) {
            for (const auto& [key, why] : e.fields()) fields.fail(at + "." + key, why);
            return false;
        }
    };
    if (spec.contains("column_id")) {
        json::FieldReader own(spec);
        auto id = own.id("column_id");
        if (!prefixed(own)) return column;
        auto found = store::find_column(tx, id);
        if (!found || found->assignment_id != a.id)
            fields.fail(at + ".column_id",
                        {"Nie ma takiej kolumny w tym dzienniku.", "No such column in this grade book."});
        return found.value_or(column);
    }
    json::FieldReader own(spec);
    column.category_id = own.id("category_id");
    column.date = own.date("date");
    column.description = own.optional_text("description", 200).value_or("");
    if (!prefixed(own)) return column;
    auto category = categories.find(column.category_id);
    if (category == categories.end() || !applies(category->second, a.subject.id))
        fields.fail(at + ".category_id",
                    {"Nie ma takiej kategorii dla tego przedmiotu.", "No such category for this subject."});
    if (column.date < year.starts_on || column.date > year.ends_on)
        fields.fail(at + ".date", {"Data poza rokiem szkolnym " + year.name + ".",
                                   "The date is outside the school year " + year.name + "."});
    column.school_id = school_id;
    column.assignment_id = a.id;
    column.year_id = year.id;
    column.term = term_at(year, column.date);
    return column;
}

Text invalid_value(const people::StudentSummary& s, const std::string& value, const Text& why) {
    return {name_of(s) + ": „" + value + "” — " + why.pl, name_of(s) + ": \"" + value + "\" — " + why.en};
}

}  // namespace

json::object gradebook(Context& ctx, const auth::Actor& actor, std::int64_t assignment_id, std::optional<int> term) {
    if (actor.school_id)
        in_write_transaction(ctx.db, [&](storage::Transaction& tx) { categories_of(tx, *actor.school_id); });
    auto tx = ctx.db.begin(storage::Access::Read);
    auto a = require_assignment(*tx, actor, assignment_id, auth::Action::ViewGradebook);
    std::int64_t school_id = *actor.school_id;
    auto year = year_at(*tx, school_id, today());
    int shown_term = term.value_or(term_at(year, today()));
    auto settings = settings_of(*tx, school_id);
    auto categories = by_id(store::categories_of(*tx, school_id));
    auto students = students_of(*tx, school_id, a);

    json::array columns, grades, category_list, student_list;
    for (const auto& c : store::columns_of(*tx, a.id, year.id))
        if (c.term == shown_term) columns.push_back(column_json(c));
    std::map<std::int64_t, std::vector<GradeFact>> term1, term2;
    for (const auto& g : store::grades_of_columns(*tx, a.id, year.id)) {
        const Category& category = categories[g.category_id];
        Mark mark = mark_of(g, category, settings);
        (g.term == 1 ? term1 : term2)[g.student_id].push_back(fact_of(g, mark, category));
        if (g.term != shown_term) continue;
        json::object o = grade_json(g, mark, category);
        o["student_id"] = g.student_id;
        o["column_id"] = g.column_id;
        grades.push_back(std::move(o));
    }
    std::map<std::int64_t, json::object> summaries;
    for (const auto& s : store::summaries_of_subject(*tx, a.subject.id, year.id, a.class_id))
        summaries[s.student_id][to_string(s.kind)] =
            json::object{{"value", s.value.empty() ? json::value(nullptr) : json::value(std::stoi(s.value))},
                         {"description", s.description}};
    for (const auto& s : students) {
        json::object summary;
        for (auto kind :
             {SummaryKind::PredictedTerm, SummaryKind::Term, SummaryKind::PredictedAnnual, SummaryKind::Annual}) {
            auto& known = summaries[s.id];
            auto found = known.find(to_string(kind));
            summary[to_string(kind)] = found != known.end() ? found->value() : json::value(nullptr);
        }
        student_list.push_back(json::object{
            {"id", s.id},
            {"first_name", s.first_name},
            {"last_name", s.last_name},
            {"register_number", s.register_number ? json::value(*s.register_number) : json::value(nullptr)},
            {"averages", averages_json(term1[s.id], term2[s.id], settings.improvement)},
            {"summary", std::move(summary)}});
    }
    for (const auto& [id, c] : categories)
        if (applies(c, a.subject.id)) category_list.push_back(to_json(c));
    return {{"assignment", organisation::to_json(a)},
            {"year", {{"id", year.id}, {"name", year.name}}},
            {"term", shown_term},
            {"term_starts_on", format_date(term_bounds(year, shown_term).first)},
            {"term_ends_on", format_date(term_bounds(year, shown_term).second)},
            {"can_edit", a.teacher.id == actor.user_id},
            {"rules", to_json(settings)},
            {"categories", std::move(category_list)},
            {"students", std::move(student_list)},
            {"columns", std::move(columns)},
            {"grades", std::move(grades)}};
}

json::object add_grades(Context& ctx, const auth::Actor& actor, const json::object& input) {
    json::FieldReader fields(input);
    std::int64_t assignment_id = fields.id("assignment_id");
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto a = require_assignment(tx, actor, assignment_id, auth::Action::EnterGrades);  // before reading more
        const json::array* specs = input.contains("columns") ? input.at("columns").if_array() : nullptr;
        if (!specs || specs->empty() || specs->size() > 20)
            fields.fail("columns", {"Od 1 do 20 kolumn z ocenami.", "From 1 to 20 columns of grades."});
        fields.check();
        std::int64_t school_id = *actor.school_id;
        auto year = year_at(tx, school_id, today());
        auto settings = settings_of(tx, school_id);
        auto categories = by_id(categories_of(tx, school_id));
        std::map<std::int64_t, people::StudentSummary> students;
        for (auto& s : students_of(tx, school_id, a)) students.emplace(s.id, s);
        std::vector<store::GradeRow> existing;  // of the existing columns named in the request

        struct Planned {
            std::size_t column;
            store::GradeRow grade;
        };
        std::vector<store::ColumnRow> columns;
        std::vector<Planned> planned;
        for (std::size_t i = 0; i < specs->size(); ++i) {
            std::string at = "columns[" + std::to_string(i) + "]";
            const auto* spec = (*specs)[i].if_object();
            if (!spec) {
                fields.fail(at, {"Kolumna to obiekt.", "A column is an object."});
                continue;
            }
            columns.push_back(read_column(fields, *spec, at, tx, a, school_id, year, categories));
            if (columns.back().id != 0)
                for (auto& g : store::grades_of_column(tx, columns.back().id)) existing.push_back(std::move(g));
            const Category& category = categories[columns.back().category_id];
            const json::array* list = spec->contains("grades") ? spec->at("grades").if_array() : nullptr;
            if (!list || list->size() > 60) {
                fields.fail(at + ".grades", {"Lista ocen (najwyżej 60).", "A list of grades (at most 60)."});
                continue;
            }
            std::set<std::int64_t> seen;
            for (std::size_t j = 0; j < list->size(); ++j) {
                std::string cell = at + ".grades[" + std::to_string(j) + "]";
                const auto* entry = (*list)[j].if_object();
                if (!entry) {
                    fields.fail(cell, {"Ocena to obiekt.", "A grade is an object."});
                    continue;
                }
                json::FieldReader own(*entry);
                std::int64_t student_id = own.id("student_id");
                std::string value = entry->contains("value") && entry->at("value").is_string()
                                        ? std::string(entry->at("value").as_string())
                                        : std::string();
                std::string comment = own.optional_text("comment", 500).value_or("");
                auto improves = own.optional_id("improves_id");
                auto written = own.optional_date("date");  // an improvement's own date (default: today)
                try {
                    own.check();
                } catch (const ApiError&) {
                    fields.fail(cell, {"Ocena potrzebuje ucznia (student_id), wartości i opcjonalnie komentarza.",
                                       "A grade needs a student (student_id), a value and optionally a comment."});
                    continue;
                }
                auto student = students.find(student_id);
                if (student == students.end()) {
                    fields.fail(cell, {"Ten uczeń nie należy do tej klasy ani grupy.",
                                       "This student is not in this class or group."});
                    continue;
                }
                Text why;
                auto mark = parse_mark(value, category.kind, settings.rules, category.max_points.value_or(0), &why);
                if (!mark) {
                    fields.fail(cell, invalid_value(student->second, value, why));
                    continue;
                }
                std::int64_t column_id = columns.back().id;
                bool taken = !seen.insert(student_id).second && !improves;
                if (improves) {
                    auto original = std::find_if(existing.begin(), existing.end(),
                                                 [&](const auto& g) { return g.id == *improves; });
                    if (original == existing.end() || original->student_id != student_id ||
                        original->column_id != column_id || column_id == 0)
                        fields.fail(cell, {name_of(student->second) + ": poprawiana ocena musi być w tej kolumnie.",
                                           name_of(student->second) + ": the improved grade must be in this column."});
                } else {
                    for (const auto& g : existing)
                        taken |=
                            column_id != 0 && g.column_id == column_id && g.student_id == student_id && !g.improves_id;
                }
                if (taken)
                    fields.fail(
                        cell, {name_of(student->second) + " ma już ocenę w tej kolumnie: popraw ją albo dodaj poprawę.",
                               name_of(student->second) +
                                   " already has a grade in this column: edit it or add an improvement."});
                store::GradeRow g;
                g.student_id = student_id;
                g.value = mark->symbol;
                g.improves_id = improves;
                g.comment = comment;
                g.date = written.value_or(today());
                planned.push_back({columns.size() - 1, g});
            }
        }
        fields.check();

        cache::bump_class(tx, a.class_id);
        json::array out_columns, out_grades;
        for (auto& c : columns) {
            if (c.id == 0) {
                c.id = store::insert_column(tx, c, actor.user_id);
                audit::record(tx, actor, school_id, "grade_column.create", "grade_column", c.id, std::nullopt,
                              column_json(c));
            }
            out_columns.push_back(column_json(c));
        }
        for (auto& p : planned) {
            const auto& c = columns[p.column];
            auto& g = p.grade;
            g.school_id = school_id;
            g.column_id = c.id;
            g.subject_id = a.subject.id;
            g.year_id = year.id;
            if (!g.improves_id) g.date = c.date;
            g.teacher_id = actor.user_id;
            g.id = store::insert_grade(tx, g);
            audit::record(tx, actor, school_id, "grade.create", "grade", g.id, std::nullopt, audit_json(g));
            g.term = c.term;
            g.category_id = c.category_id;
            g.description = c.description;
            g.modified_at = Clock::now();
            const Category& category = categories[c.category_id];
            json::object o = grade_json(g, mark_of(g, category, settings), category);
            o["student_id"] = g.student_id;
            o["column_id"] = g.column_id;
            json::object news = o;
            news["subject"] = a.subject.name;
            feed::publish(tx, {feed::for_student(school_id, g.student_id, "grade.added", std::move(news))});
            out_grades.push_back(std::move(o));
        }
        return json::object{{"columns", std::move(out_columns)}, {"grades", std::move(out_grades)}};
    });
}

}  // namespace kreda::grades
