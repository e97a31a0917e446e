#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "modules/audit/audit.hpp"
#include "modules/grades/grades_support.hpp"

namespace kreda::grades {

namespace {

struct StandardCategory {
    std::string_view name;
    int weight;
    bool counts;
    std::string_view colour;
    ColumnKind kind;
    std::optional<int> max_points;
};

constexpr std::array<StandardCategory, 9> kStandard = {{
    {"Praca klasowa", 5, true, "#b71c1c", ColumnKind::Scale, std::nullopt},
    {"Sprawdzian", 4, true, "#c62828", ColumnKind::Scale, std::nullopt},
    {"Kartkówka", 3, true, "#ef6c00", ColumnKind::Scale, std::nullopt},
    {"Odpowiedź ustna", 2, true, "#1565c0", ColumnKind::Scale, std::nullopt},
    {"Zadanie domowe", 1, true, "#2e7d32", ColumnKind::Scale, std::nullopt},
    {"Aktywność", 1, true, "#6a1b9a", ColumnKind::Scale, std::nullopt},
    {"Projekt", 3, true, "#00838f", ColumnKind::Scale, std::nullopt},
    {"Test punktowy", 0, false, "#455a64", ColumnKind::Points, 50},
    {"Ocena opisowa", 0, false, "#5d4037", ColumnKind::Descriptive, std::nullopt},
}};

std::string_view kind_name(ColumnKind kind) {
    switch (kind) {
        case ColumnKind::Points:
            return "points";
        case ColumnKind::Descriptive:
            return "descriptive";
        case ColumnKind::Scale:
            break;
    }
    return "scale";
}

bool is_colour(const std::string& c) {
    return c.size() == 7 && c[0] == '#' &&
           std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)); });
}

//! Reads a category's fields over `category` (all required when creating).
void read_category(json::FieldReader& fields, Category& category, bool creating, storage::Transaction& tx,
                   std::int64_t school_id) {
    if (creating || fields.has("name")) category.name = fields.text("name", 60);
    if (creating || fields.has("weight")) category.weight = fields.integer("weight", 0, 10);
    if (auto counts = fields.optional_bool("counts")) category.counts = *counts;
    if (creating || fields.has("colour")) {
        category.colour = fields.text("colour", 7);
        if (!is_colour(category.colour)) fields.fail("colour", {"Kolor w formacie #RRGGBB.", "A colour as #RRGGBB."});
    }
    if (creating) {
        auto kind = fields.optional_text("kind", 12).value_or("scale");
        if (kind == "points") {
            category.kind = ColumnKind::Points;
        } else if (kind == "descriptive") {
            category.kind = ColumnKind::Descriptive;
        } else if (kind != "scale") {
            fields.fail("kind", {"Rodzaj: scale, points albo descriptive.", "Kind: scale, points or descriptive."});
        }
    }
    if (fields.has("max_points")) category.max_points = fields.optional_integer("max_points", 1, 1000);
    if (category.kind == ColumnKind::Points && !category.max_points)
        fields.fail("max_points", {"Kategoria punktowa potrzebuje maksymalnej liczby punktów.",
                                   "A points category needs a maximum."});
    if (fields.has("subject_id")) {
        category.subject_id = fields.optional_id("subject_id");
        if (category.subject_id) {
            bool known = false;
            for (const auto& s : organisation::names_of(tx, school_id).subjects)
                known |= s.first == *category.subject_id;
            if (!known) fields.fail("subject_id", {"Nie ma takiego przedmiotu.", "No such subject."});
        }
    }
    if (category.kind != ColumnKind::Scale) category.counts = false;
    fields.check();
}

}  // namespace

std::optional<SummaryKind> parse_summary_kind(std::string_view text) {
    if (text == "predicted_term") return SummaryKind::PredictedTerm;
    if (text == "term") return SummaryKind::Term;
    if (text == "predicted_annual") return SummaryKind::PredictedAnnual;
    if (text == "annual") return SummaryKind::Annual;
    return std::nullopt;
}

std::string_view to_string(SummaryKind kind) {
    switch (kind) {
        case SummaryKind::PredictedTerm:
            return "predicted_term";
        case SummaryKind::Term:
            return "term";
        case SummaryKind::PredictedAnnual:
            return "predicted_annual";
        case SummaryKind::Annual:
            return "annual";
    }
    return "term";
}

json::object to_json(const GradeSettings& s) {
    json::array custom;
    for (const auto& m : s.rules.custom_marks) custom.push_back(json::value(m));
    return {{"plus", s.rules.plus / 100.0},
            {"minus", s.rules.minus / 100.0},
            {"double_minus", s.rules.double_minus / 100.0},
            {"improvement_rule", to_string(s.improvement)},
            {"families_see_averages", s.families_see_averages},
            {"families_see_class_average", s.families_see_class_average},
            {"predicted_visible_from",
             s.predicted_visible_from ? json::value(format_date(*s.predicted_visible_from)) : json::value(nullptr)},
            {"behaviour_points", s.behaviour_points},
            {"behaviour_start_points", s.behaviour_start_points},
            {"custom_marks", std::move(custom)}};
}

json::object to_json(const Category& c) {
    return {{"id", c.id},
            {"subject_id", c.subject_id ? json::value(*c.subject_id) : json::value(nullptr)},
            {"name", c.name},
            {"weight", c.weight},
            {"counts", c.counts},
            {"colour", c.colour},
            {"kind", kind_name(c.kind)},
            {"max_points", c.max_points ? json::value(*c.max_points) : json::value(nullptr)}};
}

GradeSettings settings_of(storage::Transaction& tx, std::int64_t school_id) {
    return store::settings_of(tx, school_id).value_or(GradeSettings{});
}

std::vector<Category> categories_of(storage::Transaction& tx, std::int64_t school_id) {
    auto categories = store::categories_of(tx, school_id);
    if (!categories.empty()) return categories;
    for (const auto& s : kStandard)
        store::insert_category(
            tx, school_id,
            {0, std::nullopt, std::string(s.name), s.weight, s.counts, std::string(s.colour), s.kind, s.max_points});
    cache::bump_school(tx, school_id);
    return store::categories_of(tx, school_id);
}

GradeSettings get_settings(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewSchool, {school_id});
    auto tx = ctx.db.begin(storage::Access::Read);
    return settings_of(*tx, school_id);
}

GradeSettings update_settings(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                              const json::object& input) {
    auth::require(actor, auth::Action::ManageGrading, {school_id});
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        GradeSettings before = settings_of(tx, school_id), after = before;
        json::FieldReader fields(input);
        auto hundredths = [&](std::string_view key, int& out) {
            if (!fields.has(key)) return;
            const auto& v = input.at(key);
            double value = v.is_number() ? v.to_number<double>() : -1;
            if (value < 0.01 || value > 0.99)
                fields.fail(key, {"Wartość od 0,01 do 0,99.", "A value from 0.01 to 0.99."});
            else
                out = static_cast<int>(value * 100 + 0.5);
        };
        hundredths("plus", after.rules.plus);
        hundredths("minus", after.rules.minus);
        if (auto rule = fields.optional_text("improvement_rule", 10)) {
            auto parsed = parse_improvement_rule(*rule);
            if (!parsed)
                fields.fail("improvement_rule", {"Zasada: better, later albo both.", "Rule: better, later or both."});
            else
                after.improvement = *parsed;
        }
        if (auto b = fields.optional_bool("families_see_averages")) after.families_see_averages = *b;
        if (auto b = fields.optional_bool("families_see_class_average")) after.families_see_class_average = *b;
        if (fields.has("predicted_visible_from"))
            after.predicted_visible_from = fields.optional_date("predicted_visible_from");
        if (auto b = fields.optional_bool("behaviour_points")) after.behaviour_points = *b;
        if (auto p = fields.optional_integer("behaviour_start_points", 0, 1000)) after.behaviour_start_points = *p;
        if (fields.has("custom_marks")) {
            after.rules.custom_marks.clear();
            const auto* list = input.at("custom_marks").if_array();
            for (const auto& m : list ? *list : json::array{}) {
                const auto* text = m.if_string();
                std::string mark = text ? std::string(*text) : std::string();
                for (auto& c : mark) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                bool valid = !mark.empty() && json::utf8_length(mark) <= 4 &&
                             !std::isdigit(static_cast<unsigned char>(mark[0])) &&
                             mark.find(',') == std::string::npos &&
                             parse_mark(mark, ColumnKind::Scale, {}) == std::nullopt;
                if (!valid) {
                    fields.fail("custom_marks",
                                {"Własne znaki: do 4 znaków, nie cyfra na początku i nie znak standardowy.",
                                 "Own marks: up to 4 characters, not starting with a digit, not a standard mark."});
                    break;
                }
                after.rules.custom_marks.push_back(mark);
            }
            if (!list) fields.fail("custom_marks", {"Lista znaków.", "A list of marks."});
        }
        fields.check();
        store::save_settings(tx, school_id, after);
        cache::bump_school(tx, school_id);
        audit::record(tx, actor, school_id, "grade_settings.update", "school", school_id, to_json(before),
                      to_json(after));
        return after;
    });
}

std::vector<Category> list_categories(Context& ctx, const auth::Actor& actor, std::int64_t school_id) {
    auth::require(actor, auth::Action::ViewClasses, {school_id});
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        auto categories = store::categories_of(*tx, school_id);
        if (!categories.empty()) return categories;
    }
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) { return categories_of(tx, school_id); });
}

Category create_category(Context& ctx, const auth::Actor& actor, std::int64_t school_id, const json::object& input) {
    auth::require(actor, auth::Action::ManageGrading, {school_id});
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        categories_of(tx, school_id);
        Category category;
        json::FieldReader fields(input);
        read_category(fields, category, true, tx, school_id);
        category.id = store::insert_category(tx, school_id, category);
        cache::bump_school(tx, school_id);
        audit::record(tx, actor, school_id, "grade_category.create", "grade_category", category.id, std::nullopt,
                      to_json(category));
        return category;
    });
}

Category update_category(Context& ctx, const auth::Actor& actor, std::int64_t school_id, std::int64_t category_id,
                         const json::object& input) {
    auth::require(actor, auth::Action::ManageGrading, {school_id});
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto categories = by_id(categories_of(tx, school_id));
        auto found = categories.find(category_id);
        if (found == categories.end()) throw errors::not_found();
        Category before = found->second, after = before;
        json::FieldReader fields(input);
        read_category(fields, after, false, tx, school_id);
        store::update_category(tx, after);
        cache::bump_school(tx, school_id);
        audit::record(tx, actor, school_id, "grade_category.update", "grade_category", category_id, to_json(before),
                      to_json(after));
        return after;
    });
}

}  // namespace kreda::grades
