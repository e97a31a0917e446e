// Importing a whole school's students with their parents from a spreadsheet (CSV): every row is checked first,
// and the import is written in one transaction or not at all; problems are named by line number.
#include <algorithm>
#include <map>
#include <set>

#include "auth/policy.hpp"
#include "core/csv.hpp"
#include "core/error.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"

namespace kreda::people {

namespace {

constexpr std::size_t kMaxRows = 3000;

enum Column { kClass, kNumber, kFirst, kLast, kParentFirst, kParentLast, kParentEmail, kColumns };

// Header names in Polish and English, lower-case.
const std::vector<std::vector<std::string>> kHeaderNames = {
    {"klasa", "class"},
    {"numer", "nr", "numer w dzienniku", "register_number"},
    {"imię", "imie", "first_name"},
    {"nazwisko", "last_name"},
    {"imię rodzica", "imie rodzica", "parent_first_name"},
    {"nazwisko rodzica", "parent_last_name"},
    {"e-mail rodzica", "email rodzica", "parent_email"},
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trimmed(const std::string& s) {
    auto begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos) return "";
    return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

struct Row {
    int line;
    std::string class_name, first, last, parent_first, parent_last, parent_email;
    std::optional<int> number;
};

Text line_error(std::string pl, std::string en) {
    return {std::move(pl), std::move(en)};
}

}  // namespace

json::object import_students(Context& ctx, const auth::Actor& actor, std::int64_t school_id,
                             std::string_view content_type, std::string_view csv_text) {
    auth::require(actor, auth::Action::ManageStudents, {school_id});
    if (content_type.substr(0, 8) != "text/csv")
        throw ApiError(415, "unsupported_media_type", {"Wyślij plik CSV (text/csv).", "Send a CSV file (text/csv)."});
    csv::Parsed parsed = csv::parse(csv_text);
    if (parsed.error_line)
        throw errors::invalid({{"line." + std::to_string(*parsed.error_line),
                                line_error("Niezamknięty cudzysłów.", "An unterminated quote.")}});
    if (parsed.lines.size() < 2)
        throw errors::invalid({{"file", line_error("Plik nie zawiera uczniów.", "The file holds no students.")}});
    if (parsed.lines.size() > kMaxRows + 1)
        throw errors::invalid(
            {{"file", line_error("Najwyżej 3000 uczniów w jednym pliku.", "At most 3000 students per file.")}});

    std::vector<int> column(kColumns, -1);
    const auto& header = parsed.lines.front().fields;
    for (std::size_t i = 0; i < header.size(); ++i)
        for (int c = 0; c < kColumns; ++c)
            for (const auto& name : kHeaderNames[static_cast<std::size_t>(c)])
                if (lower(trimmed(header[i])) == name) column[static_cast<std::size_t>(c)] = static_cast<int>(i);
    for (int c : {kClass, kFirst, kLast, kParentFirst, kParentLast})
        if (column[static_cast<std::size_t>(c)] < 0)
            throw errors::invalid(
                {{"header", line_error("Brak kolumny: " + kHeaderNames[static_cast<std::size_t>(c)][0],
                                       "Missing column: " + kHeaderNames[static_cast<std::size_t>(c)].back())}});

    std::map<std::string, Text> problems;
    std::vector<Row> rows;
    std::set<std::pair<std::string, int>> numbers_in_file;
    for (std::size_t i = 1; i < parsed.lines.size(); ++i) {
        const auto& line = parsed.lines[i];
        auto get = [&](Column c) {
            int at = column[static_cast<std::size_t>(c)];
            return at >= 0 && static_cast<std::size_t>(at) < line.fields.size()
                       ? trimmed(line.fields[static_cast<std::size_t>(at)])
                       : std::string();
        };
        Row row{line.number,       get(kClass),      get(kFirst),       get(kLast),
                get(kParentFirst), get(kParentLast), get(kParentEmail), {}};
        std::string key = "line." + std::to_string(line.number);
        std::string number = get(kNumber);
        if (row.class_name.empty() || row.first.empty() || row.last.empty() || row.parent_first.empty() ||
            row.parent_last.empty()) {
            problems[key] = line_error("Brakuje klasy, imienia lub nazwiska ucznia albo rodzica.",
                                       "The class or a student's or parent's name is missing.");
        } else if (row.class_name.size() > 20 || row.first.size() > 100 || row.last.size() > 100 ||
                   row.parent_first.size() > 100 || row.parent_last.size() > 100) {
            problems[key] = line_error("Za długa wartość.", "A value is too long.");
        } else if (!row.parent_email.empty() && (row.parent_email.find('@') == std::string::npos ||
                                                 row.parent_email.find(' ') != std::string::npos)) {
            problems[key] = line_error("Niepoprawny adres e-mail rodzica: " + row.parent_email,
                                       "Invalid parent e-mail: " + row.parent_email);
        } else if (!number.empty()) {
            int n = 0;
            bool digits = std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (digits && number.size() <= 3) n = std::stoi(number);
            if (n < 1 || n > 99) {
                problems[key] = line_error("Numer w dzienniku musi być liczbą od 1 do 99.",
                                           "The register number must be a number from 1 to 99.");
            } else if (!numbers_in_file.insert({lower(row.class_name), n}).second) {
                problems[key] = line_error("Ten numer w dzienniku powtarza się w klasie " + row.class_name + ".",
                                           "This register number repeats in class " + row.class_name + ".");
            } else {
                row.number = n;
            }
        }
        rows.push_back(std::move(row));
    }
    if (!problems.empty()) throw errors::invalid(problems);

    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        std::map<std::string, std::int64_t> classes;
        json::array created_classes, students;
        std::map<std::string, std::int64_t> parent_by_email;  // rows sharing a parent e-mail are siblings
        std::set<std::pair<std::string, int>> taken;          // register numbers already held in the school
        for (const auto& row : rows) {
            std::string class_key = lower(row.class_name);
            if (!classes.count(class_key)) {
                auto [id, created] = organisation::ensure_class(tx, actor, school_id, row.class_name);
                classes[class_key] = id;
                if (created) created_classes.push_back(json::value(row.class_name));
                for (const auto& existing : students_of_class(tx, school_id, id))
                    if (existing.register_number) taken.insert({class_key, *existing.register_number});
            }
            if (row.number && taken.count({class_key, *row.number}))
                problems["line." + std::to_string(row.line)] =
                    line_error("Ten numer w dzienniku ma już inny uczeń tej klasy.",
                               "Another student of this class already has this register number.");
        }
        if (!problems.empty()) throw errors::invalid(problems);  // rolls back the classes too
        for (const auto& row : rows) {
            NewStudent input;
            input.student = {school_id, auth::Role::Student, row.first, row.last, std::nullopt, ""};
            input.class_id = classes[lower(row.class_name)];
            std::string email = lower(row.parent_email);
            if (!email.empty() && parent_by_email.count(email))
                input.parent_id = parent_by_email[email];
            else
                input.new_parent = NewAccount{school_id,
                                              auth::Role::Parent,
                                              row.parent_first,
                                              row.parent_last,
                                              row.parent_email.empty() ? std::nullopt : std::optional(row.parent_email),
                                              ""};
            CreatedStudent created = create_student_in(tx, actor, school_id, input);
            if (!email.empty()) parent_by_email.emplace(email, created.parent.id);
            if (row.number) organisation::set_register_number(tx, created.student.id, *row.number);
            students.push_back(json::object{{"line", row.line},
                                            {"first_name", row.first},
                                            {"last_name", row.last},
                                            {"class_name", row.class_name},
                                            {"login", created.student.login},
                                            {"parent_login", created.parent.login}});
        }
        return json::object{{"imported", rows.size()},
                            {"classes_created", std::move(created_classes)},
                            {"students", std::move(students)}};
    });
}

}  // namespace kreda::people
