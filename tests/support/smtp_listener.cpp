#include "support/smtp_listener.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "support/loopback.hpp"

namespace kreda::test {

namespace {

bool send_line(int fd, const std::string& line) {
    std::string out = line + "\r\n";
    return ::send(fd, out.data(), out.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(out.size());
}

//! One line without its CRLF; nothing when the peer is gone or silent for 10 s.
std::optional<std::string> read_line(int fd, std::string& buffer) {
    while (true) {
        auto end = buffer.find("\r\n");
        if (end != std::string::npos) {
            std::string line = buffer.substr(0, end);
            buffer.erase(0, end + 2);
            return line;
        }
        pollfd waiting{fd, POLLIN, 0};
        if (::poll(&waiting, 1, 10000) <= 0) return std::nullopt;
        char chunk[4096];
        ssize_t got = ::recv(fd, chunk, sizeof chunk, 0);
        if (got <= 0) return std::nullopt;
        buffer.append(chunk, static_cast<std::size_t>(got));
    }
}

std::string upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

SmtpListener::SmtpListener() : listen_fd_(listen_on_loopback(port_)) {
    thread_ = std::thread([this] { accept_each(listen_fd_, stopping_, [this](int fd) { session(fd); }); });
}

SmtpListener::~SmtpListener() {
    stopping_ = true;
    close_listener(listen_fd_);
    thread_.join();
}

void SmtpListener::session(int fd) {
    std::string buffer;
    ReceivedMail mail;
    send_line(fd, "220 kreda-test ESMTP");
    while (auto line = read_line(fd, buffer)) {
        std::string verb = upper(line->substr(0, 4));
        if (verb == "EHLO" || verb == "HELO") {
            send_line(fd, "250 kreda-test");
        } else if (verb == "MAIL") {
            mail = {};
            mail.from = line->substr(line->find(':') + 1);
            send_line(fd, "250 OK");
        } else if (verb == "RCPT") {
            if (refusing_) {
                ++refused_;
                send_line(fd, "451 4.3.0 try again later");
                continue;
            }
            mail.to = line->substr(line->find(':') + 1);
            send_line(fd, "250 OK");
        } else if (verb == "DATA") {
            send_line(fd, "354 go ahead");
            while (auto data = read_line(fd, buffer)) {
                if (*data == ".") break;
                mail.data += (data->rfind("..", 0) == 0 ? data->substr(1) : *data) + "\r\n";
            }
            {
                std::lock_guard guard(mutex_);
                mails_.push_back(mail);
            }
            send_line(fd, "250 queued");
        } else if (verb == "QUIT") {
            send_line(fd, "221 bye");
            return;
        } else if (verb == "RSET" || verb == "NOOP") {
            send_line(fd, "250 OK");
        } else {
            send_line(fd, "502 not implemented");
        }
    }
}

std::optional<ReceivedMail> SmtpListener::wait_for(const std::string& to, const std::string& needle,
                                                   std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        for (const auto& m : received())
            if (m.to.find(to) != std::string::npos && m.data.find(needle) != std::string::npos) return m;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return std::nullopt;
}

std::vector<ReceivedMail> SmtpListener::received() const {
    std::lock_guard guard(mutex_);
    return mails_;
}

SmtpListener& smtp() {
    static SmtpListener listener;
    return listener;
}

}  // namespace kreda::test
