#include "store/migrations.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace tilti::store {

Result<std::vector<Migration>> MigrationsFromFiles(const std::vector<embedded::File>& files) {
  std::vector<Migration> out;
  std::set<int> seen;
  for (const auto& f : files) {
    std::string_view name = f.path.substr(f.path.rfind('/') == std::string_view::npos
                                              ? 0
                                              : f.path.rfind('/') + 1);
    if (!name.ends_with(".sql")) continue;
    bool ok = name.size() > 9 && name[4] == '_' &&
              std::all_of(name.begin(), name.begin() + 4, [](char c) { return std::isdigit(c); });
    if (!ok) {
      return Error{ErrorCode::kInvalidInput,
                   std::string(name) + ": a migration is named NNNN_what.sql"};
    }
    int version = std::stoi(std::string(name.substr(0, 4)));
    if (!seen.insert(version).second) {
      return Error{ErrorCode::kInvalidInput,
                   std::string(name) + ": version " + std::to_string(version) + " is repeated"};
    }
    out.push_back({version, std::string(name), std::string(f.bytes)});
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

std::vector<Migration> BuiltinSqliteMigrations() {
  auto r = MigrationsFromFiles(embedded::migrations_sqlite());
  // The build embeds migrations/sqlite; a bad name there is a programming error.
  if (!r.ok()) throw std::logic_error(r.error().detail);
  return r.value();
}

std::vector<Migration> BuiltinMigrations(bool postgres) {
  return postgres ? BuiltinPostgresMigrations() : BuiltinSqliteMigrations();
}

std::vector<Migration> BuiltinPostgresMigrations() {
  auto r = MigrationsFromFiles(embedded::migrations_postgres());
  if (!r.ok()) throw std::logic_error(r.error().detail);
  return r.value();
}

}  // namespace tilti::store
