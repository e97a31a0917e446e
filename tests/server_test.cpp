// The server itself: health, metrics, the API contract, static files, migrations, graceful shutdown.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/scenario.hpp"

namespace kreda::test {
namespace {

class Server : public ApiScenario {};

TEST_F(Server, HealthAndPrometheusMetrics) {
    HttpClient http = server().client();
    auto health = http.get("/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(text_of(health.json(), "status"), "ok");
    http.get("/api/v1/me");
    auto metrics = http.get("/metrics");
    ASSERT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("kreda_http_requests_total{route=\"/api/v1/me\",status=\"401\"}"), std::string::npos);
    EXPECT_NE(metrics.body.find("kreda_http_request_duration_seconds_bucket{le=\"+Inf\"}"), std::string::npos);
    EXPECT_NE(metrics.body.find("kreda_http_open_connections "), std::string::npos);
}

TEST_F(Server, EveryRouteIsInTheOpenApiContract) {
    HttpClient http = server().client();
    auto contract = http.get("/api/v1/openapi.json");
    ASSERT_EQ(contract.status, 200) << "build the web app first: make web";
    auto paths = contract.json().at("paths").as_object();
    auto routes = ServerProcess::run_cli({"routes"});
    ASSERT_EQ(routes.exit_code, 0);
    std::istringstream lines(routes.out);
    std::string method, pattern;
    int checked = 0;
    while (lines >> method >> pattern) {
        if (pattern.rfind("/api/v1/testing", 0) == 0) continue;
        ASSERT_TRUE(paths.contains(pattern)) << pattern << " is missing from docs/openapi.yaml";
        std::string lower = method;
        for (char& c : lower) c = static_cast<char>(std::tolower(c));
        EXPECT_TRUE(paths.at(pattern).as_object().contains(lower)) << method << " " << pattern;
        ++checked;
    }
    EXPECT_GT(checked, 20);
}

TEST_F(Server, TheWebAppIsServedWithCachingAndPrecompressedFiles) {
    HttpClient http = server().client();
    auto index = http.get("/");
    ASSERT_EQ(index.status, 200);
    EXPECT_NE(index.header("content-type").find("text/html"), std::string::npos);
    EXPECT_EQ(index.header("cache-control"), "no-cache");
    auto app_route = http.get("/admin/students");
    EXPECT_EQ(app_route.status, 200) << "the app's own routes load the app";
    EXPECT_EQ(app_route.body, index.body);
    EXPECT_EQ(http.get("/assets/missing-file.js").status, 404);
    EXPECT_EQ(http.get("/assets/..%2f..%2f..%2fetc%2fpasswd").status, 404) << "no way out of the web root";

    std::string root = std::string(KREDA_SOURCE_DIR) + "/web/dist/assets";
    std::string asset;
    for (const auto& entry : std::filesystem::directory_iterator(root))
        if (entry.path().extension() == ".js") asset = entry.path().filename();
    ASSERT_FALSE(asset.empty());
    auto plain = http.get("/assets/" + asset, {{"Accept-Encoding", "identity"}});
    EXPECT_EQ(plain.header("cache-control"), "public, max-age=31536000, immutable");
    ASSERT_TRUE(std::filesystem::exists(root + "/" + asset + ".gz")) << "the web build precompresses its assets";
    auto compressed = http.send_raw("GET", "/assets/" + asset, "", {{"Accept-Encoding", "gzip"}});
    EXPECT_EQ(compressed.header("content-encoding"), "gzip");
}

TEST_F(Server, MigrateIsIdempotent) {
    auto again = ServerProcess::run_cli({"migrate", "--db", server().db()});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("0 migration(s) applied"), std::string::npos) << again.out;
}

std::string raw_exchange_with_sigterm(ServerProcess& process, const std::string& request, int& exit_status) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(process.port()));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return "connect failed";
    (void)!write(fd, request.data(), request.size());
    std::this_thread::sleep_for(std::chrono::milliseconds(15));  // the server is now hashing the password
    std::thread stopper([&] { exit_status = process.stop(); });
    std::string response;
    char buffer[4096];
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) response.append(buffer, static_cast<std::size_t>(n));
    close(fd);
    stopper.join();
    return response;
}

TEST_F(Server, ZSigtermLetsTheInFlightRequestFinishThenExitsZero) {
    std::string body = R"({"login":"root","password":"not-the-password"})";
    std::string request =
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    int exit_status = -1;
    std::string response = raw_exchange_with_sigterm(server(), request, exit_status);
    EXPECT_EQ(response.rfind("HTTP/1.1 401", 0), 0u) << response;
    EXPECT_NE(response.find("Connection: close"), std::string::npos);
    EXPECT_EQ(exit_status, 0);
}

}  // namespace
}  // namespace kreda::test
