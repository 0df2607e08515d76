#include "store/database.h"
#include "store/sqlite.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

namespace tilti::store {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("tilti-store-" + std::to_string(std::random_device{}()) + "-" +
             std::to_string(::getpid()));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::unique_ptr<Database> OpenNew(const std::string& path) {
  DatabaseOptions o;
  o.path = path;
  o.create_if_missing = true;
  o.read_connections = 2;
  auto db = Database::Open(o);
  EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().detail);
  return std::move(db.value());
}

TEST(Database, AppliesTheDurabilityPragmasOnEveryConnection) {
  TempDir dir;
  auto db = OpenNew(dir.File("t.db"));
  auto lease = db->Read();
  EXPECT_EQ(lease->Pragma("journal_mode"), "wal");
  EXPECT_EQ(lease->Pragma("synchronous"), "2");  // FULL
  EXPECT_EQ(lease->Pragma("foreign_keys"), "1");
  EXPECT_EQ(lease->Pragma("secure_delete"), "1");
  EXPECT_EQ(lease->Pragma("busy_timeout"), "5000");
  EXPECT_EQ(lease->Pragma("query_only"), "1") << "read connections never write";
  db->Write([](Connection& c) {
    EXPECT_EQ(c.Pragma("foreign_keys"), "1");
    EXPECT_EQ(c.Pragma("synchronous"), "2");
    EXPECT_EQ(c.Pragma("secure_delete"), "1");
  });
}

TEST(Database, MissingFileIsAClearErrorUnlessCreating) {
  TempDir dir;
  DatabaseOptions o;
  o.path = dir.File("absent.db");
  auto db = Database::Open(o);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().detail.find("absent.db"), std::string::npos) << db.error().detail;
  EXPECT_FALSE(fs::exists(o.path)) << "opening without create must not create the file";
}

TEST(Database, CorruptFileIsAClearError) {
  TempDir dir;
  std::string path = dir.File("corrupt.db");
  {
    std::ofstream out(path, std::ios::binary);
    std::mt19937 rng(42);
    for (int i = 0; i < 4096; ++i) out.put(static_cast<char>(rng()));
  }
  DatabaseOptions o;
  o.path = path;
  auto db = Database::Open(o);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().detail.find("not a database or corrupt"), std::string::npos)
      << db.error().detail;
}

TEST(Database, MigrationsApplyInOrderAndOnlyOnce) {
  TempDir dir;
  auto db = OpenNew(dir.File("m.db"));
  std::vector<Migration> ms = {{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
                               {2, "0002_b.sql", "CREATE TABLE b (y INTEGER);"}};
  auto first = db->Migrate(ms);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value(), 2);
  EXPECT_EQ(db->SchemaVersion(), 2);
  auto again = db->Migrate(ms);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value(), 0);
}

TEST(Database, AMigrationFailingHalfwayLeavesTheDatabaseAsItWas) {
  TempDir dir;
  auto db = OpenNew(dir.File("half.db"));
  ASSERT_TRUE(db->Migrate({{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"}}).ok());
  // The second statement fails after the first has run inside the same transaction.
  std::vector<Migration> ms = {
      {1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
      {2, "0002_bad.sql",
       "CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (1); INSERT INTO no_such_table VALUES (1);"},
      {3, "0003_c.sql", "CREATE TABLE c (z INTEGER);"}};
  auto r = db->Migrate(ms);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail.find("0002_bad.sql"), std::string::npos) << r.error().detail;
  EXPECT_EQ(db->SchemaVersion(), 1);
  auto lease = db->Read();
  Statement st = lease->Prepare(
      "SELECT count(*) FROM sqlite_schema WHERE name IN ('b', 'c'); ");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Int(0), 0) << "neither the failing migration nor later ones left tables";
  Statement rows = lease->Prepare("SELECT count(*) FROM a");
  ASSERT_TRUE(rows.Step());
  EXPECT_EQ(rows.Int(0), 0) << "the failing migration's insert was rolled back";
}

TEST(Database, AWriteThatThrowsIsRolledBack) {
  TempDir dir;
  auto db = OpenNew(dir.File("w.db"));
  ASSERT_TRUE(db->Migrate({{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"}}).ok());
  EXPECT_THROW(db->Write([](Connection& c) {
    c.Exec("INSERT INTO a VALUES (1)");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  db->Write([](Connection& c) { c.Exec("INSERT INTO a VALUES (2)"); });
  auto lease = db->Read();
  Statement st = lease->Prepare("SELECT group_concat(x) FROM a");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Text(0), "2");
}

TEST(Database, ReadConnectionsRefuseWrites) {
  TempDir dir;
  auto db = OpenNew(dir.File("ro.db"));
  ASSERT_TRUE(db->Migrate({{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"}}).ok());
  auto lease = db->Read();
  EXPECT_THROW(lease->Exec("INSERT INTO a VALUES (1)"), SqlError);
}

TEST(Database, ConcurrentReadersAndOneWriterDoNotBlockEachOther) {
  TempDir dir;
  auto db = OpenNew(dir.File("c.db"));
  ASSERT_TRUE(db->Migrate({{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"}}).ok());
  std::atomic<bool> stop{false};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 2; ++i) {
    readers.emplace_back([&] {
      while (!stop) {
        auto lease = db->Read();
        Statement& st = lease->Cached("SELECT count(*) FROM a");
        ASSERT_TRUE(st.Step());
        reads++;
      }
    });
  }
  for (int i = 0; i < 200; ++i) {
    db->Write([i](Connection& c) { c.Prepare("INSERT INTO a VALUES (?1)").Bind(1, i).Run(); });
  }
  // Under load the writes can finish before a reader thread has run once: wait for one read
  // (the point is that readers and the writer interleave without blocking or failing).
  while (reads.load() == 0) std::this_thread::yield();
  stop = true;
  for (auto& t : readers) t.join();
  auto lease = db->Read();
  Statement st = lease->Prepare("SELECT count(*) FROM a");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Int(0), 200);
  EXPECT_GT(reads.load(), 0);
}

// Regression: a cached statement stepped once and not finished kept its read snapshot after
// the lease ended, so the next lease of that connection saw data older than the last commit.
TEST(Database, AReturnedReadConnectionSeesTheLatestCommit) {
  TempDir dir;
  DatabaseOptions o;
  o.path = dir.File("snap.db");
  o.create_if_missing = true;
  o.read_connections = 1;  // the same connection every time
  auto db = std::move(Database::Open(o).value());
  ASSERT_TRUE(db->Migrate({{1, "0001_a.sql", "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1), (2);"}}).ok());
  {
    auto lease = db->Read();
    Statement& st = lease->Cached("SELECT x FROM a ORDER BY x");
    ASSERT_TRUE(st.Step());  // one row read, the statement left mid-result
  }
  db->Write([](Connection& c) { c.Exec("INSERT INTO a VALUES (3)"); });
  auto lease = db->Read();
  Statement count = lease->Prepare("SELECT count(*) FROM a");
  ASSERT_TRUE(count.Step());
  EXPECT_EQ(count.Int(0), 3);
}

TEST(Database, AStatementLeftMidResultInAWriteDoesNotBlockTheNextWrite) {
  TempDir dir;
  DatabaseOptions o;
  o.path = dir.File("writer.db");
  o.create_if_missing = true;
  o.busy_timeout_ms = 200;
  auto db = std::move(Database::Open(o).value());
  ASSERT_TRUE(db->Migrate({{1, "0001_a.sql", "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1), (2);"}}).ok());
  db->Write([](Connection& c) {
    Statement& st = c.Cached("SELECT x FROM a ORDER BY x");
    ASSERT_TRUE(st.Step());  // one row read, the statement left mid-result
  });
  // Another process writes (an administrator's sqlite3, another node).
  std::string error;
  auto other = SqliteConnection::Open(o.path, Connection::Mode::kReadWrite, 200, &error);
  ASSERT_TRUE(other) << error;
  other->Exec("INSERT INTO a VALUES (3)");
  // The writer's next transaction starts on the latest snapshot instead of failing with
  // SQLITE_BUSY_SNAPSHOT ("database is locked").
  EXPECT_NO_THROW(db->Write([](Connection& c) { c.Exec("INSERT INTO a VALUES (4)"); }));
  auto lease = db->Read();
  Statement count = lease->Prepare("SELECT count(*) FROM a");
  ASSERT_TRUE(count.Step());
  EXPECT_EQ(count.Int(0), 4);
}

TEST(Migrations, RejectBadNamesAndRepeatedVersions) {
  std::vector<embedded::File> bad = {{"migrations/sqlite/1_x.sql", ""}};
  EXPECT_FALSE(MigrationsFromFiles(bad).ok());
  std::vector<embedded::File> repeated = {{"0001_a.sql", ""}, {"0001_b.sql", ""}};
  auto r = MigrationsFromFiles(repeated);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail.find("repeated"), std::string::npos);
}

TEST(Migrations, BuiltinOnesApplyToAnEmptyDatabase) {
  TempDir dir;
  auto db = OpenNew(dir.File("builtin.db"));
  auto ms = BuiltinSqliteMigrations();
  ASSERT_FALSE(ms.empty());
  auto r = db->Migrate(ms);
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(db->SchemaVersion(), ms.back().version);
  // Audit rows cannot be changed or deleted (the metadata triggers).
  db->Write([](Connection& c) {
    c.Exec(
        "INSERT INTO metadata VALUES ('m1','r1','organization','2026-01-01','update','name',"
        "'a','b','system')");
  });
  EXPECT_THROW(db->Write([](Connection& c) { c.Exec("DELETE FROM metadata"); }), SqlError);
  EXPECT_THROW(
      db->Write([](Connection& c) { c.Exec("UPDATE metadata SET replacement_value = 'x'"); }),
      SqlError);
}

TEST(Migrations, ChangingAnOriginalTextFlagsItsTranslationsOutdated) {
  TempDir dir;
  auto db = OpenNew(dir.File("tr.db"));
  ASSERT_TRUE(db->Migrate(BuiltinSqliteMigrations()).ok());
  db->Write([](Connection& c) {
    c.Exec(
        "INSERT INTO translation VALUES ('organization','o1','name','lv','Bibliotēka','original',0,"
        "'2026-01-01T00:00:00Z'), ('organization','o1','name','en','Library','human',0,"
        "'2026-01-01T00:00:00Z')");
    c.Exec(
        "UPDATE translation SET value = 'Centrālā bibliotēka' WHERE entity_id = 'o1' AND locale = "
        "'lv'");
  });
  auto lease = db->Read();
  Statement st = lease->Prepare(
      "SELECT outdated FROM translation WHERE entity_id = 'o1' AND locale = 'en'");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Int(0), 1);
}

}  // namespace
}  // namespace tilti::store
