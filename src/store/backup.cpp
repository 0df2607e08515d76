#include "store/backup.h"

#include "store/postgres.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#include "store/sqlite.h"

namespace tilti::store {
namespace {

namespace fs = std::filesystem;

Error Unavailable(std::string detail) { return Error{ErrorCode::kUnavailable, std::move(detail)}; }

// Closes a connection opened with sqlite3_open_v2 (which returns a handle even on failure).
struct Handle {
  sqlite3* db = nullptr;
  ~Handle() { sqlite3_close_v2(db); }
};

}  // namespace

Result<int> BackupDatabase(const std::string& from, const std::string& to) {
  std::error_code ec;
  if (IsPostgresUrl(from)) {
    return Error{ErrorCode::kInvalidInput,
                 "tilti backup copies an SQLite database; back up PostgreSQL with pg_dump "
                 "(README, \"Backups\")"};
  }
  if (!fs::exists(from, ec)) return Error{ErrorCode::kNotFound, from + ": no such database"};
  if (fs::exists(to, ec)) {
    if (fs::equivalent(from, to, ec)) return Error{ErrorCode::kInvalidInput, to + " is the database itself"};
    return Error{ErrorCode::kInvalidInput, to + " exists already: a backup never overwrites a file; choose a new name"};
  }
  std::string problem;
  auto source = SqliteConnection::Open(from, Connection::Mode::kReadOnlyQueries, 5000, &problem);
  if (!source) return Error{ErrorCode::kNotFound, from + ": " + problem};
  const std::string partial = to + ".partial";
  fs::remove(partial, ec);
  int pages = 0;
  {
    Handle dest;
    if (sqlite3_open_v2(partial.c_str(), &dest.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
      const std::string why = dest.db ? sqlite3_errmsg(dest.db) : "out of memory";
      fs::remove(partial, ec);
      return Unavailable(partial + ": " + why);
    }
    sqlite3_backup* backup = sqlite3_backup_init(dest.db, "main", source->raw(), "main");
    if (!backup) {
      const std::string why = sqlite3_errmsg(dest.db);
      fs::remove(partial, ec);
      return Unavailable(partial + ": " + why);
    }
    // Every page in one step: one read transaction, so the copy is one consistent snapshot and
    // never restarts. In WAL mode (R1) a reader blocks no writer: the server keeps writing; only
    // its checkpoints wait for the copy to end.
    int rc = SQLITE_OK;
    do {
      rc = sqlite3_backup_step(backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
      const std::string why = sqlite3_errstr(rc);
      fs::remove(partial, ec);
      return Unavailable(to + ": the copy failed: " + why);
    }
    // The copy keeps the source's WAL mode; leave it as one self-contained file.
    sqlite3_exec(dest.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    // integrity_check, not quick_check: SQLite 3.40's quick_check reports NOT NULL columns of
    // WITHOUT ROWID tables as NULL when they are not (event_language.language_code).
    sqlite3_stmt* check = nullptr;
    std::string verdict;
    if (sqlite3_prepare_v2(dest.db, "PRAGMA integrity_check(1)", -1, &check, nullptr) == SQLITE_OK &&
        sqlite3_step(check) == SQLITE_ROW) {
      verdict = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
    }
    sqlite3_finalize(check);
    if (verdict != "ok") {
      fs::remove(partial, ec);
      return Unavailable(to + ": the copy failed its integrity check: " + verdict);
    }
  }
  fs::rename(partial, to, ec);
  if (ec) {
    fs::remove(partial, ec);
    return Unavailable(to + ": " + ec.message());
  }
  return pages;
}

}  // namespace tilti::store
