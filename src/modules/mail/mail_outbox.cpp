// Templates and the outbox: what is written in the action's transaction.
#include <algorithm>

#include "core/clock.hpp"
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

//! No line breaks in a header's value (no header injection through a name or an address).
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\r', ' ');
    std::replace(text.begin(), text.end(), '\n', ' ');
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

void enqueue(storage::Transaction& tx, const Mail& mail, std::optional<std::int64_t> not_before) {
    std::int64_t now = Clock::now();
    tx.execute(
        "INSERT INTO mail_outbox (to_address, subject, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)",
        {one_line(mail.to), one_line(mail.subject), mail.body, now, std::max(now, not_before.value_or(now))});
    tx.after_commit(wake_sender);
}

std::int64_t backoff_seconds(int attempts) {
    std::int64_t delay = 30;
    for (int i = 1; i < attempts && delay < 3600; ++i) delay *= 2;
    return std::min<std::int64_t>(delay, 3600);
}

}  // namespace kreda::mail
