// The storage interface: a Database hands out Transactions; statements use `?` placeholders and the same
// text runs on SQLite and PostgreSQL (the drivers translate). No driver headers leak past this file.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace kreda::storage {

enum class Dialect { Sqlite, Postgres };

//! One SQL value: NULL, a 64-bit integer, a double or text.
class Value {
  public:
    using Variant = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
    Value() : v_(nullptr) {}
    Value(std::nullptr_t) : v_(nullptr) {}
    Value(int v) : v_(static_cast<std::int64_t>(v)) {}
    Value(std::int64_t v) : v_(v) {}
    Value(bool v) : v_(static_cast<std::int64_t>(v ? 1 : 0)) {}
    Value(double v) : v_(v) {}
    Value(std::string v) : v_(std::move(v)) {}
    Value(std::string_view v) : v_(std::string(v)) {}
    Value(const char* v) : v_(std::string(v)) {}
    template <typename T>
    Value(const std::optional<T>& v) : v_(nullptr) {
        if (v) *this = Value(*v);
    }

    bool is_null() const { return std::holds_alternative<std::nullptr_t>(v_); }
    std::int64_t as_int() const;
    double as_double() const;
    std::string as_text() const;
    bool as_bool() const { return as_int() != 0; }
    const Variant& raw() const { return v_; }

  private:
    Variant v_;
};

using Row = std::vector<Value>;

//! Rows returned by a query, with column names for readers that want them.
struct Rows {
    std::vector<std::string> columns;
    std::vector<Row> rows;

    bool empty() const { return rows.empty(); }
    std::size_t size() const { return rows.size(); }
    const Row& front() const { return rows.front(); }
    auto begin() const { return rows.begin(); }
    auto end() const { return rows.end(); }
};

using Params = std::vector<Value>;

//! A transaction; destroying it without commit() rolls it back.
class Transaction {
  public:
    virtual ~Transaction() = default;
    //! Runs one statement and returns its rows (also for INSERT … RETURNING).
    virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
    //! Runs one statement and returns the number of rows it changed.
    virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
    //! Runs several statements without parameters (schema migrations only).
    virtual void execute_script(std::string_view sql) = 0;
    virtual void commit() = 0;
    //! Tells other processes on the same database, at commit, that `channel` has news (PostgreSQL NOTIFY; a
    //! no-op on SQLite, where one process owns the file). `channel` is a fixed identifier, never user input.
    virtual void notify(std::string_view channel) {}

    //! Runs `action` inside the transaction just before it commits: work that takes a lock every writer needs,
    //! taken last so that it is held briefly and its holder never waits for another.
    void before_commit(std::function<void()> action) { before_commit_.push_back(std::move(action)); }
    //! Per-transaction state a module keeps under its own key (e.g. what it will write before commit).
    std::shared_ptr<void>& local(const std::string& key) { return locals_[key]; }

    //! Runs `action` once this transaction has committed (never when it rolls back): cache eviction, publishing.
    void after_commit(std::function<void()> action) { after_commit_.push_back(std::move(action)); }

    //! The first row of a query, or nothing.
    std::optional<Row> query_one(std::string_view sql, const Params& params = {});

  protected:
    //! Drivers call this right before COMMIT.
    void committing();
    //! Drivers call this right after a successful COMMIT.
    void committed();

  private:
    std::vector<std::function<void()>> before_commit_;
    std::map<std::string, std::shared_ptr<void>> locals_;
    std::vector<std::function<void()>> after_commit_;
};

enum class Access { Read, Write };

class Database {
  public:
    virtual ~Database() = default;
    //! Opens a file path (SQLite) or a postgresql:// URL, creating the SQLite file when absent.
    static Result<std::unique_ptr<Database>> open(const std::string& location, int pool_size = 4);

    virtual std::unique_ptr<Transaction> begin(Access access) = 0;
    virtual Dialect dialect() const = 0;

    //! Calls `on_news` (on a thread of its own) whenever a transaction of any process notifies `channel`, until
    //! the returned handle is destroyed. Null on SQLite: there is no other process to hear from.
    class Listener {
      public:
        virtual ~Listener() = default;
    };
    virtual std::unique_ptr<Listener> listen(const std::string& channel, std::function<void()> on_news) {
        return nullptr;
    }
};

//! Thrown by drivers when a statement fails; `constraint` is true for unique/foreign-key violations.
class StorageError : public std::runtime_error {
  public:
    StorageError(const std::string& what, bool constraint) : std::runtime_error(what), constraint_(constraint) {}
    bool is_constraint() const { return constraint_; }

  private:
    bool constraint_;
};

}  // namespace kreda::storage
