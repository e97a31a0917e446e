// `kreda demo`: a realistic demo school (staff of every role, 8 classes of about 20 students with their
// parents, some siblings), ready sign-ins printed and written as JSON, then the server.
#include <array>
#include <fstream>
#include <iostream>
#include <map>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "app/demo_names.hpp"
#include "core/crypto.hpp"
#include "modules/family/family.hpp"
#include "modules/notify/notify.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"
#include "modules/people/signin.hpp"
#include "modules/school/school.hpp"
#include "storage/migrations.hpp"

namespace kreda::app {

namespace {

constexpr std::string_view kFirstSchool = "Szkoła Podstawowa nr 1 im. Marii Skłodowskiej-Curie w Krakowie";
constexpr std::array<std::string_view, 8> kClasses = {"1a", "2a", "3b", "4a", "5c", "6a", "7b", "8a"};
// Class sizes as they come: grades 1–3 stay within the legal 25, 8a is a full class of 30.
constexpr std::array<int, 8> kClassSizes = {20, 22, 19, 24, 21, 18, 26, 30};

struct ReadySignIn {
    std::string role, login, password, name;
    std::int64_t user_id = 0;
};

std::string school_name(int index) {
    if (index == 1) return std::string(kFirstSchool);
    return "Szkoła Podstawowa nr " + std::to_string(index) + " w Krakowie";
}

auth::Actor actor_for(const people::User& user) {
    auth::Actor actor;
    actor.user_id = user.id;
    actor.school_id = user.school_id;
    actor.role = user.role;
    actor.login = user.login;
    actor.address = "kreda-demo";
    return actor;
}

}  // namespace

auth::Actor acting_as(std::int64_t user_id, auth::Role role, std::int64_t school_id) {
    auth::Actor actor;
    actor.user_id = user_id;
    actor.role = role;
    actor.school_id = school_id;
    actor.login = "kreda-demo";
    actor.address = "kreda-demo";
    return actor;
}

namespace {

void seed_school(Context& ctx, const auth::Actor& system, int index) {
    json::object created = school::create(ctx, system,
                                          {{"name", school_name(index)},
                                           {"city", "Kraków"},
                                           {"admin", {{"first_name", "Barbara"}, {"last_name", "Żmuda"}}}});
    std::int64_t school_id = created["school"].as_object()["id"].as_int64();
    people::User admin_user;
    admin_user.id = created["admin"].as_object()["user"].as_object()["id"].as_int64();
    admin_user.school_id = school_id;
    admin_user.role = auth::Role::Admin;
    admin_user.login = created["admin"].as_object()["user"].as_object()["login"].as_string().c_str();
    auth::Actor admin = actor_for(admin_user);

    const std::vector<std::pair<std::string, int>> staff = {
        {"director", 1}, {"secretary", 1}, {"pedagogue", 1}, {"teacher", 14}};
    int n = 100;
    for (const auto& [role, count] : staff)
        for (int i = 0; i < count; ++i, ++n) {
            PersonName name = demo_name(n, n % 3 != 0);
            people::create_staff(ctx, admin, school_id,
                                 {{"first_name", name.first}, {"last_name", name.last}, {"role", role}});
        }

    // Each class after the first has one child whose elder sibling is in the previous class: one parent account
    // with two children, as a family with two pupils has.
    int child = 0;
    std::int64_t sibling_parent = 0;
    int sibling_child = 0;  // the elder sibling's number, for the family name
    for (std::size_t c = 0; c < kClasses.size(); ++c) {
        auto school_class = organisation::create_class(ctx, admin, school_id, {{"name", kClasses[c]}});
        std::int64_t next_sibling_parent = 0;
        int next_sibling_child = 0;
        for (int i = 0; i < kClassSizes[c]; ++i, ++child) {
            bool girl = child % 2 == 1;
            auto family_of = [](int n) { return n * 7 + 1; };
            PersonName name = demo_name(child, girl);
            json::object input{{"first_name", name.first}, {"class_id", school_class.id}};
            if (i == 3 && sibling_parent != 0) {
                input["parent_id"] = sibling_parent;
                input["last_name"] = surname_for(family_of(sibling_child), girl);
            } else {
                bool mother = child % 3 != 2;
                PersonName parent = demo_name(child + 500, mother);
                input["last_name"] = surname_for(family_of(child), girl);
                input["parent"] =
                    json::object{{"first_name", parent.first}, {"last_name", surname_for(family_of(child), mother)}};
            }
            auto created = people::create_student(ctx, admin, school_id, input);
            if (i == 5) {
                next_sibling_parent = created.parent.id;
                next_sibling_child = child;
            }
        }
        sibling_parent = next_sibling_parent;
        sibling_child = next_sibling_child;
    }
    seed_organisation(ctx, admin, school_id);
    seed_timetable(ctx, admin, school_id);
    seed_lessons(ctx, admin, school_id);
    seed_excuses(ctx, admin, school_id);
    seed_grades(ctx, admin, school_id);
    seed_messages(ctx, admin, school_id);
    seed_terminarz(ctx, admin, school_id);
    seed_changes(ctx, admin, school_id);
}

std::string fresh_password() {
    std::string raw = crypto::random_string(8, "abcdefghjkmnpqrstuvwxyz23456789");
    return "kreda-" + raw.substr(0, 4) + "-" + raw.substr(4);
}

std::vector<ReadySignIn> ready_sign_ins(Context& ctx, const auth::Actor& system, std::int64_t school_id) {
    std::vector<std::pair<std::string, people::User>> picks;
    auth::Actor office = system;
    auto staff = people::list_staff(ctx, office, school_id, std::nullopt);
    auto first_of = [&](auth::Role role, int skip = 0) {
        for (const auto& u : staff)
            if (u.role == role && skip-- == 0) return u;
        return people::User{};
    };
    picks.emplace_back("admin", first_of(auth::Role::Admin));
    picks.emplace_back("director", first_of(auth::Role::Director));
    picks.emplace_back("secretary", first_of(auth::Role::Secretary));
    picks.emplace_back("pedagogue", first_of(auth::Role::Pedagogue));
    picks.emplace_back("homeroom_teacher", first_of(auth::Role::Teacher, 0));
    picks.emplace_back("teacher", first_of(auth::Role::Teacher, 1));
    auto students = people::list_students(ctx, office, school_id, std::nullopt);
    std::map<std::int64_t, int> children;
    for (const auto& s : students)
        for (const auto& p : s.parents) ++children[p.id];
    const people::StudentSummary* sibling_child = nullptr;
    const people::StudentSummary* only_child = nullptr;
    for (const auto& s : students) {
        if (s.parents.empty()) continue;
        if (!sibling_child && children[s.parents[0].id] > 1) sibling_child = &s;
        if (!only_child && children[s.parents[0].id] == 1) only_child = &s;
    }
    if (sibling_child) picks.emplace_back("parent", sibling_child->parents[0]);
    if (only_child) {
        picks.emplace_back("parent", only_child->parents[0]);
        people::User student;
        student.id = only_child->id;
        student.school_id = school_id;
        student.login = only_child->login;
        student.role = auth::Role::Student;
        student.first_name = only_child->first_name;
        student.last_name = only_child->last_name;
        picks.emplace_back("student", student);
    }
    std::vector<ReadySignIn> ready;
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        for (const auto& [role, user] : picks) {
            if (user.id == 0) continue;
            std::string password = fresh_password();
            people::set_password(tx, user.id, password);
            ready.push_back({role, user.login, password, user.first_name + " " + user.last_name, user.id});
        }
    });
    // The parent of one child wants grades and messages by e-mail at once and announcements in the day's digest:
    // what the demo's teachers do then shows at /dev/mail.
    if (!picks.empty() && picks.back().first == "student") {
        const people::User* parent = nullptr;
        for (const auto& [role, user] : picks)
            if (role == "parent") parent = &user;
        if (parent) {
            people::update_user(ctx, office, school_id, parent->id, {{"email", "rodzic.demo@example.pl"}});
            auto as_parent = acting_as(parent->id, auth::Role::Parent, school_id);
            notify::set_preferences(
                ctx, as_parent, {{"channels", {{"grades", "email"}, {"messages", "email"}, {"notices", "digest"}}}});
        }
    }
    return ready;
}

void write_logins(const std::vector<ReadySignIn>& ready, const std::string& path) {
    json::array out;
    for (const auto& r : ready)
        out.push_back(json::object{{"role", r.role}, {"login", r.login}, {"password", r.password}, {"name", r.name}});
    std::ofstream(path) << json::to_string(out) << "\n";
}

}  // namespace

int demo(const ServeConfig& config, const DemoOptions& options) {
    crypto::init();
    auto opened = storage::Database::open(config.db, config.workers + 1);
    if (!opened) {
        std::cerr << "kreda: " << opened.error() << "\n";
        return 1;
    }
    auto& db = **opened;
    storage::migrate(db);
    auth::Sessions sessions(db, false);
    auth::RateLimiter limiter;
    Context ctx{db, sessions, limiter, config.settings};
    ctx.settings.files_dir = files_dir_for(config.settings, config.db);
    if (config.settings.public_url == Settings{}.public_url && config.port != 8080)
        ctx.settings.public_url = "http://localhost:" + std::to_string(config.port);
    auth::Actor system;
    system.role = auth::Role::Operator;
    system.login = "kreda-demo";
    system.address = "kreda-demo";

    std::map<std::string, std::int64_t> existing;
    for (const auto& s : school::list(ctx, system)) existing[s.name] = s.id;
    for (int i = 1; i <= options.schools; ++i)
        if (!existing.count(school_name(i))) {
            std::cout << "kreda demo: creating " << school_name(i) << "\n";
            seed_school(ctx, system, i);
        }
    for (const auto& s : school::list(ctx, system)) existing[s.name] = s.id;

    // The office actor of the first school picks the accounts that get ready sign-ins.
    auth::Actor office = system;
    office.role = auth::Role::Admin;
    office.school_id = existing[school_name(1)];
    auto ready = ready_sign_ins(ctx, office, *office.school_id);
    // A family account over the parent of several children and the student with ready sign-ins: the child
    // switcher across linked accounts (an account of any other school links the same way).
    std::vector<std::int64_t> linked;
    for (const auto& r : ready)
        if (r.role == "parent" || r.role == "student") linked.push_back(r.user_id);
    if (linked.size() > 1) linked.erase(linked.begin() + 1);  // the first parent, and the student (not their parent)
    std::string family_password = fresh_password();
    family::create_ready_account(ctx, "rodzina.demo@example.pl", family_password, linked);
    ready.push_back({"family", "rodzina.demo@example.pl", family_password, "Konto rodzinne / family account", 0});
    std::string operator_password = fresh_password();
    people::create_operator(ctx, "operator", operator_password, people::IfExists::SetPassword);
    ready.insert(ready.begin(), {"operator", "operator", operator_password, "Operator"});

    std::cout << "\nKreda demo — " << kFirstSchool << "\nSign in at " << ctx.settings.public_url << " as:\n";
    for (const auto& r : ready)
        std::cout << "  " << r.role << std::string(18 - std::min<std::size_t>(17, r.role.size()), ' ') << r.login
                  << std::string(12 - std::min<std::size_t>(11, r.login.size()), ' ') << r.password << "   " << r.name
                  << "\n";
    if (config.settings.smtp_url.empty())
        std::cout << "\nMail stays on this machine: read it at " << ctx.settings.public_url << "/dev/mail\n";
    std::cout << std::endl;
    if (!options.logins_json.empty()) write_logins(ready, options.logins_json);
    if (!options.serve) return 0;
    ServeConfig serving = config;
    serving.settings.public_url = ctx.settings.public_url;
    if (serving.settings.smtp_url.empty()) serving.settings.dev_mail = true;  // no mail leaves: read it at /dev/mail
    return serve(serving);
}

}  // namespace kreda::app
