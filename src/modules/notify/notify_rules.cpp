// The pure rules of notifications: groups of kinds, quiet hours, and how a change reads in a mail.
#include "modules/notify/notify.hpp"

namespace kreda::notify {

namespace {

std::string text_of(const json::object& data, std::string_view key) {
    auto it = data.find(key);
    if (it == data.end()) return "";
    if (it->value().is_string()) return std::string(it->value().as_string());
    if (it->value().is_int64()) return std::to_string(it->value().as_int64());
    return "";
}

std::string pick(Language language, std::string pl, std::string en) {
    return language == Language::English ? std::move(en) : std::move(pl);
}

}  // namespace

std::string group_of(std::string_view kind) {
    auto prefix = kind.substr(0, kind.find('.'));
    if (prefix == "grade") return "grades";
    if (prefix == "attendance" || prefix == "excuse") return "attendance";
    if (prefix == "event" || prefix == "homework" || prefix == "timetable" || prefix == "lucky_number")
        return "terminarz";
    if (prefix == "note") return "notes";
    if (prefix == "notice") return "notices";
    if (prefix == "message") return "messages";
    return "other";
}

bool urgent(std::string_view kind) {
    return kind == "timetable.changed";
}

bool in_quiet_hours(int minute, int from, int to) {
    if (from == to) return false;
    return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

std::int64_t quiet_end(std::int64_t now, int minute_now, int from, int to) {
    if (!in_quiet_hours(minute_now, from, to)) return now;
    int wait = (to - minute_now + 1440) % 1440;
    return now + static_cast<std::int64_t>(wait) * 60;
}

std::string describe(std::string_view kind, const json::object& data, Language language) {
    std::string subject = text_of(data, "subject");
    if (subject.empty() && data.contains("subject") && data.at("subject").is_object())
        subject = text_of(data.at("subject").as_object(), "name");
    if (kind == "grade.added")
        return pick(language, "Nowa ocena z przedmiotu " + subject + ": " + text_of(data, "value"),
                    "New grade in " + subject + ": " + text_of(data, "value"));
    if (kind == "grade.changed")
        return pick(language,
                    "Zmiana oceny (" + subject + "): " + text_of(data, "before") + " → " + text_of(data, "after"),
                    "Grade changed (" + subject + "): " + text_of(data, "before") + " → " + text_of(data, "after"));
    if (kind == "attendance.marked") {
        std::string type = text_of(data, "code");
        if (data.contains("type") && data.at("type").is_object())
            type = text_of(data.at("type").as_object(), language == Language::English ? "name_en" : "name_pl");
        return pick(language,
                    "Frekwencja " + text_of(data, "date") + ", lekcja " + text_of(data, "lesson_number") + ": " + type,
                    "Attendance " + text_of(data, "date") + ", lesson " + text_of(data, "lesson_number") + ": " + type);
    }
    if (kind == "excuse.decided")
        return text_of(data, "decision") == "accepted"
                   ? pick(language, "Usprawiedliwienie przyjęte", "Excuse accepted")
                   : pick(language, "Usprawiedliwienie odrzucone: " + text_of(data, "comment"),
                          "Excuse rejected: " + text_of(data, "comment"));
    if (kind == "event.added")
        return pick(language, "W terminarzu " + text_of(data, "date") + ": " + text_of(data, "description"),
                    "In the terminarz on " + text_of(data, "date") + ": " + text_of(data, "description"));
    if (kind == "event.deleted")
        return pick(language, "Odwołane (" + text_of(data, "date") + "): " + text_of(data, "description"),
                    "Called off (" + text_of(data, "date") + "): " + text_of(data, "description"));
    if (kind == "homework.set" || kind == "homework.changed")
        return pick(
            language,
            "Zadanie domowe z przedmiotu " + subject + " na " + text_of(data, "due_on") + ": " + text_of(data, "text"),
            "Homework in " + subject + " due " + text_of(data, "due_on") + ": " + text_of(data, "text"));
    if (kind == "homework.deleted")
        return pick(language, "Odwołane zadanie domowe z przedmiotu " + subject,
                    "Homework in " + subject + " taken back");
    if (kind == "note.added")
        return pick(language, "Uwaga: " + text_of(data, "category"), "Note: " + text_of(data, "category"));
    if (kind == "notice.published")
        return pick(language, "Ogłoszenie: " + text_of(data, "title"), "Announcement: " + text_of(data, "title"));
    if (kind == "message.received") {
        std::string from;
        if (data.contains("from") && data.at("from").is_object())
            from = text_of(data.at("from").as_object(), "first_name") + " " +
                   text_of(data.at("from").as_object(), "last_name");
        return pick(language, "Wiadomość od " + from + ": " + text_of(data, "subject"),
                    "Message from " + from + ": " + text_of(data, "subject"));
    }
    if (kind == "lucky_number.drawn")
        return pick(language, "Szczęśliwy numerek na " + text_of(data, "date") + ": " + text_of(data, "number"),
                    "Lucky number for " + text_of(data, "date") + ": " + text_of(data, "number"));
    if (kind == "timetable.changed") {
        std::string number = text_of(data, "lesson_number");
        std::string subject = text_of(data, "subject");
        std::string what = subject.empty() ? "" : " (" + subject + ")";
        bool withdrawn = data.contains("withdrawn") && data.at("withdrawn").is_bool() && data.at("withdrawn").as_bool();
        if (withdrawn)
            return pick(language, "Odwołano zmianę w planie: " + text_of(data, "date") + ", lekcja " + number + what,
                        "A timetable change was withdrawn: " + text_of(data, "date") + ", lesson " + number + what);
        return pick(language, "Zmiana w planie lekcji: " + text_of(data, "date") + ", lekcja " + number + what,
                    "Timetable change: " + text_of(data, "date") + ", lesson " + number + what);
    }
    return std::string(kind);
}

}  // namespace kreda::notify
