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

// The migrations compiled into the binary.
std::vector<Migration> BuiltinSqliteMigrations();

}  // namespace tilti::store
