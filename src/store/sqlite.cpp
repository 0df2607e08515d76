#include "store/sqlite.h"

#include <sqlite3.h>

namespace tilti::store {
namespace {

[[noreturn]] void Throw(sqlite3* db, int rc, std::string_view context) {
  std::string msg(context);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw SqlError(db ? sqlite3_extended_errcode(db) : rc, msg);
}

void Check(sqlite3* db, int rc, std::string_view context) {
  if (rc != SQLITE_OK) Throw(db, rc, context);
}

}  // namespace

bool SqlError::IsBusy() const {
  return (code_ & 0xff) == SQLITE_BUSY || (code_ & 0xff) == SQLITE_LOCKED;
}
bool SqlError::IsConstraint() const { return (code_ & 0xff) == SQLITE_CONSTRAINT; }

Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int i, int64_t v) {
  Check(db_, sqlite3_bind_int64(stmt_, i, v), "bind");
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  Check(db_, sqlite3_bind_double(stmt_, i, v), "bind");
  return *this;
}
Statement& Statement::Bind(int i, std::string_view v) {
  Check(db_, sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        "bind");
  return *this;
}
Statement& Statement::BindBlob(int i, std::string_view v) {
  Check(db_, sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT), "bind");
  return *this;
}
Statement& Statement::BindNull(int i) {
  Check(db_, sqlite3_bind_null(stmt_, i), "bind");
  return *this;
}

bool Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
  sqlite3_reset(stmt_);
  Throw(db_, rc, "step [" + sql.substr(0, 80) + "]");
}

void Statement::Run() {
  while (Step()) {
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }
std::string_view Statement::TextView(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (!p) return {};
  return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}
std::string Statement::Text(int col) const { return std::string(TextView(col)); }
std::string Statement::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), static_cast<size_t>(n));
}
std::optional<std::string> Statement::OptText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}
std::optional<double> Statement::OptDouble(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Double(col);
}

std::unique_ptr<Connection> Connection::Open(const std::string& path, Mode mode,
                                             int busy_timeout_ms, std::string* error) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == Mode::kCreate) flags |= SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    *error = path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if (rc == SQLITE_CANTOPEN && mode != Mode::kCreate) {
      *error = path + ": cannot open the database file (missing or unreadable)";
    }
    sqlite3_close(db);
    return nullptr;
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  try {
    // Reading the schema is the first real access: a file that is not a database, or a
    // corrupt header, fails here with SQLITE_NOTADB or SQLITE_CORRUPT.
    conn->Exec("SELECT count(*) FROM sqlite_schema");
    sqlite3_busy_timeout(db, busy_timeout_ms);
    // QUALITY.md R1. WAL is a property of the file; the others are per connection.
    if (mode != Mode::kReadOnlyQueries) conn->Exec("PRAGMA journal_mode=WAL");
    conn->Exec(
        "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; "
        "PRAGMA temp_store=MEMORY");
    if (mode == Mode::kReadOnlyQueries) conn->Exec("PRAGMA query_only=ON");
  } catch (const SqlError& e) {
    int primary = e.code() & 0xff;
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
      *error = path + ": not a database or corrupt (" + e.what() + ")";
    } else {
      *error = path + ": " + e.what();
    }
    return nullptr;
  }
  return conn;
}

Connection::~Connection() {
  cache_.clear();  // finalise statements before closing
  sqlite3_close(db_);
}

Statement Connection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), 0, &stmt, nullptr);
  if (rc != SQLITE_OK) Throw(db_, rc, "prepare [" + std::string(sql.substr(0, 80)) + "]");
  return Statement(db_, stmt);
}

Statement& Connection::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) Throw(db_, rc, "prepare [" + sql.substr(0, 80) + "]");
    it = cache_.emplace(sql, std::make_unique<Statement>(db_, stmt)).first;
  }
  it->second->Reset();
  return *it->second;
}

void Connection::ResetCached() {
  for (auto& [sql, st] : cache_) st->Reset();
}

void Connection::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw SqlError(sqlite3_extended_errcode(db_), msg);
  }
}

int64_t Connection::Changes() const { return sqlite3_changes64(db_); }
int64_t Connection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

std::string Connection::Pragma(std::string_view name) {
  Statement st = Prepare("PRAGMA " + std::string(name));
  return st.Step() ? st.Text(0) : std::string();
}

}  // namespace tilti::store
