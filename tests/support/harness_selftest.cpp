// Checks the test harness itself: HttpClient against a tiny loopback echo server, run_cli against /bin/sh,
// the backend helpers, and (when the kreda binary is there) a real server starting and stopping cleanly.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/backend.hpp"
#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace kreda::test {
namespace {
namespace json = boost::json;

//! Answers every request with a JSON echo of it: {method, path, headers, body, connection}. Two paths differ:
//! POST /api/v1/auth/login signs in (a cookie and a csrf_token), /empty answers 204 with no body.
class EchoServer {
  public:
    EchoServer() {
        listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), size) != 0 || ::listen(listener_, 16) != 0 ||
            ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size) != 0)
            throw std::runtime_error("echo server: cannot listen");
        port_ = ntohs(address.sin_port);
        acceptor_ = std::thread([this] { accept_loop(); });
    }
    ~EchoServer() {
        stopping_ = true;
        acceptor_.join();
        for (auto& t : connections_) t.join();
        ::close(listener_);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int connections() const { return connection_count_; }

  private:
    void accept_loop() {
        while (!stopping_) {
            pollfd p{listener_, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) continue;
            int id = ++connection_count_;
            connections_.emplace_back([this, fd, id] { serve(fd, id); });
        }
    }

    void serve(int fd, int id) {
        std::string buffer;
        char chunk[4096];
        while (!stopping_) {
            size_t end = buffer.find("\r\n\r\n");
            if (end == std::string::npos) {
                pollfd p{fd, POLLIN, 0};
                if (::poll(&p, 1, 20) <= 0) continue;
                ssize_t n = ::read(fd, chunk, sizeof chunk);
                if (n <= 0) break;
                buffer.append(chunk, static_cast<size_t>(n));
                continue;
            }
            json::object headers;
            std::string head = buffer.substr(0, end);
            size_t line_end = head.find("\r\n");
            std::string request_line = head.substr(0, line_end);
            size_t content_length = 0;
            for (size_t pos = line_end; pos != std::string::npos && pos < head.size();) {
                size_t next = head.find("\r\n", pos + 2);
                std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
                if (size_t colon = line.find(':'); colon != std::string::npos) {
                    std::string name = line.substr(0, colon);
                    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    std::string value = line.substr(colon + 1);
                    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
                    if (name == "content-length") content_length = std::stoul(value);
                    headers[name] = value;
                }
                pos = next;
            }
            while (buffer.size() < end + 4 + content_length) {
                ssize_t n = ::read(fd, chunk, sizeof chunk);
                if (n <= 0) return (void)::close(fd);
                buffer.append(chunk, static_cast<size_t>(n));
            }
            std::string body = buffer.substr(end + 4, content_length);
            buffer.erase(0, end + 4 + content_length);

            std::string method = request_line.substr(0, request_line.find(' '));
            std::string path = request_line.substr(method.size() + 1, request_line.rfind(' ') - method.size() - 1);
            std::string status = "200 OK", extra, payload;
            if (path == "/empty") {
                status = "204 No Content";
            } else if (path == "/api/v1/auth/login") {
                extra = "Set-Cookie: kreda_session=s3ss10n; HttpOnly; SameSite=Lax; Path=/\r\n";
                payload = json::serialize(json::object{{"token", "s3ss10n"},
                                                       {"csrf_token", "csrf-123"},
                                                       {"user", json::object{{"id", 1}}},
                                                       {"request", json::parse(body)}});
            } else {
                payload = json::serialize(json::object{
                    {"method", method}, {"path", path}, {"headers", headers}, {"body", body}, {"connection", id}});
            }
            std::string response = "HTTP/1.1 " + status + "\r\n" + extra + "X-Echo: yes\r\n";
            if (!payload.empty())
                response +=
                    "Content-Type: application/json\r\nContent-Length: " + std::to_string(payload.size()) + "\r\n";
            else if (status.starts_with("200"))
                response += "Content-Length: 0\r\n";
            response += "\r\n" + payload;
            if (::write(fd, response.data(), response.size()) < 0) break;
        }
        ::close(fd);
    }

    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<int> connection_count_{0};
    std::thread acceptor_;
    std::vector<std::thread> connections_;
};

json::object echo(const Response& response) {
    return response.json().as_object();
}
bool has_header(const Response& response, const char* name) {
    return echo(response).at("headers").as_object().contains(name);
}
std::string sent_header(const Response& response, const char* name) {
    return std::string(echo(response).at("headers").at(name).as_string());
}

TEST(HttpClient, SendsJsonBodiesAsApplicationJson) {
    EchoServer server;
    HttpClient client(server.url());
    Response response = client.post("/api/v1/things?x=1", json::object{{"name", "Łódź"}});
    ASSERT_EQ(response.status, 200) << response;
    EXPECT_EQ(echo(response).at("method"), "POST");
    EXPECT_EQ(echo(response).at("path"), "/api/v1/things?x=1");
    EXPECT_EQ(sent_header(response, "content-type"), "application/json");
    EXPECT_EQ(json::parse(echo(response).at("body").as_string()), (json::object{{"name", "Łódź"}}));
    EXPECT_EQ(response.header("X-ECHO"), "yes");
    EXPECT_EQ(response.headers.at("x-echo"), "yes");
    EXPECT_FALSE(has_header(response, "expect"));
}

TEST(HttpClient, ReusesOneConnection) {
    EchoServer server;
    HttpClient client(server.url());
    for (int i = 0; i < 3; ++i) EXPECT_EQ(client.get("/").status, 200);
    EXPECT_EQ(client.del("/x").status, 200);
    EXPECT_EQ(server.connections(), 1);
}

TEST(HttpClient, LoginKeepsTheCookieAndSendsCsrfOnUnsafeMethodsOnly) {
    EchoServer server;
    HttpClient client(server.url());
    json::value me = client.login("1234567", "secret");
    EXPECT_EQ(client.last_response().status, 200);
    EXPECT_EQ(me.at("token"), "s3ss10n");
    EXPECT_EQ(client.csrf(), "csrf-123");
    EXPECT_EQ(client.cookie("kreda_session"), "s3ss10n");
    EXPECT_NE(client.last_response().header("set-cookie").find("HttpOnly"), std::string::npos);

    Response get = client.get("/api/v1/me");
    EXPECT_EQ(sent_header(get, "cookie"), "kreda_session=s3ss10n");
    EXPECT_FALSE(has_header(get, "x-csrf-token"));
    for (const char* method : {"POST", "PUT", "PATCH", "DELETE"}) {
        Response unsafe = client.request(method, "/x");
        EXPECT_EQ(sent_header(unsafe, "x-csrf-token"), "csrf-123") << method;
        EXPECT_EQ(echo(unsafe).at("method"), method);
    }
    Response without = client.post("/x", json::object{}, {{"X-CSRF-Token", ""}});
    EXPECT_FALSE(has_header(without, "x-csrf-token"));
    Response wrong = client.post("/x", json::object{}, {{"x-csrf-token", "forged"}});
    EXPECT_EQ(sent_header(wrong, "x-csrf-token"), "forged");

    client.clear_cookies();
    EXPECT_FALSE(client.cookie("kreda_session").has_value());
    EXPECT_FALSE(client.csrf().has_value());
    EXPECT_FALSE(has_header(client.get("/"), "cookie"));
    client.set_cookie("kreda_session", "stale");
    EXPECT_EQ(sent_header(client.get("/"), "cookie"), "kreda_session=stale");
}

TEST(HttpClient, LoginSendsCredentialsTotpAndClient) {
    EchoServer server;
    HttpClient client(server.url());
    json::value browser = client.login("1234567", "secret");
    EXPECT_EQ(browser.at("request"),
              (json::object{{"login", "1234567"}, {"password", "secret"}, {"client", "browser"}}));
    json::value app = client.login("admin", "pw", "123456", "app");
    EXPECT_EQ(app.at("request"),
              (json::object{{"login", "admin"}, {"password", "pw"}, {"client", "app"}, {"totp", "123456"}}));
    EXPECT_EQ(sent_header(client.get("/"), "cookie"), "kreda_session=s3ss10n");
}

TEST(HttpClient, BearerAndAcceptLanguage) {
    EchoServer server;
    HttpClient client(server.url());
    Response plain = client.get("/");
    EXPECT_FALSE(has_header(plain, "authorization"));
    EXPECT_FALSE(has_header(plain, "accept-language"));
    EXPECT_EQ(sent_header(plain, "accept"), "application/json");
    client.set_bearer("tok");
    client.set_accept_language("en");
    Response with = client.get("/");
    EXPECT_EQ(sent_header(with, "authorization"), "Bearer tok");
    EXPECT_EQ(sent_header(with, "accept-language"), "en");
    client.set_bearer(std::nullopt);
    EXPECT_FALSE(has_header(client.get("/"), "authorization"));
}

TEST(HttpClient, SendRawSendsTheBytesAsGiven) {
    EchoServer server;
    HttpClient client(server.url());
    Response raw = client.send_raw("POST", "/x", "{\"broken\":");
    EXPECT_EQ(echo(raw).at("body"), "{\"broken\":");
    EXPECT_FALSE(has_header(raw, "content-type"));
    Response typed = client.send_raw("PUT", "/x", "a=1", {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(sent_header(typed, "content-type"), "application/x-www-form-urlencoded");
    EXPECT_EQ(echo(typed).at("method"), "PUT");
    Response empty_post = client.post("/x");
    EXPECT_EQ(sent_header(empty_post, "content-length"), "0");
    EXPECT_FALSE(has_header(empty_post, "content-type"));
}

TEST(HttpClient, EmptyBodyIsJsonNull) {
    EchoServer server;
    HttpClient client(server.url());
    Response response = client.get("/empty");
    EXPECT_EQ(response.status, 204);
    EXPECT_TRUE(response.json().is_null());
    EXPECT_EQ(response.error_code(), "");
    Response error{422, {}, R"({"error":{"code":"invalid_input","message":"x"}})"};
    EXPECT_EQ(error.error_code(), "invalid_input");
    EXPECT_THROW(Response({200, {}, "not json"}).json(), std::runtime_error);
}

TEST(HttpClient, TransportFailureThrows) {
    int port;
    {
        EchoServer server;  // a port that was just free and is closed again
        port = std::stoi(server.url().substr(server.url().rfind(':') + 1));
    }
    HttpClient client("http://127.0.0.1:" + std::to_string(port));
    EXPECT_THROW(client.get("/"), HttpError);
}

//! Runs the test body with KREDA_BIN pointing at another program.
class ScopedBinary {
  public:
    explicit ScopedBinary(const char* path) {
        if (const char* old = std::getenv("KREDA_BIN")) old_ = old;
        ::setenv("KREDA_BIN", path, 1);
    }
    ~ScopedBinary() {
        if (old_)
            ::setenv("KREDA_BIN", old_->c_str(), 1);
        else
            ::unsetenv("KREDA_BIN");
    }

  private:
    std::optional<std::string> old_;
};

TEST(RunCli, PassesStdinAndCollectsOutputAndExitCode) {
    ScopedBinary sh("/bin/sh");
    CliResult result = ServerProcess::run_cli(
        {"-c", "read line; echo \"got $line\"; echo oops >&2; echo \"$KREDA_LOG_REQUESTS $EXTRA\"; exit 3"},
        "hasło123\n", {{"EXTRA", "x"}});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(result.out, "got hasło123\n0 x\n");
    EXPECT_EQ(result.err, "oops\n");
}

TEST(RunCli, SurvivesAProgramThatIgnoresItsInput) {
    ScopedBinary sh("/bin/sh");
    CliResult result = ServerProcess::run_cli({"-c", "exit 0"}, std::string(1 << 20, 'x'));
    EXPECT_EQ(result.exit_code, 0);
}

TEST(RunCli, KillsAProgramThatRunsTooLong) {
    ScopedBinary sh("/bin/sh");
    CliResult result = ServerProcess::run_cli({"-c", "exec sleep 30"}, {}, {}, std::chrono::milliseconds(200));
    EXPECT_EQ(result.exit_code, 128 + 9);
}

TEST(RunCli, MissingBinaryThrows) {
    ScopedBinary missing("/nonexistent/kreda");
    EXPECT_THROW(ServerProcess::run_cli({"--help"}), std::runtime_error);
    EXPECT_THROW(ServerProcess server(fresh_database("missing")), std::runtime_error);
}

TEST(Backend, NamesAreSanitised) {
    EXPECT_EQ(database_name("Login.Throttle-Test/1"), "login_throttle_test_1");
    EXPECT_EQ(database_name("2nd"), "t_2nd");
    EXPECT_EQ(database_name(std::string(100, 'a')).size(), 63u);
}

TEST(Backend, FreshDatabaseIsEmpty) {
    std::string db = fresh_database("Selftest Fresh");
    if (backend_name() == "sqlite") {
        EXPECT_EQ(std::filesystem::path(db), temp_dir() / "selftest_fresh.db");
        EXPECT_FALSE(std::filesystem::exists(db));
    } else {
        EXPECT_TRUE(db.starts_with("postgresql://")) << db;
        EXPECT_TRUE(db.ends_with("/selftest_fresh")) << db;
        EXPECT_EQ(fresh_database("Selftest Fresh"), db);  // dropping and creating again works
    }
}

TEST(ServerProcess, RealServerStartsAndStopsCleanly) {
    if (!std::filesystem::exists(ServerProcess::binary()))
        GTEST_SKIP() << "no kreda binary at " << ServerProcess::binary();
    std::string db = fresh_database("selftest_server");
    CliResult migrate = ServerProcess::run_cli({"migrate", "--db", db});
    ASSERT_EQ(migrate.exit_code, 0) << migrate.err;
    ServerProcess server(db);
    EXPECT_GT(server.port(), 0);
    EXPECT_TRUE(server.running());
    HttpClient client = server.client();
    Response health = client.get("/healthz");
    EXPECT_EQ(health.status, 200) << health;
    EXPECT_EQ(health.json().at("status"), "ok");
    EXPECT_EQ(server.stop(), 0) << server.log();
    EXPECT_FALSE(server.running());
    EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace kreda::test
