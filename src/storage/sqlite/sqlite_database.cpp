#include "storage/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <unordered_map>

namespace kreda::storage {

namespace {

class Connection {
  public:
    explicit Connection(const std::string& path) {
        int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw std::runtime_error("cannot open SQLite database " + path + ": " + message);
        }
        sqlite3_busy_timeout(db_, 5000);
        exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    }
    ~Connection() {
        for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
        sqlite3_close(db_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    //! Runs a parameterless statement through the prepared-statement cache (BEGIN, COMMIT, ROLLBACK).
    void run(std::string_view sql) {
        sqlite3_stmt* stmt = prepare(sql);
        int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) throw StorageError(std::string("SQLite: ") + sqlite3_errmsg(db_), false);
    }

    void exec(std::string_view sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error ? error : "unknown error";
            sqlite3_free(error);
            throw StorageError("SQLite: " + message, false);
        }
    }

    sqlite3_stmt* prepare(std::string_view sql) {
        auto it = statements_.find(std::string(sql));
        if (it != statements_.end()) return it->second;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                               nullptr) != SQLITE_OK)
            throw StorageError(std::string("SQLite prepare: ") + sqlite3_errmsg(db_), false);
        statements_.emplace(std::string(sql), stmt);
        return stmt;
    }

    sqlite3* handle() { return db_; }

  private:
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

void bind(sqlite3_stmt* stmt, const Params& params) {
    for (std::size_t i = 0; i < params.size(); ++i) {
        int index = static_cast<int>(i + 1);
        const auto& raw = params[i].raw();
        if (auto* n = std::get_if<std::int64_t>(&raw))
            sqlite3_bind_int64(stmt, index, *n);
        else if (auto* d = std::get_if<double>(&raw))
            sqlite3_bind_double(stmt, index, *d);
        else if (auto* s = std::get_if<std::string>(&raw))
            sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(stmt, index);
    }
}

Value column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER:
            return Value(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)));
        case SQLITE_FLOAT:
            return Value(sqlite3_column_double(stmt, i));
        case SQLITE_NULL:
            return Value();
        default: {
            auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            return Value(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
        }
    }
}

class SqliteTransaction : public Transaction {
  public:
    SqliteTransaction(Connection& connection, std::function<void()> release, bool write)
        : connection_(connection), release_(std::move(release)) {
        connection_.run(write ? "BEGIN IMMEDIATE" : "BEGIN");
    }
    ~SqliteTransaction() override {
        if (!done_) {
            try {
                connection_.run("ROLLBACK");
            } catch (...) {
            }
        }
        release_();
    }

    Rows query(std::string_view sql, const Params& params) override {
        sqlite3_stmt* stmt = connection_.prepare(sql);
        bind(stmt, params);
        Rows rows;
        int count = sqlite3_column_count(stmt);
        for (int i = 0; i < count; ++i) rows.columns.emplace_back(sqlite3_column_name(stmt, i));
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            Row row;
            row.reserve(static_cast<std::size_t>(count));
            for (int i = 0; i < count; ++i) row.push_back(column(stmt, i));
            rows.rows.push_back(std::move(row));
        }
        finish(stmt, rc);
        return rows;
    }

    std::int64_t execute(std::string_view sql, const Params& params) override {
        sqlite3_stmt* stmt = connection_.prepare(sql);
        bind(stmt, params);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        finish(stmt, rc);
        return sqlite3_changes64(connection_.handle());
    }

    void execute_script(std::string_view sql) override { connection_.exec(sql); }

    void commit() override {
        committing();
        connection_.run("COMMIT");
        done_ = true;
        committed();
    }

  private:
    void finish(sqlite3_stmt* stmt, int rc) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (rc != SQLITE_DONE) {
            int extended = sqlite3_extended_errcode(connection_.handle());
            bool constraint = (extended & 0xff) == SQLITE_CONSTRAINT;
            throw StorageError(std::string("SQLite: ") + sqlite3_errmsg(connection_.handle()), constraint);
        }
    }

    Connection& connection_;
    std::function<void()> release_;
    bool done_ = false;
};

class SqliteDatabase : public Database {
  public:
    SqliteDatabase(const std::string& path, int readers) : writer_(path) {
        for (int i = 0; i < readers; ++i) readers_.push_back(std::make_unique<Connection>(path));
        for (auto& r : readers_) idle_.push_back(r.get());
    }

    std::unique_ptr<Transaction> begin(Access access) override {
        if (access == Access::Write) {
            writer_lock_.lock();
            try {
                return std::make_unique<SqliteTransaction>(
                    writer_, [this] { writer_lock_.unlock(); }, true);
            } catch (...) {
                writer_lock_.unlock();
                throw;
            }
        }
        std::unique_lock lock(pool_mutex_);
        pool_ready_.wait(lock, [this] { return !idle_.empty(); });
        Connection* reader = idle_.back();
        idle_.pop_back();
        lock.unlock();
        auto give_back = [this, reader] {
            std::lock_guard guard(pool_mutex_);
            idle_.push_back(reader);
            pool_ready_.notify_one();
        };
        try {
            return std::make_unique<SqliteTransaction>(*reader, give_back, false);
        } catch (...) {
            give_back();
            throw;
        }
    }

    Dialect dialect() const override { return Dialect::Sqlite; }

  private:
    Connection writer_;
    std::mutex writer_lock_;
    std::vector<std::unique_ptr<Connection>> readers_;
    std::vector<Connection*> idle_;
    std::mutex pool_mutex_;
    std::condition_variable pool_ready_;
};

}  // namespace

Database* open_sqlite(const std::string& path, int readers) {
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    return new SqliteDatabase(path, readers < 1 ? 1 : readers);
}

}  // namespace kreda::storage
