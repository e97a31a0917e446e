#include "support/backend.hpp"

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <system_error>

#include <libpq-fe.h>

namespace kreda::test {
namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

//! The temp dir and its removal at exit.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string base = env("TMPDIR").empty() ? "/tmp" : env("TMPDIR");
        std::string pattern = base + "/kreda-test-XXXXXX";
        if (!::mkdtemp(pattern.data())) throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
        path = pattern;
    }
    ~TempDir() {
        if (env("KREDA_KEEP_TEMP") == "1") return;
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

struct ConnectionDeleter {
    void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};

void execute(PGconn* connection, const std::string& sql) {
    std::unique_ptr<PGresult, ResultDeleter> result(PQexec(connection, sql.c_str()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
        throw std::runtime_error(sql + ": " + PQerrorMessage(connection));
}

//! The cluster URL with its database replaced: postgresql://kreda@127.0.0.1:5432/postgres?x=y → …/<name>?x=y
std::string with_database(const std::string& url, const std::string& name) {
    size_t scheme = url.find("://");
    if (scheme == std::string::npos) throw std::runtime_error("KREDA_TEST_PG_URL is not a URL: " + url);
    size_t authority_end = url.find_first_of("/?", scheme + 3);
    std::string base = url.substr(0, authority_end);
    std::string query;
    if (authority_end != std::string::npos) {
        size_t q = url.find('?', authority_end);
        if (q != std::string::npos) query = url.substr(q);
    }
    return base + "/" + name + query;
}

std::string fresh_postgres_database(const std::string& name) {
    std::string url = env("KREDA_TEST_PG_URL");
    if (url.empty())
        throw std::runtime_error(
            "KREDA_TEST_BACKEND=postgres needs KREDA_TEST_PG_URL (the URL scripts/pg-scratch printed)");
    std::unique_ptr<PGconn, ConnectionDeleter> connection(PQconnectdb(url.c_str()));
    if (PQstatus(connection.get()) != CONNECTION_OK)
        throw std::runtime_error("cannot connect to " + url + ": " + PQerrorMessage(connection.get()));
    // The name is already [a-z0-9_]; quoting keeps keywords (e.g. "user") usable as names.
    execute(connection.get(), "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    execute(connection.get(), "CREATE DATABASE \"" + name + "\"");
    return with_database(url, name);
}

}  // namespace

std::string backend_name() {
    std::string backend = env("KREDA_TEST_BACKEND");
    if (backend.empty() || backend == "sqlite") return "sqlite";
    if (backend == "postgres" || backend == "postgresql") return "postgres";
    throw std::runtime_error("KREDA_TEST_BACKEND must be sqlite or postgres, not " + backend);
}

std::string database_name(std::string_view name) {
    std::string out;
    for (unsigned char c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
        out += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? static_cast<char>(c) : '_';
    }
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "t_" + out;
    if (out.size() > 63) out.resize(63);
    return out;
}

const fs::path& temp_dir() {
    static TempDir dir;
    return dir.path;
}

std::string fresh_database(const std::string& name) {
    std::string clean = database_name(name);
    if (backend_name() == "postgres") return fresh_postgres_database(clean);
    fs::path path = temp_dir() / (clean + ".db");
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ignored;
        fs::remove(path.string() + suffix, ignored);
    }
    return path.string();
}

}  // namespace kreda::test
