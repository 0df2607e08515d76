#pragma once
// Numbered, forward-only schema migrations: files named NNNN_what.sql.
#include <string>
#include <vector>

#include "core/embedded.h"
#include "core/error.h"

namespace tilti::store {

struct Migration {
  int version = 0;   // NNNN
  std::string name;  // the file name, e.g. "0001_core.sql"
  std::string sql;
};

// Builds the ordered list from files named NNNN_what.sql. Errors (kInvalidInput) on a name
// that does not start with four digits and '_', or on a repeated version.
Result<std::vector<Migration>> MigrationsFromFiles(const std::vector<embedded::File>& files);

// The migrations compiled into the binary: migrations/sqlite and migrations/postgres. Every
// version after 0023 comes as a pair, one file in each.
std::vector<Migration> BuiltinSqliteMigrations();
std::vector<Migration> BuiltinPostgresMigrations();
// The ones for a database of that dialect.
std::vector<Migration> BuiltinMigrations(bool postgres);

}  // namespace tilti::store
