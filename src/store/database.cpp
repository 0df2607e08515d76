#include "store/database.h"

#include <sys/stat.h>

#include <filesystem>

#include "core/log.h"
#include "store/postgres.h"
#include "store/sqlite.h"

namespace tilti::store {

bool DatabaseExists(const std::string& path) {
  std::error_code ec;
  return IsPostgresUrl(path) || std::filesystem::exists(path, ec);
}

std::string DatabaseName(const std::string& path) {
  return IsPostgresUrl(path) ? RedactedUrl(path) : path;
}

void PrepareDatabaseFolder(const std::string& path) {
  if (IsPostgresUrl(path)) return;
  auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
}

ReadLease::~ReadLease() {
  if (conn_) db_->Return(std::move(conn_));
}

Result<std::unique_ptr<Database>> Database::Open(const DatabaseOptions& options) {
  std::unique_ptr<Database> db(new Database(options));
  std::string error;
  if (IsPostgresUrl(options.path)) {
    db->writer_ = PostgresConnection::Open(options.path, Connection::Mode::kReadWrite, &error);
    if (!db->writer_) return Error{ErrorCode::kUnavailable, error};
    for (int i = 0; i < std::max(1, options.read_connections); ++i) {
      auto reader =
          PostgresConnection::Open(options.path, Connection::Mode::kReadOnlyQueries, &error);
      if (!reader) return Error{ErrorCode::kUnavailable, error};
      db->idle_readers_.push_back(std::move(reader));
    }
    return db;
  }
  db->writer_ = SqliteConnection::Open(
      options.path,
      options.create_if_missing ? Connection::Mode::kCreate : Connection::Mode::kReadWrite,
      options.busy_timeout_ms, &error);
  if (!db->writer_) return Error{ErrorCode::kUnavailable, error};
  for (int i = 0; i < std::max(1, options.read_connections); ++i) {
    auto reader = SqliteConnection::Open(options.path, Connection::Mode::kReadOnlyQueries,
                                   options.busy_timeout_ms, &error);
    if (!reader) return Error{ErrorCode::kUnavailable, error};
    db->idle_readers_.push_back(std::move(reader));
  }
  return db;
}

ReadLease Database::Read() {
  std::unique_lock lock(pool_mu_);
  pool_cv_.wait(lock, [&] { return !idle_readers_.empty(); });
  auto conn = std::move(idle_readers_.back());
  idle_readers_.pop_back();
  return ReadLease(*this, std::move(conn));
}

void Database::Return(std::unique_ptr<Connection> conn) {
  conn->ResetCached();
  {
    std::lock_guard lock(pool_mu_);
    idle_readers_.push_back(std::move(conn));
  }
  pool_cv_.notify_one();
}

int Database::SchemaVersion() {
  std::lock_guard lock(write_mu_);
  Statement st = writer_->Prepare(
      IsPostgres() ? "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                     "tablename = 'schema_migrations'"
                   : "SELECT count(*) FROM sqlite_schema WHERE type='table' AND "
                     "name='schema_migrations'");
  st.Step();
  if (st.Int(0) == 0) return 0;
  Statement v = writer_->Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  v.Step();
  return static_cast<int>(v.Int(0));
}

bool Database::CheckpointTruncate() {
  if (IsPostgres()) return true;
  std::lock_guard lock(write_mu_);
  writer_->ResetCached();  // no statement of the writer may be mid-step during a checkpoint
  Statement st = writer_->Prepare("PRAGMA wal_checkpoint(TRUNCATE)");
  // One row: busy (0 = the checkpoint ran to the end), WAL frames, frames checkpointed.
  return st.Step() && st.Int(0) == 0;
}

Result<int> Database::Migrate(const std::vector<Migration>& migrations) {
  int current = SchemaVersion();
  int applied = 0;
  const char* create_table =
      IsPostgres() ? "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, "
                     "name text NOT NULL, applied_at text NOT NULL DEFAULT "
                     "(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')))"
                   : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                     "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT "
                     "(strftime('%Y-%m-%dT%H:%M:%SZ','now')))";
  for (const auto& m : migrations) {
    if (m.version <= current) continue;
    try {
      const bool ran = Write([&](Connection& c) {
        c.Exec(create_table);
        // Another node may have applied it while this one waited for the write lock.
        Statement done = c.Prepare("SELECT count(*) FROM schema_migrations WHERE version = ?1");
        done.Bind(1, m.version);
        if (done.Step() && done.Int(0) > 0) return false;
        c.Exec(m.sql);
        c.Prepare("INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)")
            .Bind(1, m.version)
            .Bind(2, m.name)
            .Run();
        return true;
      });
      if (!ran) continue;
    } catch (const SqlError& e) {
      return Error{ErrorCode::kUnavailable,
                   "migration " + m.name + " failed and was rolled back: " + e.what()};
    }
    spdlog::info("applied migration {}", m.name);
    ++applied;
  }
  return applied;
}

bool Database::RunExclusive(std::string_view name, const std::function<void()>& fn) {
  if (!IsPostgres()) {
    fn();
    return true;
  }
  std::lock_guard lock(jobs_mu_);
  if (!jobs_) {
    std::string error;
    jobs_ = PostgresConnection::Open(options_.path, Connection::Mode::kReadWrite, &error);
    if (!jobs_) throw SqlError(SqlError::Kind::kOther, 0, error);
  }
  // The key: FNV-1a of the name, the same on every node and build.
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char ch : name) hash = (hash ^ ch) * 1099511628211ull;
  const std::string key = std::to_string(static_cast<int64_t>(hash));
  bool taken = false;
  try {
    Statement take = jobs_->Prepare("SELECT pg_try_advisory_lock(" + key + ")");
    taken = take.Step() && take.Int(0) == 1;
  } catch (const SqlError&) {
    jobs_.reset();  // a lost connection: a new one next time
    throw;
  }
  if (!taken) return false;
  struct Unlock {
    Connection& c;
    const std::string& key;
    ~Unlock() {
      try {
        c.Exec("SELECT pg_advisory_unlock(" + key + ")");
      } catch (...) {
        // The session is gone, and its locks with it.
      }
    }
  } unlock{*jobs_, key};
  fn();
  return true;
}

double Database::FileBytes() {
  if (IsPostgres()) {
    // A read connection: a /metrics scrape must never wait for, or hold up, a write.
    ReadLease lease = Read();
    Statement& st = lease->Cached("SELECT pg_database_size(current_database())");
    return st.Step() ? st.Double(0) : 0;
  }
  struct stat st {};
  if (::stat(options_.path.c_str(), &st) != 0) return 0;
  return static_cast<double>(st.st_size);
}

void BulkLoadPlans::Wrote() {
  if (!c_.IsPostgres() || ++rows_ < next_) return;
  next_ *= 2;
  c_.Exec("ANALYZE " + tables_);
}

}  // namespace tilti::store
