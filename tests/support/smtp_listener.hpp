// A real SMTP server on loopback for the API tests: it speaks enough of RFC 5321 for libcurl (EHLO, MAIL, RCPT,
// DATA, QUIT), keeps what it receives, and can be told to refuse mail for a while (to test retries).
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kreda::test {

struct ReceivedMail {
    std::string from, to, data;  //!< `data`: headers and body as sent, CRLF line ends
};

class SmtpListener {
  public:
    SmtpListener();  //!< listens on 127.0.0.1, any free port
    ~SmtpListener();
    SmtpListener(const SmtpListener&) = delete;
    SmtpListener& operator=(const SmtpListener&) = delete;

    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
    //! While true, every RCPT is answered "451 try again later".
    void refuse(bool refusing) { refusing_ = refusing; }
    int refused() const { return refused_; }
    //! The first mail to `to` whose data contains `needle`, waiting up to `timeout`.
    std::optional<ReceivedMail> wait_for(const std::string& to, const std::string& needle,
                                         std::chrono::milliseconds timeout = std::chrono::seconds(10));
    std::vector<ReceivedMail> received() const;

  private:
    void session(int fd);

    int port_ = 0, listen_fd_ = -1;  // this order: the listener sets the port
    std::atomic<bool> stopping_{false}, refusing_{false};
    std::atomic<int> refused_{0};
    mutable std::mutex mutex_;
    std::vector<ReceivedMail> mails_;
    std::thread thread_;
};

//! The listener the API tests' servers send their mail to (started with the first server).
SmtpListener& smtp();

}  // namespace kreda::test
