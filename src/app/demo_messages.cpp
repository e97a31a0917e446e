// The demo school's notice board and mail: announcements to parents, everyone and staff; each homeroom
// teacher's message to the class's parents (read by about half), a parent council per class, parents asking the
// homeroom teacher and a subject teacher, and their answers.
#include "app/demo.hpp"
#include "modules/messages/messages.hpp"
#include "modules/notices/notices.hpp"
#include "modules/organisation/organisation.hpp"
#include "modules/people/people.hpp"

namespace kreda::app {

namespace {

constexpr const char* kClassNews =
    "Szanowni Państwo,\n\nw przyszłym miesiącu planujemy wycieczkę do Kopalni Soli w Wieliczce. Koszt wyniesie "
    "około 120 zł; zgody proszę przekazać przez dziecko do końca tygodnia.\n\nZ pozdrowieniami";
constexpr const char* kQuestions[] = {
    "Dzień dobry,\n\nczy mogłabym prosić o informację, jakie tematy obejmie najbliższy sprawdzian? Syn był "
    "nieobecny w zeszłym tygodniu.\n\nPozdrawiam",
    "Dzień dobry,\n\nuprzejmie informuję, że córka w piątek wyjdzie wcześniej z powodu wizyty u lekarza.\n\n"
    "Z poważaniem",
    "Dzień dobry,\n\nczy jest możliwość poprawy oceny z ostatniej kartkówki?\n\nDziękuję",
};
constexpr const char* kAnswer = "Dzień dobry,\n\ndziękuję za wiadomość — oczywiście, porozmawiamy jutro po lekcjach.";

std::string first_key(const std::vector<messages::RecipientGroup>& groups, const std::string& kind) {
    for (const auto& g : groups)
        if (g.kind == kind) return g.key;
    return "";
}

}  // namespace

void seed_messages(Context& ctx, const auth::Actor& admin, std::int64_t school_id) {
    notices::create(ctx, admin,
                    {{"title", "Zebrania z rodzicami"},
                     {"body",
                      "Zapraszamy na zebrania z wychowawcami klas we wtorek o 17:30. Porozmawiamy o wynikach "
                      "pierwszego okresu i planach na drugi."},
                     {"audience", "parents"}});
    notices::create(ctx, admin,
                    {{"title", "Zbiórka makulatury"},
                     {"body", "Do piątku zbieramy makulaturę przy wejściu od strony boiska. Dziękujemy!"},
                     {"audience", "everyone"}});
    notices::create(ctx, admin,
                    {{"title", "Rada pedagogiczna"},
                     {"body", "Posiedzenie rady pedagogicznej w czwartek o 15:00 w sali 12."},
                     {"audience", "staff"}});
    for (const auto& c : organisation::list_classes(ctx, admin, school_id)) {
        if (!c.homeroom_teacher) continue;
        auto homeroom = acting_as(c.homeroom_teacher->id, auth::Role::Teacher, school_id);
        auto students = people::list_students(ctx, admin, school_id, c.id);
        std::vector<std::int64_t> parents;
        for (const auto& s : students)
            if (!s.parents.empty()) parents.push_back(s.parents.front().id);
        if (parents.size() < 3) continue;
        messages::set_council(ctx, homeroom, c.id, {{"parent_ids", json::array{parents[0], parents[1]}}});
        auto news = messages::send(ctx, homeroom,
                                   {{"to", json::array{"class_parents:" + std::to_string(c.id)}},
                                    {"subject", "Wycieczka klasy " + c.name + " do Wieliczki"},
                                    {"body", kClassNews}});
        std::int64_t news_id = news["id"].as_int64();
        for (std::size_t i = 0; i < parents.size(); i += 2)
            messages::open(ctx, acting_as(parents[i], auth::Role::Parent, school_id), news_id);

        for (std::size_t i = 0; i < 3; ++i) {
            auto parent = acting_as(parents[i], auth::Role::Parent, school_id);
            std::string to;
            {
                auto tx = ctx.db.begin(storage::Access::Read);
                auto groups = messages::recipient_groups(*tx, parent);
                to = first_key(groups, i == 2 ? "teacher" : "homeroom");
            }
            if (to.empty()) continue;
            auto question = messages::send(ctx, parent,
                                           {{"to", json::array{to}},
                                            {"subject", i == 1 ? "Wcześniejsze wyjście" : "Pytanie"},
                                            {"body", kQuestions[i]}});
            if (i == 2) continue;  // the subject teacher has not answered yet
            auto question_id = question["id"].as_int64();
            messages::open(ctx, homeroom, question_id);
            auto answer = messages::send(ctx, homeroom, {{"reply_to", question_id}, {"body", kAnswer}});
            if (i == 0) messages::open(ctx, parent, answer["id"].as_int64());
        }
    }
}

}  // namespace kreda::app
