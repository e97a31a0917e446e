#include "storage/postgres/postgres_database.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <unordered_map>

namespace kreda::storage {

std::string number_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int next = 1;
    char quote = 0;
    for (char c : sql) {
        if (quote) {
            if (c == quote) quote = 0;
            out.push_back(c);
        } else if (c == '\'' || c == '"') {
            quote = c;
            out.push_back(c);
        } else if (c == '?') {
            out += '$' + std::to_string(next++);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

namespace {

constexpr unsigned kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

class Connection {
  public:
    explicit Connection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string message = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw std::runtime_error("cannot connect to PostgreSQL: " + message);
        }
        PQsetNoticeProcessor(
            conn_, [](void*, const char*) {}, nullptr);
    }
    ~Connection() { PQfinish(conn_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }
    PGconn* raw() const { return conn_; }

    PGresult* run(std::string_view sql, const Params& params) {
        const std::string& name = prepared(sql);
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size());
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (params[i].is_null()) {
                values[i] = nullptr;
            } else {
                texts[i] = params[i].as_text();
                values[i] = texts[i].c_str();
            }
        }
        PGresult* result =
            PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
        check(result);
        return result;
    }

    void exec(std::string_view sql) {
        PGresult* result = PQexec(conn_, std::string(sql).c_str());
        check(result);
        PQclear(result);
    }

  private:
    const std::string& prepared(std::string_view sql) {
        auto it = statements_.find(std::string(sql));
        if (it != statements_.end()) return it->second;
        std::string name = "k" + std::to_string(statements_.size());
        PGresult* result = PQprepare(conn_, name.c_str(), number_placeholders(sql).c_str(), 0, nullptr);
        check(result);
        PQclear(result);
        return statements_.emplace(std::string(sql), name).first->second;
    }

    void check(PGresult* result) {
        auto status = PQresultStatus(result);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
        const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        bool constraint = state && state[0] == '2' && state[1] == '3';
        std::string message = PQresultErrorMessage(result);
        PQclear(result);
        throw StorageError("PostgreSQL: " + message, constraint);
    }

    PGconn* conn_;
    std::unordered_map<std::string, std::string> statements_;
};

Value column(PGresult* result, int row, int col) {
    if (PQgetisnull(result, row, col)) return Value();
    const char* text = PQgetvalue(result, row, col);
    switch (PQftype(result, col)) {
        case kBool:
            return Value(static_cast<std::int64_t>(text[0] == 't' ? 1 : 0));
        case kInt2:
        case kInt4:
        case kInt8:
            return Value(static_cast<std::int64_t>(std::strtoll(text, nullptr, 10)));
        case kFloat4:
        case kFloat8:
        case kNumeric:
            return Value(std::strtod(text, nullptr));
        default:
            return Value(std::string(text, static_cast<std::size_t>(PQgetlength(result, row, col))));
    }
}

class PostgresTransaction : public Transaction {
  public:
    PostgresTransaction(Connection& connection, std::function<void(bool)> release, Access access)
        : connection_(connection), release_(std::move(release)) {
        connection_.exec(access == Access::Write ? "BEGIN" : "BEGIN READ ONLY");
    }
    ~PostgresTransaction() override {
        bool healthy = connection_.healthy();
        if (!done_ && healthy) {
            try {
                connection_.exec("ROLLBACK");
            } catch (...) {
                healthy = false;
            }
        }
        release_(healthy);
    }

    Rows query(std::string_view sql, const Params& params) override {
        PGresult* result = connection_.run(sql, params);
        Rows rows;
        int columns = PQnfields(result), count = PQntuples(result);
        for (int c = 0; c < columns; ++c) rows.columns.emplace_back(PQfname(result, c));
        rows.rows.reserve(static_cast<std::size_t>(count));
        for (int r = 0; r < count; ++r) {
            Row row;
            row.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) row.push_back(column(result, r, c));
            rows.rows.push_back(std::move(row));
        }
        PQclear(result);
        return rows;
    }

    std::int64_t execute(std::string_view sql, const Params& params) override {
        PGresult* result = connection_.run(sql, params);
        const char* affected = PQcmdTuples(result);
        std::int64_t count = affected && *affected ? std::strtoll(affected, nullptr, 10) : 0;
        PQclear(result);
        return count;
    }

    void execute_script(std::string_view sql) override { connection_.exec(sql); }

    void notify(std::string_view channel) override { connection_.exec("NOTIFY " + std::string(channel)); }

    void commit() override {
        committing();
        connection_.exec("COMMIT");
        done_ = true;
        committed();
    }

  private:
    Connection& connection_;
    std::function<void(bool)> release_;
    bool done_ = false;
};

//! A connection of its own that LISTENs, and a thread that waits on its socket (waking each second to see
//! whether it should stop); reconnects after a lost connection, and then reports news in case it missed some.
class PostgresListener : public Database::Listener {
  public:
    PostgresListener(std::string url, std::string channel, std::function<void()> on_news)
        : url_(std::move(url)), channel_(std::move(channel)), on_news_(std::move(on_news)) {
        connect();  // the first connection fails loudly; later ones are retried
        thread_ = std::thread([this] { run(); });
    }
    ~PostgresListener() override {
        stopping_ = true;
        thread_.join();
    }

  private:
    void connect() {
        connection_ = std::make_unique<Connection>(url_);
        connection_->exec("LISTEN " + channel_);
    }

    void run() {
        while (!stopping_) {
            if (!connection_ || !connection_->healthy()) {
                try {
                    connect();
                    on_news_();
                } catch (const std::exception&) {
                    connection_.reset();
                    std::this_thread::sleep_for(std::chrono::seconds(1));
                    continue;
                }
            }
            PGconn* raw = connection_->raw();
            pollfd waiting{PQsocket(raw), POLLIN, 0};
            if (poll(&waiting, 1, 1000) <= 0) continue;
            if (!PQconsumeInput(raw)) {
                connection_.reset();
                continue;
            }
            bool news = false;
            while (PGnotify* n = PQnotifies(raw)) {
                news = true;
                PQfreemem(n);
            }
            if (news) on_news_();
        }
    }

    std::string url_, channel_;
    std::function<void()> on_news_;
    std::unique_ptr<Connection> connection_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

class PostgresDatabase : public Database {
  public:
    PostgresDatabase(std::string url, int size) : url_(std::move(url)), capacity_(size) {
        idle_.push_back(std::make_unique<Connection>(url_));  // fail fast on a wrong URL
        created_ = 1;
    }

    std::unique_ptr<Transaction> begin(Access access) override {
        std::unique_ptr<Connection> connection = acquire();
        Connection* raw = connection.release();
        auto release = [this, raw](bool healthy) {
            std::unique_ptr<Connection> owned(raw);
            std::lock_guard guard(mutex_);
            if (healthy)
                idle_.push_back(std::move(owned));
            else
                --created_;
            ready_.notify_one();
        };
        try {
            return std::make_unique<PostgresTransaction>(*raw, release, access);
        } catch (...) {
            release(false);
            throw;
        }
    }

    Dialect dialect() const override { return Dialect::Postgres; }

    std::unique_ptr<Listener> listen(const std::string& channel, std::function<void()> on_news) override {
        return std::make_unique<PostgresListener>(url_, channel, std::move(on_news));
    }

  private:
    std::unique_ptr<Connection> acquire() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return !idle_.empty() || created_ < capacity_; });
        if (!idle_.empty()) {
            auto connection = std::move(idle_.back());
            idle_.pop_back();
            return connection;
        }
        ++created_;
        lock.unlock();
        try {
            return std::make_unique<Connection>(url_);
        } catch (...) {
            std::lock_guard guard(mutex_);
            --created_;
            ready_.notify_one();
            throw;
        }
    }

    std::string url_;
    int capacity_;
    int created_ = 0;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::mutex mutex_;
    std::condition_variable ready_;
};

}  // namespace

Database* open_postgres(const std::string& url, int pool_size) {
    return new PostgresDatabase(url, pool_size < 1 ? 1 : pool_size);
}

}  // namespace kreda::storage
