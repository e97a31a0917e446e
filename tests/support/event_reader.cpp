#include "support/event_reader.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace kreda::test {

EventReader::EventReader(int port, const std::string& path,
                         const std::vector<std::pair<std::string, std::string>>& headers) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        throw std::runtime_error("cannot connect for an event stream");
    std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
    for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
    request += "\r\n";
    if (::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size()))
        throw std::runtime_error("cannot send an event stream's request");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (raw_.find("\r\n\r\n") == std::string::npos)
        if (!fill(deadline)) throw std::runtime_error("no response head: " + raw_);
    auto end = raw_.find("\r\n\r\n");
    head_ = raw_.substr(0, end);
    raw_.erase(0, end + 4);
    status_ = std::stoi(head_.substr(head_.find(' ') + 1, 3));
    if (head_.find("chunked") == std::string::npos) {  // an error: a plain body
        body_ = raw_;
        raw_.clear();
    }
}

EventReader::~EventReader() {
    if (fd_ >= 0) ::close(fd_);
}

bool EventReader::fill(std::chrono::steady_clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd waiting{fd_, POLLIN, 0};
    if (::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) return false;
    char buffer[8192];
    ssize_t got = ::recv(fd_, buffer, sizeof buffer, 0);
    if (got <= 0) {
        ended_ = true;
        return false;
    }
    raw_.append(buffer, static_cast<std::size_t>(got));
    return true;
}

void EventReader::dechunk() {
    while (true) {
        auto line_end = raw_.find("\r\n");
        if (line_end == std::string::npos) return;
        std::size_t size = std::stoul(raw_.substr(0, line_end), nullptr, 16);
        if (size == 0) ended_ = true;
        if (raw_.size() < line_end + 2 + size + 2) return;
        body_ += raw_.substr(line_end + 2, size);
        raw_.erase(0, line_end + 2 + size + 2);
    }
}

std::optional<SseEvent> EventReader::next(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        dechunk();
        auto end = body_.find("\n\n");
        if (end != std::string::npos) {
            std::string block = body_.substr(0, end);
            body_.erase(0, end + 2);
            SseEvent event;
            std::size_t at = 0;
            while (at <= block.size()) {
                auto line_end = block.find('\n', at);
                std::string line = block.substr(at, line_end == std::string::npos ? std::string::npos : line_end - at);
                at = line_end == std::string::npos ? block.size() + 1 : line_end + 1;
                auto colon = line.find(": ");
                if (line.empty() || line[0] == ':' || colon == std::string::npos) continue;
                std::string field = line.substr(0, colon), value = line.substr(colon + 2);
                if (field == "id") event.id = value;
                if (field == "event") event.event = value;
                if (field == "data") event.data += value;
            }
            if (!event.event.empty() || !event.data.empty()) return event;
            continue;  // a comment or a retry hint
        }
        if (!fill(deadline)) return std::nullopt;
    }
}

std::optional<SseEvent> EventReader::wait_for(const std::string& event, const std::string& needle,
                                              std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        auto got = next(left);
        if (!got) return std::nullopt;
        if (got->event == event && got->data.find(needle) != std::string::npos) return got;
    }
}

}  // namespace kreda::test
