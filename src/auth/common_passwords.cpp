// The most common passwords (world-wide and Polish lists), all of 8 characters or more: shorter ones are
// refused by length already.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "auth/passwords.hpp"

namespace kreda::auth {

namespace {
constexpr std::string_view kCommon[] = {
    "12345678",  "123456789",  "1234567890",    "password",   "password1",  "password12",  "password123", "qwertyuiop",
    "qwerty123", "qwerty12",   "qwerty1234",    "1q2w3e4r",   "1q2w3e4r5t", "zaq12wsx",    "zaq1zaq1",    "zaq1@wsx",
    "1qaz2wsx",  "qazwsxedc",  "11111111",      "00000000",   "88888888",   "12341234",    "87654321",    "11223344",
    "123123123", "abcd1234",   "abc12345",      "iloveyou",   "sunshine",   "princess",    "football",    "baseball",
    "superman",  "starwars",   "whatever",      "trustno1",   "welcome1",   "letmein1",    "passw0rd",    "p@ssw0rd",
    "p@ssword",  "admin123",   "administrator", "haslo123",   "haslo1234",  "haslo12345",  "mojehaslo",   "tajnehaslo",
    "polska123", "polska12",   "polska1",       "kochamcie",  "kocham123",  "mateusz1",    "michal123",   "agnieszka",
    "katarzyna", "magdalena",  "aleksandra",    "krzysztof",  "monika123",  "marcin123",   "lukasz123",   "tomasz123",
    "kasia123",  "ania1234",   "dupa1234",      "12qwaszx",   "qwertyui",   "asdfghjk",    "zxcvbnm1",    "asdfasdf",
    "qweasdzxc", "q1w2e3r4",   "q1w2e3r4t5",    "myszka123",  "misiek123",  "kotek123",    "piesek123",   "szkola123",
    "szkola1",   "dziennik",   "dziennik1",     "librus123",  "librus1",    "uczen123",    "rodzic123",   "nauczyciel",
    "wrzesien",  "styczen1",   "lipiec123",     "legia1916",  "lechpoznan", "wislakrakow", "cracovia",    "krakow123",
    "warszawa",  "warszawa1",  "gdansk123",     "wroclaw1",   "poznan123",  "slonko123",   "skarbie1",    "kochanie",
    "kochanie1", "bananek1",   "12345qwert",    "qwert12345", "1234qwer",   "qwer1234",    "987654321",   "999999999",
    "changeme",  "welcome123", "iloveyou1",     "monkey123",  "dragon123",  "master123",   "computer",    "internet",
    "samsung1",  "minecraft",  "pokemon1",      "zaqwsxcde",  "1234abcd",   "pass1234",    "test1234",    "kreda123",
};
}  // namespace

bool is_common_password(std::string_view password) {
    std::string lower(password);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(std::begin(kCommon), std::end(kCommon), lower) != std::end(kCommon);
}

}  // namespace kreda::auth
