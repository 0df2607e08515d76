#pragma once
// The PostgreSQL backend of store/sql.h (libpqxx), chosen with TILTI_DB=postgresql://…
// Statements are prepared on the server once per connection. The shared SQL's `?N` parameters
// become `$N`; parameters travel as text of unknown type, so PostgreSQL infers each one's type
// from where it stands, as SQLite's flexible typing would take it.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace tilti::store {

// True for a `postgresql://` or `postgres://` URL (or a libpq key=value string starting with
// "postgresql:"): the database is PostgreSQL, not an SQLite file.
bool IsPostgresUrl(std::string_view db);

// The URL without its password, for messages and logs.
std::string RedactedUrl(std::string_view url);

// The shared SQL text as PostgreSQL takes it: `?N` → `$N`, a bare `?` → the next number (as
// SQLite numbers it); string literals, quoted names and comments are left alone. PostgreSQL
// cannot type a parameter the text never uses, and SQLite does not mind one, so the numbers are
// made consecutive: `?4 … ?6` become `$1 … $2`, and `numbers[i]` (when given) is the new
// number of SQLite's parameter i, 0 for one the text does not use.
std::string PostgresSql(std::string_view sql, std::vector<int>* numbers = nullptr);

class PostgresConnection final : public Connection {
 public:
  // Connects to `url`. kReadOnlyQueries makes every transaction of the connection read-only.
  // Returns nullptr and a one-line reason (without the password) when it cannot connect.
  static std::unique_ptr<PostgresConnection> Open(const std::string& url, Mode mode,
                                                  std::string* error);
  ~PostgresConnection() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  void Exec(std::string_view sql) override;
  int64_t Changes() const override { return changes_; }
  int64_t LastInsertRowId() override;
  std::string Pragma(std::string_view) override { return {}; }
  void BeginWrite() override;
  // Every foreign key of the baseline is DEFERRABLE, so this covers them all.
  void DeferForeignKeys() override { Exec("SET CONSTRAINTS ALL DEFERRED"); }
  void Commit() override { Exec("COMMIT"); }
  void Rollback() override { Exec("ROLLBACK"); }

  // The libpqxx connection and the transaction object statements run in (postgres.cpp).
  struct Link;
  Link& link() { return *link_; }
  void set_changes(int64_t n) { changes_ = n; }

 protected:
  std::unique_ptr<StatementImpl> PrepareImpl(std::string_view sql, bool persistent) override;

 private:
  PostgresConnection();
  std::unique_ptr<Link> link_;
  int64_t changes_ = 0;
  int64_t statements_ = 0;
};

// Turns a libpqxx exception into an SqlError (constraint, busy or other by its SQLSTATE).
[[noreturn]] void ThrowPostgres(const std::exception& e, std::string_view context);

}  // namespace tilti::store
