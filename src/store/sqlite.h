#pragma once
// Thin RAII wrappers over the SQLite C API. The only place (with the rest of src/store) that
// includes sqlite3.h. Unexpected SQLite failures throw SqlError; expected outcomes ("no row")
// are return values.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace tilti::store {

class SqlError : public std::runtime_error {
 public:
  SqlError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }  // the SQLite extended result code
  bool IsBusy() const;
  bool IsConstraint() const;

 private:
  int code_;
};

// A prepared statement. Bind parameters are 1-based, columns 0-based, as in SQLite.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& o) noexcept;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::string_view v);  // copied by SQLite (SQLITE_TRANSIENT)
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& BindBlob(int i, std::string_view bytes);  // copied by SQLite
  Statement& BindNull(int i);
  template <typename T>
  Statement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Advances; true when a row is available.
  bool Step();
  // Steps to completion (for INSERT/UPDATE/DELETE).
  void Run();
  // Clears bindings and rewinds, ready for reuse.
  void Reset();

  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;
  std::string_view TextView(int col) const;  // valid until the next Step/Reset
  std::string Blob(int col) const;
  std::optional<std::string> OptText(int col) const;
  std::optional<double> OptDouble(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// One SQLite connection with a cache of prepared statements.
// Not thread-safe: one thread uses a connection at a time (see Database's leases).
class Connection {
 public:
  enum class Mode { kReadOnlyQueries, kReadWrite, kCreate };
  // Opens `path` and applies the pragmas of QUALITY.md R1. Returns an error message when the
  // file is missing (unless kCreate), unreadable, or not an SQLite database.
  static std::unique_ptr<Connection> Open(const std::string& path, Mode mode,
                                          int busy_timeout_ms, std::string* error);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A fresh statement, finalised when it goes out of scope.
  Statement Prepare(std::string_view sql);
  // A statement prepared once per connection and reused; it comes back reset. The reference
  // stays valid for the connection's life. Use for the hot, fixed queries.
  Statement& Cached(const std::string& sql);
  // Resets every cached statement. A statement stopped mid-result keeps its read snapshot
  // open, so the next user of the connection would see old data; leases call this on return.
  void ResetCached();
  // Runs one or more statements with no parameters (DDL, pragmas, BEGIN/COMMIT).
  void Exec(std::string_view sql);
  int64_t Changes() const;
  int64_t LastInsertRowId() const;
  // Reads a pragma's value as text (first column of the first row).
  std::string Pragma(std::string_view name);
  sqlite3* raw() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

}  // namespace tilti::store
