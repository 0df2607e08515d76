#pragma once
// The SQL interface every store file uses, whichever database is behind it: a Connection
// prepares Statements; parameters are 1-based (`?1`, `?2`, … in the SQL text), columns 0-based.
// Two backends implement it: SQLite (store/sqlite.h, the embedded default) and PostgreSQL
// (store/postgres.h). The SQL text is shared: it keeps to what both accept (docs/postgres-schema.md
// lists the conventions); the few places that must differ ask `dialect()`.
// Unexpected failures throw SqlError; expected outcomes ("no row") are return values.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tilti::store {

enum class Dialect { kSqlite, kPostgres };

class SqlError : public std::runtime_error {
 public:
  enum class Kind { kOther, kBusy, kConstraint, kCorrupt };
  SqlError(Kind kind, int code, const std::string& what)
      : std::runtime_error(what), kind_(kind), code_(code) {}
  // The backend's own code: SQLite's extended result code; 0 on PostgreSQL (see what()).
  int code() const { return code_; }
  // Locked or busy (SQLite), a serialization failure or deadlock (PostgreSQL): worth a retry.
  bool IsBusy() const { return kind_ == Kind::kBusy; }
  // A UNIQUE, NOT NULL, CHECK or FOREIGN KEY constraint refused the write.
  bool IsConstraint() const { return kind_ == Kind::kConstraint; }
  bool IsCorrupt() const { return kind_ == Kind::kCorrupt; }

 private:
  Kind kind_;
  int code_;
};

// What a backend implements for one prepared statement.
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;
  virtual void BindInt(int i, int64_t v) = 0;
  virtual void BindDouble(int i, double v) = 0;
  virtual void BindText(int i, std::string_view v) = 0;
  virtual void BindBlob(int i, std::string_view bytes) = 0;
  virtual void BindNull(int i) = 0;
  virtual bool Step() = 0;
  virtual void Reset() = 0;
  virtual bool IsNull(int col) const = 0;
  virtual int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual std::string_view TextView(int col) const = 0;
  virtual std::string Blob(int col) const = 0;
};

// A prepared statement.
class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementImpl> impl) : impl_(std::move(impl)) {}
  Statement(Statement&& o) noexcept = default;
  Statement& operator=(Statement&&) = delete;

  Statement& Bind(int i, int64_t v) { return impl_->BindInt(i, v), *this; }
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v) { return impl_->BindDouble(i, v), *this; }
  Statement& Bind(int i, std::string_view v) { return impl_->BindText(i, v), *this; }  // copied
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& BindBlob(int i, std::string_view bytes) { return impl_->BindBlob(i, bytes), *this; }
  Statement& BindNull(int i) { return impl_->BindNull(i), *this; }
  template <typename T>
  Statement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Advances; true when a row is available.
  bool Step() { return impl_->Step(); }
  // Steps to completion (for INSERT/UPDATE/DELETE).
  void Run() {
    while (Step()) {
    }
  }
  // Clears bindings and rewinds, ready for reuse.
  void Reset() { impl_->Reset(); }

  bool IsNull(int col) const { return impl_->IsNull(col); }
  int64_t Int(int col) const { return impl_->Int(col); }
  double Double(int col) const { return impl_->Double(col); }
  std::string Text(int col) const { return std::string(impl_->TextView(col)); }
  std::string_view TextView(int col) const { return impl_->TextView(col); }  // until Step/Reset
  std::string Blob(int col) const { return impl_->Blob(col); }
  std::optional<std::string> OptText(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Text(col);
  }
  std::optional<double> OptDouble(int col) const {
    if (IsNull(col)) return std::nullopt;
    return Double(col);
  }

 private:
  std::unique_ptr<StatementImpl> impl_;
};

// One database connection with a cache of prepared statements.
// Not thread-safe: one thread uses a connection at a time (see Database's leases).
class Connection {
 public:
  enum class Mode { kReadOnlyQueries, kReadWrite, kCreate };
  virtual ~Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  virtual Dialect dialect() const = 0;
  bool IsPostgres() const { return dialect() == Dialect::kPostgres; }

  // A fresh statement, finalised when it goes out of scope.
  Statement Prepare(std::string_view sql) { return Statement(PrepareImpl(sql, false)); }
  // A statement prepared once per connection and reused; it comes back reset. The reference
  // stays valid for the connection's life. Use for the hot, fixed queries.
  Statement& Cached(const std::string& sql);
  // Resets every cached statement. A statement stopped mid-result keeps its read snapshot
  // open (SQLite), so the next user of the connection would see old data; leases call this.
  void ResetCached();
  // Runs one or more statements with no parameters (DDL, BEGIN/COMMIT).
  virtual void Exec(std::string_view sql) = 0;
  // Rows changed by the last INSERT, UPDATE or DELETE run on this connection.
  virtual int64_t Changes() const = 0;
  // The id the last INSERT gave its INTEGER PRIMARY KEY (identity) column on this connection.
  virtual int64_t LastInsertRowId() = 0;
  // Reads an SQLite pragma's value as text; empty on PostgreSQL.
  virtual std::string Pragma(std::string_view name) = 0;

  // The write transaction of Database::Write. SQLite: BEGIN IMMEDIATE (one writer per file).
  // PostgreSQL: BEGIN plus a transaction-scoped advisory lock, so writes from every node are
  // serialised as they are on SQLite (docs/postgres-schema.md says why).
  virtual void BeginWrite() = 0;
  // Foreign keys are checked at COMMIT instead of per statement, for the rest of this write
  // transaction (loaders that insert children before parents).
  virtual void DeferForeignKeys() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;

 protected:
  Connection() = default;
  virtual std::unique_ptr<StatementImpl> PrepareImpl(std::string_view sql, bool persistent) = 0;
  // Finalises the cached statements; a backend's destructor calls it before closing.
  void DropCached() { cache_.clear(); }

 private:
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

}  // namespace tilti::store
