#include "app/demo_names.hpp"

#include <array>
#include <string_view>

namespace kreda::app {

namespace {

constexpr std::array<std::string_view, 24> kFemale = {
    "Zofia",      "Zuzanna",   "Hanna",  "Julia",    "Maja",    "Łucja",  "Alicja",    "Oliwia",
    "Małgorzata", "Natalia",   "Amelia", "Wiktoria", "Jadwiga", "Żaneta", "Agnieszka", "Magdalena",
    "Ewa",        "Katarzyna", "Joanna", "Gabriela", "Helena",  "Bożena", "Iga",       "Lena"};
constexpr std::array<std::string_view, 24> kMale = {
    "Jan",       "Antoni",   "Jakub",    "Szymon", "Franciszek", "Łukasz",    "Jędrzej",    "Mikołaj",
    "Stanisław", "Wojciech", "Michał",   "Paweł",  "Tomasz",     "Krzysztof", "Bartłomiej", "Maciej",
    "Piotr",     "Andrzej",  "Grzegorz", "Adam",   "Kacper",     "Filip",     "Zbigniew",   "Józef"};
// Masculine and feminine forms of common surnames.
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kSurnames = {{
    {"Nowak", "Nowak"},
    {"Kowalski", "Kowalska"},
    {"Wiśniewski", "Wiśniewska"},
    {"Wójcik", "Wójcik"},
    {"Kowalczyk", "Kowalczyk"},
    {"Kamiński", "Kamińska"},
    {"Lewandowski", "Lewandowska"},
    {"Zieliński", "Zielińska"},
    {"Szymański", "Szymańska"},
    {"Woźniak", "Woźniak"},
    {"Dąbrowski", "Dąbrowska"},
    {"Kozłowski", "Kozłowska"},
    {"Jankowski", "Jankowska"},
    {"Mazur", "Mazur"},
    {"Kwiatkowski", "Kwiatkowska"},
    {"Krawczyk", "Krawczyk"},
    {"Piotrowski", "Piotrowska"},
    {"Grabowski", "Grabowska"},
    {"Nowakowski", "Nowakowska"},
    {"Pawłowski", "Pawłowska"},
    {"Michalski", "Michalska"},
    {"Król", "Król"},
    {"Wieczorek", "Wieczorek"},
    {"Jabłoński", "Jabłońska"},
    {"Wróbel", "Wróbel"},
    {"Górski", "Górska"},
    {"Śliwiński", "Śliwińska"},
    {"Żak", "Żak"},
    {"Sikora", "Sikora"},
    {"Łęcki", "Łęcka"},
}};

}  // namespace

std::string surname_for(int family, bool female) {
    const auto& pair = kSurnames[static_cast<std::size_t>(family) % kSurnames.size()];
    return std::string(female ? pair.second : pair.first);
}

PersonName demo_name(int n, bool female) {
    const auto& firsts = female ? kFemale : kMale;
    // Step through first names and surnames at different strides so neighbours rarely share both.
    std::size_t first = static_cast<std::size_t>(n * 7 + n / 24) % firsts.size();
    return {std::string(firsts[first]), surname_for(n * 11 + 3, female)};
}

}  // namespace kreda::app
