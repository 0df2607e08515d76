#pragma once
// The database: a pool of read connections (one per worker thread is enough, so a lease never
// waits in practice) and exactly one writer. SQLite (the embedded default, a file path) or
// PostgreSQL (a postgresql:// URL). Every write runs in one transaction on the writer,
// serialised by a mutex within the node and, on PostgreSQL, by an advisory lock across nodes
// (Connection::BeginWrite), so writers never deadlock and readers never block.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/migrations.h"
#include "store/sql.h"

namespace tilti::store {

struct DatabaseOptions {
  // An SQLite file, or a PostgreSQL URL (postgresql://user@host:port/name).
  std::string path = "data/tilti.db";
  int read_connections = 4;
  int busy_timeout_ms = 5000;
  bool create_if_missing = false;
};

class Database;

// Whether `path` names an existing database: an SQLite file that exists, or a PostgreSQL URL
// (whether that database exists, the server says on connecting).
bool DatabaseExists(const std::string& path);
// The path, or the URL without its password: for messages and logs.
std::string DatabaseName(const std::string& path);
// A new SQLite file needs its folder: creates it. Nothing for PostgreSQL.
void PrepareDatabaseFolder(const std::string& path);

// Exclusive use of one read connection until destroyed.
class ReadLease {
 public:
  ReadLease(Database& db, std::unique_ptr<Connection> conn) : db_(&db), conn_(std::move(conn)) {}
  ReadLease(ReadLease&&) = default;
  ~ReadLease();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

class Database {
 public:
  // Opens (or with create_if_missing, creates) the file and its connections. Does not
  // migrate. Errors: kUnavailable with a one-line reason naming the path (missing,
  // unreadable, not a database, corrupt).
  static Result<std::unique_ptr<Database>> Open(const DatabaseOptions& options);

  Dialect dialect() const { return writer_->dialect(); }
  bool IsPostgres() const { return dialect() == Dialect::kPostgres; }

  // Applies the migrations not yet recorded, in order, each in its own transaction. On the
  // first failure the database keeps every earlier migration and none of the failing one, and
  // the error names the migration. Returns the number applied.
  Result<int> Migrate(const std::vector<Migration>& migrations);
  // The highest applied migration version (0 for an empty database).
  int SchemaVersion();

  // Borrows a read connection (blocks only if all are leased).
  ReadLease Read();

  // How many write transactions this process has committed: a node's cache of something it
  // read from the database (web/site.h DirectoryVersion) re-reads when the number moved, so
  // the node sees its own changes at once.
  uint64_t Commits() const { return commits_.load(std::memory_order_acquire); }

  // Runs `fn` on the writer inside one write transaction (Connection::BeginWrite ... Commit);
  // rolls back and rethrows if fn throws. Returns what fn returns.
  template <typename F>
  auto Write(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
    std::lock_guard lock(write_mu_);
    Connection& c = *writer_;
    c.BeginWrite();
    try {
      // Every cached statement is reset before COMMIT: one left mid-step would keep a read
      // snapshot open after the transaction, and the next BEGIN IMMEDIATE would fail with
      // SQLITE_BUSY_SNAPSHOT once another process (an admin's sqlite3, a second node) wrote.
      if constexpr (std::is_void_v<decltype(fn(c))>) {
        fn(c);
        c.ResetCached();
        c.Commit();
        commits_.fetch_add(1, std::memory_order_release);
      } else {
        auto result = fn(c);
        c.ResetCached();
        c.Commit();
        commits_.fetch_add(1, std::memory_order_release);
        return result;
      }
    } catch (...) {
      c.ResetCached();
      try {
        c.Rollback();
      } catch (...) {
        // The transaction may already be gone (SQLite rolls back on some errors).
      }
      throw;
    }
  }

  // Copies everything in the WAL into the database file and empties the WAL (a TRUNCATE
  // checkpoint), so erased data survives nowhere in the WAL either. Waits for readers to
  // finish with old pages for up to the busy timeout; returns false if it could not finish.
  // PostgreSQL: nothing to do (true).
  bool CheckpointTruncate();

  // Runs `fn` unless another node runs the job `name` at this moment, and says whether it ran:
  // background jobs (occurrence materialisation, retention) run on one node at a time.
  // PostgreSQL: a session advisory lock taken with pg_try_advisory_lock on a connection of the
  // job's own, released when fn ends or when this node dies (its session ends). SQLite: one
  // file has one server, so fn simply runs. Thread-safe; fn may use Read and Write.
  bool RunExclusive(std::string_view name, const std::function<void()>& fn);

  // The file path or URL it was opened with (RedactedUrl for logs).
  const std::string& path() const { return options_.path; }
  // File size in bytes (database file, not counting WAL; PostgreSQL: the database's size), for
  // /metrics.
  double FileBytes();

 private:
  friend class ReadLease;
  explicit Database(DatabaseOptions options) : options_(std::move(options)) {}
  void Return(std::unique_ptr<Connection> conn);

  DatabaseOptions options_;
  std::mutex write_mu_;
  std::unique_ptr<Connection> writer_;  // guarded by write_mu_
  std::atomic<uint64_t> commits_{0};
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;  // guarded by pool_mu_
  std::mutex jobs_mu_;
  std::unique_ptr<Connection> jobs_;  // PostgreSQL: holds the jobs' advisory locks
};

// Keeps PostgreSQL's plans right while one write transaction loads many rows (an import, a
// restore). Its plans come from table statistics, which cannot see the transaction's own rows:
// a statement planned while a table was nearly empty (a scan) would keep that plan once the
// table holds thousands of rows, and the load would grow quadratic. Call Wrote() after each
// row: after 100, 200, 400... rows it refreshes the statistics of `tables` (ANALYZE, which sees
// the transaction's rows), and PostgreSQL then plans its statements again. Cheaper than
// planning every statement at every row. Nothing on SQLite, whose plans do not depend on
// table sizes.
class BulkLoadPlans {
 public:
  // `tables`: the tables the load writes, comma-separated, as ANALYZE takes them.
  BulkLoadPlans(Connection& c, std::string tables) : c_(c), tables_(std::move(tables)) {}
  void Wrote();

 private:
  Connection& c_;
  const std::string tables_;
  int64_t rows_ = 0;
  int64_t next_ = 100;
};

}  // namespace tilti::store
