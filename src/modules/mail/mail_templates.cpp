// Mail templates in Polish and English, filled with `{{name}}` values.
#include "core/json.hpp"
#include "modules/mail/mail.hpp"
#include "modules/mail/mail_sender.hpp"

namespace kreda::mail {

namespace {

struct Template {
    Text subject, body;
};

const std::map<std::string, Template>& templates() {
    static const std::map<std::string, Template> all = {
        {"password_reset",
         {{"Kreda: ustaw nowe hasło", "Kreda: set a new password"},
          {"Dzień dobry {{name}},\n\nktoś (mamy nadzieję, że Ty) poprosił o nowe hasło do konta {{login}} w dzienniku "
           "Kreda. Aby je ustawić, otwórz ten adres w ciągu godziny:\n\n{{link}}\n\nAdres działa jeden raz. Jeśli to "
           "nie Ty, nic nie rób: Twoje hasło się nie zmieni.\n\n-- \nKreda, dziennik szkolny",
           "Hello {{name}},\n\nsomeone (we hope it was you) asked for a new password for the account {{login}} in the "
           "Kreda school register. To set it, open this address within an hour:\n\n{{link}}\n\nThe address works "
           "once. If it was not you, do nothing: your password stays as it is.\n\n-- \nKreda, the school register"}}},
        {"family_activation",
         {{"Kreda: aktywuj konto rodzinne", "Kreda: activate your family account"},
          {"Dzień dobry,\n\nna ten adres założono konto rodzinne w dzienniku Kreda. Aby je aktywować, otwórz ten "
           "adres do {{deadline}}:\n\n{{link}}\n\nJeśli to nie Ty, nic nie rób: nieaktywowane konto zostanie wtedy "
           "usunięte razem z danymi.\n\n-- \nKreda, dziennik szkolny",
           "Hello,\n\na family account in the Kreda school register was created with this address. To activate it, "
           "open this address by {{deadline}}:\n\n{{link}}\n\nIf it was not you, do nothing: the account will then "
           "be deleted with its data.\n\n-- \nKreda, the school register"}}},
        {"family_parent_consent",
         {{"Kreda: Twoje dziecko prosi o zgodę na konto", "Kreda: your child asks for your consent to an account"},
          {"Dzień dobry,\n\nosoba z adresem {{email}} zakłada konto rodzinne w dzienniku Kreda i podała, że ma "
           "mniej niż 13 lat, a ten adres jako adres rodzica. Konto zacznie działać, gdy rodzic wyrazi zgodę. Aby ją "
           "wyrazić, otwórz ten adres do {{deadline}}:\n\n{{link}}\n\nJeśli się nie zgadzasz albo nie znasz tej "
           "osoby, nic nie rób: konto zostanie wtedy usunięte razem z danymi.\n\n-- \nKreda, dziennik szkolny",
           "Hello,\n\nsomeone with the address {{email}} is creating a family account in the Kreda school register, "
           "says they are under 13 and gave this address as their parent's. The account starts working once a "
           "parent consents. To consent, open this address by {{deadline}}:\n\n{{link}}\n\nIf you do not agree or "
           "do not know this person, do nothing: the account will then be deleted with its data.\n\n-- \nKreda, "
           "the school register"}}},
        {"family_already_registered",
         {{"Kreda: konto z tym adresem już istnieje", "Kreda: an account with this address exists"},
          {"Dzień dobry,\n\nktoś próbował założyć konto rodzinne w dzienniku Kreda z tym adresem, ale konto z tym "
           "adresem już istnieje. Jeśli to Ty, zaloguj się: {{signin}}\nNie pamiętasz hasła? {{reset}}\n\nJeśli to "
           "nie Ty, nic nie rób: nic się nie zmieniło.\n\n-- \nKreda, dziennik szkolny",
           "Hello,\n\nsomeone tried to create a family account in the Kreda school register with this address, but "
           "an account with it exists already. If it was you, sign in: {{signin}}\nForgot the password? "
           "{{reset}}\n\nIf it was not you, do nothing: nothing has changed.\n\n-- \nKreda, the school "
           "register"}}},
        {"family_email_change",
         {{"Kreda: potwierdź nowy adres konta rodzinnego", "Kreda: confirm the family account's new address"},
          {"Dzień dobry,\n\nkonto rodzinne {{old}} w dzienniku Kreda ma się odtąd logować tym adresem. Aby to "
           "potwierdzić, otwórz w ciągu 24 godzin:\n\n{{link}}\n\nJeśli to nie Ty, nic nie rób: nic się nie "
           "zmieni.\n\n-- \nKreda, dziennik szkolny",
           "Hello,\n\nthe family account {{old}} in the Kreda school register is to sign in with this address from "
           "now on. To confirm, open within 24 hours:\n\n{{link}}\n\nIf it was not you, do nothing: nothing will "
           "change.\n\n-- \nKreda, the school register"}}},
        {"family_email_notice",
         {{"Kreda: prośba o zmianę adresu konta", "Kreda: a request to change the account's address"},
          {"Dzień dobry,\n\nktoś zalogowany na Twoje konto rodzinne poprosił, aby odtąd logowało się ono adresem "
           "{{email}}. Zmiana nastąpi dopiero po potwierdzeniu z tamtej skrzynki. Jeśli to nie Ty, ustaw nowe hasło: "
           "{{reset}}\n\n-- \nKreda, dziennik szkolny",
           "Hello,\n\nsomeone signed in to your family account asked for it to sign in with {{email}} from now on. "
           "It changes only once confirmed from that mailbox. If it was not you, set a new password: "
           "{{reset}}\n\n-- \nKreda, the school register"}}},
        {"family_email_moved",
         {{"Kreda: konto rodzinne ma nowy adres", "Kreda: the family account has a new address"},
          {"Dzień dobry,\n\nkonto rodzinne, które logowało się tym adresem, loguje się od teraz adresem {{email}} "
           "(zmianę potwierdzono z tamtej skrzynki). Jeśli to nie Ty, skontaktuj się ze szkołą, a dzieci odłącz od "
           "konta w szkole: hasła kont szkolnych się nie zmieniły.\n\n-- \nKreda, dziennik szkolny",
           "Hello,\n\nthe family account that signed in with this address signs in with {{email}} from now on (the "
           "change was confirmed from that mailbox). If it was not you, contact the school: the school accounts' "
           "passwords have not changed.\n\n-- \nKreda, the school register"}}},
        {"family_email_taken",
         {{"Kreda: konto z tym adresem już istnieje", "Kreda: an account with this address exists"},
          {"Dzień dobry,\n\nktoś poprosił, aby konto rodzinne w dzienniku Kreda logowało się tym adresem, ale konto "
           "z tym adresem już istnieje, więc nic się nie zmieniło. Twoje konto: {{signin}}\n\n-- \nKreda, dziennik "
           "szkolny",
           "Hello,\n\nsomeone asked for a family account in the Kreda school register to sign in with this address, "
           "but an account with it exists already, so nothing has changed. Your account: {{signin}}\n\n-- \nKreda, "
           "the school register"}}},
        {"notification",
         {{"Kreda: {{line}}", "Kreda: {{line}}"},
          {"Dzień dobry {{name}},\n\n{{line}}\n\nWięcej w dzienniku: {{link}}\n\nKtóre zmiany przychodzą e-mailem, "
           "wybierzesz "
           "w ustawieniach powiadomień.\n-- \nKreda, dziennik szkolny",
           "Hello {{name}},\n\n{{line}}\n\nMore in the register: {{link}}\n\nChoose which changes come by e-mail in "
           "the "
           "notification settings.\n-- \nKreda, the school register"}}},
        {"digest",
         {{"Kreda: podsumowanie dnia ({{count}})", "Kreda: the day in short ({{count}})"},
          {"Dzień dobry {{name}},\n\nco nowego w dzienniku:\n\n{{lines}}\nWięcej: {{link}}\n-- \nKreda, dziennik "
           "szkolny",
           "Hello {{name}},\n\nwhat is new in the register:\n\n{{lines}}\nMore: {{link}}\n-- \nKreda, the school "
           "register"}}},
    };
    return all;
}

std::string fill(std::string text, const std::map<std::string, std::string>& values) {
    for (const auto& [name, value] : values) {
        std::string key = "{{" + name + "}}";
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
            text.replace(at, key.size(), value);
    }
    return text;
}

}  // namespace

Mail render(const std::string& template_name, Language language, const std::string& to,
            const std::map<std::string, std::string>& values) {
    const Template& t = templates().at(template_name);
    std::string subject = one_line(fill(t.subject.in(language), values));
    if (json::utf8_length(subject) > 150) subject = json::utf8_prefix(subject, 149) + "…";
    return {one_line(to), subject, fill(t.body.in(language), values)};
}

}  // namespace kreda::mail
