#pragma once
// The SQLite backend of store/sql.h: the embedded database. The only place (with backup.cpp)
// that includes sqlite3.h.
#include <memory>
#include <string>
#include <string_view>

#include "store/sql.h"

struct sqlite3;

namespace tilti::store {

class SqliteConnection final : public Connection {
 public:
  // Opens `path` and applies the pragmas of QUALITY.md R1. Returns nullptr and an error message
  // when the file is missing (unless kCreate), unreadable, or not an SQLite database.
  static std::unique_ptr<SqliteConnection> Open(const std::string& path, Mode mode,
                                                int busy_timeout_ms, std::string* error);
  ~SqliteConnection() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  void Exec(std::string_view sql) override;
  int64_t Changes() const override;
  int64_t LastInsertRowId() override;
  std::string Pragma(std::string_view name) override;
  void BeginWrite() override { Exec("BEGIN IMMEDIATE"); }
  void DeferForeignKeys() override { Exec("PRAGMA defer_foreign_keys = ON"); }
  void Commit() override { Exec("COMMIT"); }
  void Rollback() override { Exec("ROLLBACK"); }
  sqlite3* raw() { return db_; }

 protected:
  std::unique_ptr<StatementImpl> PrepareImpl(std::string_view sql, bool persistent) override;

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace tilti::store
