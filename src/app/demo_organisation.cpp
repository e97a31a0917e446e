// The demo school's organisation: the 2026/2027 year and its terms, free days, subjects, rooms, the bell
// schedule, homeroom teachers, register numbers, language groups and teaching assignments.
#include "app/demo.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"
#include "modules/school/calendar.hpp"

namespace kreda::app {

namespace {

struct SubjectPlan {
    const char* name;
    const char* short_name;
    int from_grade;  //!< the first grade (1–8) that has it
};

constexpr SubjectPlan kSubjects[] = {
    {"Edukacja wczesnoszkolna", "ew", 1}, {"Język polski", "pol", 4}, {"Matematyka", "mat", 4},
    {"Język angielski", "ang", 1},        {"Historia", "his", 4},     {"Przyroda", "prz", 4},
    {"Biologia", "bio", 5},               {"Geografia", "geo", 5},    {"Fizyka", "fiz", 7},
    {"Chemia", "chem", 7},                {"Informatyka", "inf", 4},  {"Wychowanie fizyczne", "wf", 1},
    {"Muzyka", "muz", 4},                 {"Plastyka", "plas", 4},    {"Religia", "rel", 1},
};

constexpr const char* kBells[][3] = {{"0", "07:10", "07:55"}, {"1", "08:00", "08:45"}, {"2", "08:55", "09:40"},
                                     {"3", "09:50", "10:35"}, {"4", "10:55", "11:40"}, {"5", "11:50", "12:35"},
                                     {"6", "12:45", "13:30"}, {"7", "13:40", "14:25"}, {"8", "14:35", "15:20"}};

struct FreeDayPlan {
    const char* from;
    const char* to;
    const char* name;
};

constexpr FreeDayPlan kFreeDays[] = {
    {"2026-11-02", "2026-11-02", "Dzień wolny od zajęć dydaktycznych"},
    {"2026-11-11", "2026-11-11", "Narodowe Święto Niepodległości"},
    {"2026-12-23", "2026-12-31", "Zimowa przerwa świąteczna"},
    {"2027-01-01", "2027-01-01", "Nowy Rok"},
    {"2027-01-06", "2027-01-06", "Święto Trzech Króli"},
    {"2027-02-15", "2027-02-28", "Ferie zimowe (małopolskie)"},
    {"2027-03-25", "2027-03-30", "Wiosenna przerwa świąteczna"},
    {"2027-05-03", "2027-05-03", "Święto Konstytucji 3 Maja"},
    {"2027-05-27", "2027-05-28", "Boże Ciało"},
};

}  // namespace

void seed_organisation(Context& ctx, const auth::Actor& admin, std::int64_t school_id) {
    school::create_year(ctx, admin, school_id,
                        {{"year_name", "2026/2027"}, {"starts_on", "2026-09-01"}, {"ends_on", "2027-06-25"},
                         {"second_term_starts_on", "2027-01-25"}});
    for (const auto& d : kFreeDays)
        school::create_free_day(ctx, admin, school_id, {{"starts_on", d.from}, {"ends_on", d.to}, {"name", d.name}});
    json::array bells;
    for (const auto& b : kBells) bells.push_back(json::object{{"number", std::stoi(b[0])}, {"starts_at", b[1]}, {"ends_at", b[2]}});
    organisation::set_bell_schedule(ctx, admin, school_id, {{"lessons", std::move(bells)}});
    for (const char* room : {"1", "2", "3", "4", "5", "6", "7", "8", "12", "14", "21", "22", "Sala gimnastyczna", "Pracownia komputerowa"})
        organisation::create_room(ctx, admin, school_id, {{"name", room}});
    std::vector<std::pair<organisation::Subject, int>> subjects;
    for (const auto& s : kSubjects)
        subjects.emplace_back(organisation::create_subject(ctx, admin, school_id, {{"name", s.name}, {"short_name", s.short_name}}),
                              s.from_grade);

    auto teachers = people::list_staff(ctx, admin, school_id, auth::Role::Teacher);
    auto classes = organisation::list_classes(ctx, admin, school_id);
    std::size_t next_teacher = 0;
    auto teacher = [&] { return teachers[next_teacher++ % teachers.size()].id; };
    for (std::size_t c = 0; c < classes.size(); ++c) {
        const auto& school_class = classes[c];
        int grade = school_class.name[0] - '0';
        organisation::update_class(ctx, admin, school_id, school_class.id,
                                   {{"homeroom_teacher_id", teachers[c % teachers.size()].id}});
        organisation::number_register(ctx, admin, school_id, school_class.id);
        auto students = people::list_students(ctx, admin, school_id, school_class.id);
        json::array first_half, second_half;
        for (std::size_t i = 0; i < students.size(); ++i) (i % 2 ? second_half : first_half).push_back(students[i].id);
        auto group1 = organisation::create_group(ctx, admin, school_id,
                                                 {{"class_id", school_class.id}, {"name", "ang gr. 1"}, {"student_ids", first_half}});
        auto group2 = organisation::create_group(ctx, admin, school_id,
                                                 {{"class_id", school_class.id}, {"name", "ang gr. 2"}, {"student_ids", second_half}});
        for (const auto& [subject, from_grade] : subjects) {
            if (grade < from_grade || (grade >= 4 && subject.short_name == "ew")) continue;
            if (subject.short_name == "ang" && grade >= 4) {
                for (auto group : {group1.id, group2.id})
                    organisation::create_assignment(ctx, admin, school_id,
                                                    {{"teacher_id", teacher()}, {"subject_id", subject.id},
                                                     {"class_id", school_class.id}, {"group_id", group}});
                continue;
            }
            organisation::create_assignment(ctx, admin, school_id,
                                            {{"teacher_id", teacher()}, {"subject_id", subject.id}, {"class_id", school_class.id}});
        }
    }
}

}  // namespace kreda::app
