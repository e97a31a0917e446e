// Changing and removing grades and columns: every change reaches the family's history and the audit.
#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/grades/grades_support.hpp"

namespace kreda::grades {

namespace {

//! The grade, after checking that the actor teaches its assignment.
store::GradeRow grade_for(storage::Transaction& tx, const auth::Actor& actor, std::int64_t grade_id) {
    auto grade = store::find_grade(tx, grade_id);
    if (!grade || !actor.school_id || grade->school_id != *actor.school_id) throw errors::not_found();
    require_assignment(tx, actor, grade->assignment_id, auth::Action::EnterGrades);
    return *grade;
}

//! The column, after checking that the actor teaches its assignment; `subject_id` gets the assignment's subject.
store::ColumnRow column_for(storage::Transaction& tx, const auth::Actor& actor, std::int64_t column_id,
                            std::int64_t* subject_id = nullptr) {
    auto column = store::find_column(tx, column_id);
    if (!column || !actor.school_id || column->school_id != *actor.school_id) throw errors::not_found();
    auto assignment = require_assignment(tx, actor, column->assignment_id, auth::Action::EnterGrades);
    if (subject_id) *subject_id = assignment.subject.id;
    return *column;
}

//! Which grade a history entry is about, as the family knows it: "Sprawdzian, 2026-11-12 (Ułamki)".
std::string detail_of(const store::GradeRow& grade, const Category& category) {
    std::string out = category.name + ", " + format_date(grade.date);
    if (!grade.description.empty()) out += " (" + grade.description + ")";
    return out;
}

}  // namespace

json::object update_grade(Context& ctx, const auth::Actor& actor, std::int64_t grade_id, const json::object& input) {
    json::FieldReader fields(input);
    auto value = fields.optional_text("value", 2000);
    bool has_comment = fields.has("comment");
    std::string comment;
    if (has_comment && !input.at("comment").is_null()) comment = fields.optional_text("comment", 500).value_or("");
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto before = grade_for(tx, actor, grade_id);
        auto settings = settings_of(tx, before.school_id);
        auto categories = by_id(categories_of(tx, before.school_id));
        const Category& category = categories[before.category_id];
        auto after = before;
        if (value) {
            Text why;
            auto mark = parse_mark(*value, category.kind, settings.rules, category.max_points.value_or(0), &why);
            if (!mark)
                throw errors::invalid({{"value", {"„" + *value + "” — " + why.pl, "\"" + *value + "\" — " + why.en}}});
            after.value = mark->symbol;
        }
        if (has_comment) after.comment = comment;
        if (after.value == before.value && after.comment == before.comment) {
            json::object same = grade_json(before, mark_of(before, category, settings), category);
            same["student_id"] = before.student_id;
            same["column_id"] = before.column_id;
            return same;
        }
        store::update_grade(tx, grade_id, after.value, after.comment);
        cache::bump_student(tx, before.student_id);
        bool value_changed = after.value != before.value;
        store::ChangeRow change{0,
                                before.subject_id,
                                grade_id,
                                value_changed ? "grade" : "grade_comment",
                                value_changed ? before.value : before.comment,
                                value_changed ? after.value : after.comment};
        change.detail = detail_of(before, category);
        record_change(tx, actor, before.school_id, before.student_id, before.year_id, change);
        audit::record(tx, actor, before.school_id, "grade.update", "grade", grade_id, audit_json(before),
                      audit_json(after));
        auto stored = *store::find_grade(tx, grade_id);
        json::object out = grade_json(stored, mark_of(stored, category, settings), category);
        out["student_id"] = stored.student_id;
        out["column_id"] = stored.column_id;
        return out;
    });
}

void delete_grade(Context& ctx, const auth::Actor& actor, std::int64_t grade_id) {
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto before = grade_for(tx, actor, grade_id);
        if (store::improvements_of(tx, grade_id) > 0)
            throw errors::conflict("grade_has_improvements",
                                   {"Ta ocena ma poprawę: najpierw usuń poprawę.",
                                    "This grade has an improvement: remove the improvement first."});
        store::delete_grade(tx, grade_id);
        cache::bump_student(tx, before.student_id);
        auto categories = by_id(categories_of(tx, before.school_id));
        store::ChangeRow change{0, before.subject_id, grade_id, "grade", before.value, std::nullopt};
        change.detail = detail_of(before, categories[before.category_id]);
        record_change(tx, actor, before.school_id, before.student_id, before.year_id, change);
        audit::record(tx, actor, before.school_id, "grade.delete", "grade", grade_id, audit_json(before), std::nullopt);
    });
}

json::object update_column(Context& ctx, const auth::Actor& actor, std::int64_t column_id, const json::object& input) {
    json::FieldReader fields(input);
    auto category_id = fields.optional_id("category_id");
    auto date = fields.optional_date("date");
    auto description = fields.has("description") ? fields.optional_text("description", 200).value_or("")
                                                 : std::optional<std::string>{};
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        std::int64_t subject_id = 0;
        auto before = column_for(tx, actor, column_id, &subject_id);
        auto settings = settings_of(tx, before.school_id);
        auto categories = by_id(categories_of(tx, before.school_id));
        auto after = before;
        json::FieldReader problems(input);
        if (date) {
            auto year = year_at(tx, before.school_id, *date);
            if (year.id != before.year_id)
                problems.fail("date", {"Kolumna zostaje w swoim roku szkolnym.", "A column stays in its school year."});
            after.date = *date;
            after.term = term_at(year, *date);
        }
        if (description) after.description = *description;
        auto grades = store::grades_of_columns(tx, before.assignment_id, before.year_id);
        std::erase_if(grades, [&](const auto& g) { return g.column_id != column_id; });
        if (category_id && *category_id != before.category_id) {
            auto found = categories.find(*category_id);
            if (found == categories.end() || (found->second.subject_id && *found->second.subject_id != subject_id)) {
                problems.fail("category_id", {"Nie ma takiej kategorii.", "No such category."});
            } else {
                for (const auto& g : grades)
                    if (!parse_mark(g.value, found->second.kind, settings.rules, found->second.max_points.value_or(0)))
                        problems.fail("category_id", {"Oceny w tej kolumnie nie pasują do tej kategorii.",
                                                      "The grades in this column do not fit this category."});
                after.category_id = *category_id;
            }
        }
        problems.check();
        store::update_column(tx, after);
        for (const auto& g : grades) cache::bump_student(tx, g.student_id);
        if (after.category_id != before.category_id || after.date != before.date) {
            store::refresh_column_grades(tx, after);
            for (const auto& g : grades)
                record_change(tx, actor, before.school_id, g.student_id, g.year_id,
                              {0, g.subject_id, g.id, "grade_column",
                               categories[before.category_id].name + " " + format_date(before.date),
                               categories[after.category_id].name + " " + format_date(after.date)});
        }
        audit::record(tx, actor, before.school_id, "grade_column.update", "grade_column", column_id,
                      column_json(before), column_json(after));
        return column_json(after);
    });
}

void delete_column(Context& ctx, const auth::Actor& actor, std::int64_t column_id) {
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto before = column_for(tx, actor, column_id);
        if (store::grades_in_column(tx, column_id) > 0)
            throw errors::conflict("column_not_empty", {"W kolumnie są oceny: usuń je najpierw.",
                                                        "The column has grades: remove them first."});
        store::delete_column(tx, column_id);
        audit::record(tx, actor, before.school_id, "grade_column.delete", "grade_column", column_id,
                      column_json(before), std::nullopt);
    });
}

}  // namespace kreda::grades
