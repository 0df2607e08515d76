#include "store/sqlite.h"

#include <sqlite3.h>

namespace tilti::store {
namespace {

SqlError::Kind KindOf(int code) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SqlError::Kind::kBusy;
    case SQLITE_CONSTRAINT:
      return SqlError::Kind::kConstraint;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return SqlError::Kind::kCorrupt;
    default:
      return SqlError::Kind::kOther;
  }
}

[[noreturn]] void Throw(sqlite3* db, int rc, std::string_view context) {
  std::string msg(context);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int code = db ? sqlite3_extended_errcode(db) : rc;
  throw SqlError(KindOf(code), code, msg);
}

void Check(sqlite3* db, int rc, std::string_view context) {
  if (rc != SQLITE_OK) Throw(db, rc, context);
}

class SqliteStatement final : public StatementImpl {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void BindInt(int i, int64_t v) override { Check(db_, sqlite3_bind_int64(stmt_, i, v), "bind"); }
  void BindDouble(int i, double v) override {
    Check(db_, sqlite3_bind_double(stmt_, i, v), "bind");
  }
  void BindText(int i, std::string_view v) override {
    Check(db_, sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
          "bind");
  }
  void BindBlob(int i, std::string_view v) override {
    Check(db_, sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT), "bind");
  }
  void BindNull(int i) override { Check(db_, sqlite3_bind_null(stmt_, i), "bind"); }

  bool Step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
    sqlite3_reset(stmt_);
    Throw(db_, rc, "step [" + sql.substr(0, 80) + "]");
  }
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const override { return sqlite3_column_double(stmt_, col); }
  std::string_view TextView(int col) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p) return {};
    return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
  }
  std::string Blob(int col) const override {
    const void* p = sqlite3_column_blob(stmt_, col);
    int n = sqlite3_column_bytes(stmt_, col);
    return p == nullptr ? std::string()
                        : std::string(static_cast<const char*>(p), static_cast<size_t>(n));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// greatest(a, b, ...) and least(a, b, ...), PostgreSQL's names for the scalar max and min, so
// that shared SQL can use them. Like SQLite's max(a, b): NULL if any argument is NULL.
void Extreme(sqlite3_context* ctx, int argc, sqlite3_value** argv, bool greatest) {
  int best = -1;
  for (int i = 0; i < argc; ++i) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
      sqlite3_result_null(ctx);
      return;
    }
    if (best < 0) {
      best = i;
      continue;
    }
    const double a = sqlite3_value_double(argv[i]), b = sqlite3_value_double(argv[best]);
    const bool numeric = sqlite3_value_numeric_type(argv[i]) != SQLITE_TEXT &&
                         sqlite3_value_numeric_type(argv[best]) != SQLITE_TEXT;
    int cmp;
    if (numeric) {
      cmp = a < b ? -1 : (a > b ? 1 : 0);
    } else {
      std::string_view x(reinterpret_cast<const char*>(sqlite3_value_text(argv[i])),
                         static_cast<size_t>(sqlite3_value_bytes(argv[i])));
      std::string_view y(reinterpret_cast<const char*>(sqlite3_value_text(argv[best])),
                         static_cast<size_t>(sqlite3_value_bytes(argv[best])));
      cmp = x.compare(y);
    }
    if (greatest ? cmp > 0 : cmp < 0) best = i;
  }
  if (best >= 0) sqlite3_result_value(ctx, argv[best]);
  else sqlite3_result_null(ctx);
}
void Greatest(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  Extreme(ctx, argc, argv, true);
}
void Least(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  Extreme(ctx, argc, argv, false);
}

}  // namespace

std::unique_ptr<SqliteConnection> SqliteConnection::Open(const std::string& path, Mode mode,
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
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db));
  try {
    // Reading the schema is the first real access: a file that is not a database, or a
    // corrupt header, fails here with SQLITE_NOTADB or SQLITE_CORRUPT.
    conn->Exec("SELECT count(*) FROM sqlite_schema");
    for (const auto& [name, fn] : {std::pair{"greatest", &Greatest}, std::pair{"least", &Least}}) {
      sqlite3_create_function_v2(db, name, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, fn,
                                 nullptr, nullptr, nullptr);
    }
    sqlite3_busy_timeout(db, busy_timeout_ms);
    // QUALITY.md R1. WAL is a property of the file; the others are per connection.
    if (mode != Mode::kReadOnlyQueries) conn->Exec("PRAGMA journal_mode=WAL");
    conn->Exec(
        "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; "
        "PRAGMA temp_store=MEMORY");
    if (mode == Mode::kReadOnlyQueries) conn->Exec("PRAGMA query_only=ON");
  } catch (const SqlError& e) {
    if (e.IsCorrupt()) {
      *error = path + ": not a database or corrupt (" + e.what() + ")";
    } else {
      *error = path + ": " + e.what();
    }
    return nullptr;
  }
  return conn;
}

SqliteConnection::~SqliteConnection() {
  DropCached();  // finalise statements before closing
  sqlite3_close(db_);
}

std::unique_ptr<StatementImpl> SqliteConnection::PrepareImpl(std::string_view sql,
                                                             bool persistent) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              persistent ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
  if (rc != SQLITE_OK) Throw(db_, rc, "prepare [" + std::string(sql.substr(0, 80)) + "]");
  return std::make_unique<SqliteStatement>(db_, stmt);
}

void SqliteConnection::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    const int code = sqlite3_extended_errcode(db_);
    throw SqlError(KindOf(code), code, msg);
  }
}

int64_t SqliteConnection::Changes() const { return sqlite3_changes64(db_); }
int64_t SqliteConnection::LastInsertRowId() { return sqlite3_last_insert_rowid(db_); }

std::string SqliteConnection::Pragma(std::string_view name) {
  Statement st = Prepare("PRAGMA " + std::string(name));
  return st.Step() ? st.Text(0) : std::string();
}

}  // namespace tilti::store
