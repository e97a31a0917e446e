// Delivering the outbox over SMTP with libcurl: due mails are claimed (so that two server processes on one
// PostgreSQL never send one twice), sent, and marked sent; a failure is retried later with backoff, and given up
// after kMaxAttempts. The sender looks each second (cheap: an index on due mail) and at once when woken.
#include "modules/mail/mail_sender.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <atomic>
#include <cstring>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"

namespace kreda::mail {

namespace {

std::atomic<Sender*> g_sender{nullptr};

//! A header value in UTF-8 as RFC 2047 (`=?UTF-8?B?…?=`).
std::string encoded_word(const std::string& text) {
    std::string out(sodium_base64_encoded_len(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return "=?UTF-8?B?" + out + "?=";
}

//! The address in "Name <address>", or the whole text.
std::string address_of(const std::string& from) {
    auto open = from.find('<'), close = from.find('>');
    return open != std::string::npos && close != std::string::npos && close > open
               ? from.substr(open + 1, close - open - 1)
               : from;
}

std::string crlf(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

struct Upload {
    std::string data;
    std::size_t at = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    std::size_t n = std::min(size * count, upload->data.size() - upload->at);
    std::memcpy(buffer, upload->data.data() + upload->at, n);
    upload->at += n;
    return n;
}

}  // namespace

void wake_sender() {
    if (Sender* sender = g_sender.load()) sender->wake();
}

Sender::Sender(storage::Database& db, Settings settings)
    : db_(db),
      settings_(std::move(settings)),
      loop_("mail: cannot deliver the outbox", std::chrono::seconds(1), [this] {
          while (deliver_due() > 0 && !loop_.stopping()) {
          }
      }) {
    g_sender = this;
}

Sender::~Sender() {
    g_sender = nullptr;
}

int Sender::deliver_due() {
    struct Due {
        std::int64_t id, next_attempt_at;
        int attempts;
        Mail mail;
    };
    std::vector<Due> due;
    std::int64_t now = Clock::now();
    {
        auto tx = db_.begin(storage::Access::Read);
        for (const auto& r :
             tx->query("SELECT id, next_attempt_at, attempts, to_address, subject, body FROM mail_outbox "
                       "WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? "
                       "ORDER BY id LIMIT 20",
                       {now}))
            due.push_back({r[0].as_int(),
                           r[1].as_int(),
                           static_cast<int>(r[2].as_int()),
                           {r[3].as_text(), r[4].as_text(), r[5].as_text()}});
    }
    int tried = 0;
    for (const auto& d : due) {
        bool mine = in_write_transaction(db_, [&](storage::Transaction& tx) {
            return tx.execute(
                       "UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? AND "
                       "sent_at IS NULL",
                       {now + 300, d.id, d.next_attempt_at}) == 1;
        });
        if (!mine) continue;  // another process took it
        ++tried;
        std::string error = send(d.mail);
        in_write_transaction(db_, [&](storage::Transaction& tx) {
            std::int64_t done = Clock::now();
            if (error.empty()) {
                tx.execute("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?", {done, d.id});
                return;
            }
            int attempts = d.attempts + 1;
            bool give_up = attempts >= kMaxAttempts;
            tx.execute(
                "UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, failed_at = ? "
                "WHERE id = ?",
                {attempts, done + backoff_seconds(attempts), error,
                 give_up ? storage::Value(done) : storage::Value(nullptr), d.id});
            log::error("mail " + std::to_string(d.id) + " to " + d.mail.to + " not sent (attempt " +
                       std::to_string(attempts) + "): " + error);
        });
    }
    return tried;
}

std::string Sender::send(const Mail& mail) {
    CURL* curl = curl_easy_init();
    if (!curl) return "cannot start libcurl";
    Upload upload;
    upload.data = crlf("Date: " + format_instant(Clock::now()) + "\nFrom: " + settings_.mail_from + "\nTo: " + mail.to +
                       "\nSubject: " + encoded_word(mail.subject) + "\nMessage-ID: <" + crypto::random_hex(16) +
                       "@kreda>\nMIME-Version: 1.0\n"
                       "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" +
                       mail.body + "\n");
    std::string from = "<" + address_of(settings_.mail_from) + ">";
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + address_of(mail.to) + ">").c_str());
    curl_easy_setopt(curl, CURLOPT_URL, settings_.smtp_url.c_str());
    if (!settings_.smtp_user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.smtp_user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.smtp_password.c_str());
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));  // never a password in clear
    } else {
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    CURLcode result = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    return result == CURLE_OK ? "" : curl_easy_strerror(result);
}

std::shared_ptr<Sender> start_sender(storage::Database& db, const Settings& settings) {
    if (settings.smtp_url.empty()) return nullptr;
    return std::make_shared<Sender>(db, settings);
}

}  // namespace kreda::mail
