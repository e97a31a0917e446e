// The background sender of the outbox (see mail_sender.cpp).
#pragma once

#include <string>

#include "core/background.hpp"
#include "modules/mail/mail.hpp"

namespace kreda::mail {

class Sender {
  public:
    Sender(storage::Database& db, Settings settings);
    ~Sender();
    Sender(const Sender&) = delete;
    Sender& operator=(const Sender&) = delete;
    void wake() { loop_.wake(); }

  private:
    //! Sends what is due now; the number of mails tried.
    int deliver_due();
    //! One SMTP transaction; the error text, or empty on success.
    std::string send(const Mail& mail);

    storage::Database& db_;
    Settings settings_;
    BackgroundLoop loop_;  // last: stops before the rest goes
};

//! Wakes this process's sender (after a commit that queued mail).
void wake_sender();

//! No line breaks in a header's value (no header injection through a name or an address).
std::string one_line(std::string text);

}  // namespace kreda::mail
