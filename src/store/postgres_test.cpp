#include "store/postgres.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "store/backup.h"
#include "store/database.h"
#include "store/demo_database_for_tests.h"
#include "store/row_batch.h"

namespace tilti::store {
namespace {

TEST(PostgresSql, NumbersParametersAndLeavesLiteralsAlone) {
  EXPECT_EQ(PostgresSql("SELECT a FROM t WHERE b = ?1 AND c = ?2 AND d = ?1"),
            "SELECT a FROM t WHERE b = $1 AND c = $2 AND d = $1");
  // A bare ? takes the next number after the highest so far, as in SQLite.
  EXPECT_EQ(PostgresSql("VALUES (?1, ?, ?)"), "VALUES ($1, $2, $3)");
  EXPECT_EQ(PostgresSql("SELECT '?1 it''s ?', \"col?\" FROM t WHERE x = ?2"),
            "SELECT '?1 it''s ?', \"col?\" FROM t WHERE x = $1");
  EXPECT_EQ(PostgresSql("SELECT 1 -- why ?1\nWHERE a = ?1 /* ?2 */"),
            "SELECT 1 -- why ?1\nWHERE a = $1 /* ?2 */");
  // An unterminated literal is passed on whole for the server to refuse.
  EXPECT_EQ(PostgresSql("SELECT 'abc ?1"), "SELECT 'abc ?1");
}

TEST(PostgresSql, MakesTheNumbersConsecutiveAndSaysWhere) {
  // PostgreSQL cannot type a parameter the text never uses: ?1-?3 are left out here.
  std::vector<int> numbers;
  EXPECT_EQ(PostgresSql("SELECT 1 WHERE a = ?4 AND b = ?6 AND c = ?4 AND d = ?", &numbers),
            "SELECT 1 WHERE a = $1 AND b = $2 AND c = $1 AND d = $3");
  EXPECT_EQ(numbers, (std::vector<int>{0, 0, 0, 0, 1, 0, 2, 3}));
}

TEST(PostgresUrl, IsRecognisedAndRedacted) {
  EXPECT_TRUE(IsPostgresUrl("postgresql://u@h/db"));
  EXPECT_TRUE(IsPostgresUrl("postgres://u@h/db"));
  EXPECT_FALSE(IsPostgresUrl("data/tilti.db"));
  EXPECT_FALSE(IsPostgresUrl("sqlite:data/tilti.db"));
  EXPECT_EQ(RedactedUrl("postgresql://tilti:s3cret@db.example:5432/tilti"),
            "postgresql://tilti:***@db.example:5432/tilti");
  EXPECT_EQ(RedactedUrl("postgresql://tilti@db/tilti"), "postgresql://tilti@db/tilti");
  EXPECT_EQ(DatabaseName("postgresql://a:b@h/d"), "postgresql://a:***@h/d");
  EXPECT_EQ(DatabaseName("data/x.db"), "data/x.db");
}

TEST(PostgresUrl, AServerThatIsNotThereIsAOneLineErrorWithoutThePassword) {
  DatabaseOptions o;
  o.path = "postgresql://tilti:s3cret@127.0.0.1:1/tilti?connect_timeout=2";
  auto db = Database::Open(o);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().detail.find("s3cret"), std::string::npos) << db.error().detail;
  EXPECT_NE(db.error().detail.find("cannot connect"), std::string::npos) << db.error().detail;
  EXPECT_EQ(db.error().detail.find('\n'), std::string::npos) << db.error().detail;
}

TEST(PostgresUrl, TiltiBackupSaysToUsePgDump) {
  auto r = BackupDatabase("postgresql://tilti:s3cret@127.0.0.1:1/tilti", "/tmp/never-written.db");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail.find("pg_dump"), std::string::npos) << r.error().detail;
  EXPECT_EQ(r.error().detail.find("s3cret"), std::string::npos) << r.error().detail;
  EXPECT_FALSE(std::filesystem::exists("/tmp/never-written.db"));
}

// The backend contract on whichever database the tests run on (scripts/test.sh runs this file
// on both): values come back as they went in, and errors have the same kinds.
class BackendContract : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { db_ = new MigratedDatabaseForTests(); }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }
  Database& db() { return db_->db(); }
  static MigratedDatabaseForTests* db_;
};
MigratedDatabaseForTests* BackendContract::db_ = nullptr;

TEST_F(BackendContract, ValuesRoundTrip) {
  db().Write([](Connection& c) {
    c.Exec(c.IsPostgres() ? "CREATE TABLE contract_values (i bigint, d double precision, t text, "
                            "b bytea, n text)"
                          : "CREATE TABLE contract_values (i INTEGER, d REAL, t TEXT, b BLOB, n TEXT)");
    const std::string bytes("\x00\x01\xff\x7f", 4);
    c.Prepare("INSERT INTO contract_values (i, d, t, b, n) VALUES (?1, ?2, ?3, ?4, ?5)")
        .Bind(1, int64_t{9007199254740993})
        .Bind(2, 0.1 + 0.2)
        .Bind(3, "Rēzekne, Резекне ' \" ?1")
        .BindBlob(4, bytes)
        .BindNull(5)
        .Run();
    EXPECT_EQ(c.Changes(), 1);
  });
  auto r = db().Read();
  Statement st = r->Prepare("SELECT i, d, t, b, n, i > 5 FROM contract_values");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Int(0), 9007199254740993);
  EXPECT_DOUBLE_EQ(st.Double(1), 0.1 + 0.2);
  EXPECT_EQ(st.Text(2), "Rēzekne, Резекне ' \" ?1");
  EXPECT_EQ(st.Blob(3), std::string("\x00\x01\xff\x7f", 4));
  EXPECT_TRUE(st.IsNull(4));
  EXPECT_FALSE(st.OptText(4).has_value());
  EXPECT_EQ(st.Int(5), 1);  // a comparison reads as 1 or 0 on both
  EXPECT_FALSE(st.Step());
}

TEST_F(BackendContract, CachedStatementsComeBackResetWithFreshBindings) {
  db().Write([](Connection& c) {
    c.Exec("CREATE TABLE contract_cached (k TEXT PRIMARY KEY, v INTEGER)");
    for (int i = 0; i < 3; ++i) {
      c.Cached("INSERT INTO contract_cached (k, v) VALUES (?1, ?2)")
          .Bind(1, "k" + std::to_string(i))
          .Bind(2, i)
          .Run();
    }
  });
  auto r = db().Read();
  for (int i = 0; i < 3; ++i) {
    Statement& st = r->Cached("SELECT v FROM contract_cached WHERE k = ?1");
    st.Bind(1, "k" + std::to_string(i));
    ASSERT_TRUE(st.Step());
    EXPECT_EQ(st.Int(0), i);
  }
}

TEST_F(BackendContract, AFailedWriteLeavesNothingAndNamesAConstraint) {
  db().Write([](Connection& c) {
    c.Exec("CREATE TABLE contract_unique (k TEXT PRIMARY KEY, v INTEGER NOT NULL)");
    c.Prepare("INSERT INTO contract_unique (k, v) VALUES ('a', 1)").Run();
  });
  bool constraint = false;
  try {
    db().Write([](Connection& c) {
      c.Prepare("INSERT INTO contract_unique (k, v) VALUES ('b', 2)").Run();
      c.Prepare("INSERT INTO contract_unique (k, v) VALUES ('a', 3)").Run();
    });
  } catch (const SqlError& e) {
    constraint = e.IsConstraint();
  }
  EXPECT_TRUE(constraint);
  // Rolled back as a whole, and the writer is usable again.
  auto count = [&] {
    auto r = db().Read();
    Statement st = r->Prepare("SELECT count(*) FROM contract_unique");
    st.Step();
    return st.Int(0);
  };
  EXPECT_EQ(count(), 1);
  db().Write([](Connection& c) {
    c.Prepare("INSERT INTO contract_unique (k, v) VALUES ('c', 4)").Run();
  });
  EXPECT_EQ(count(), 2);
}

TEST_F(BackendContract, IdentityIdsAndReadOnlyReaders) {
  const int64_t first = db().Write([](Connection& c) {
    c.Exec(c.IsPostgres()
               ? "CREATE TABLE contract_ids (id bigint GENERATED BY DEFAULT AS IDENTITY "
                 "PRIMARY KEY, v TEXT)"
               : "CREATE TABLE contract_ids (id INTEGER PRIMARY KEY, v TEXT)");
    c.Prepare("INSERT INTO contract_ids (v) VALUES ('x')").Run();
    return c.LastInsertRowId();
  });
  const int64_t second = db().Write([](Connection& c) {
    c.Prepare("INSERT INTO contract_ids (v) VALUES ('y')").Run();
    return c.LastInsertRowId();
  });
  EXPECT_GT(first, 0);
  EXPECT_EQ(second, first + 1);
  auto r = db().Read();
  EXPECT_THROW(r->Prepare("INSERT INTO contract_ids (v) VALUES ('z')").Run(), SqlError);
}

TEST_F(BackendContract, RowBatchInsertsEveryRowInOrder) {
  // 7 rows 3 at a time: two full batches (one cached statement) and a last one of 1.
  db().Write([](Connection& c) {
    c.Exec("CREATE TABLE contract_batch (n TEXT, label TEXT, kind TEXT)");
    RowBatch batch(c, "INSERT INTO contract_batch (n, label, kind) VALUES ", "(#, #, 'fixed')", 3);
    for (int i = 1; i <= 7; ++i) batch.Add({std::to_string(i), "row " + std::to_string(i)});
    EXPECT_THROW(batch.Add({"only one value"}), std::logic_error);
    batch.Flush();
    batch.Flush();  // nothing left: nothing written twice
  });
  auto r = db().Read();
  Statement st = r->Prepare(
      "SELECT group_concat(n || ':' || label || ':' || kind, ',') FROM contract_batch");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Text(0),
            "1:row 1:fixed,2:row 2:fixed,3:row 3:fixed,4:row 4:fixed,5:row 5:fixed,"
            "6:row 6:fixed,7:row 7:fixed");
}

TEST_F(BackendContract, UnusedParametersAreIgnoredAsInSqlite) {
  auto r = db().Read();
  Statement& st = r->Cached("SELECT ?3 || '-' || ?5");
  st.Bind(1, "never used").Bind(2, 2).Bind(3, "a").BindNull(4).Bind(5, "b");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Text(0), "a-b");
}

TEST_F(BackendContract, TextThatIsNotUtf8MatchesNothingAndFailsNothing) {
  // A URL segment like %C3%28 arrives as these bytes; SQLite compares them, PostgreSQL would
  // refuse them: both must simply find no row.
  auto r = db().Read();
  Statement st = r->Prepare("SELECT count(*) FROM organization WHERE slug = ?1 OR name = ?2");
  st.Bind(1, std::string_view("\xc3\x28", 2)).Bind(2, std::string_view("a\0b", 3));
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Int(0), 0);
}

TEST_F(BackendContract, ABackgroundJobRunsOnOneNodeAtATime) {
  // A second node: its own Database on the same database.
  DatabaseOptions o;
  o.path = db().path();
  o.read_connections = 1;
  auto other = Database::Open(o);
  ASSERT_TRUE(other.ok()) << other.error().detail;
  bool inner_ran = false;
  bool outer_ran = db().RunExclusive("contract-job", [&] {
    inner_ran = other.value()->RunExclusive("contract-job", [] {});
  });
  EXPECT_TRUE(outer_ran);
  if (db().IsPostgres()) {
    EXPECT_FALSE(inner_ran) << "the second node ran the job while the first held it";
  } else {
    EXPECT_TRUE(inner_ran) << "SQLite: one file, one server; nothing to exclude";
  }
  // Released when the job ends: the other node may run it now; another job was never held.
  EXPECT_TRUE(other.value()->RunExclusive("contract-job", [] {}));
  EXPECT_TRUE(db().RunExclusive("another-job", [&] {
    EXPECT_TRUE(other.value()->RunExclusive("contract-job", [] {}));
  }));
}

TEST_F(BackendContract, SharedFunctionsAgree) {
  auto r = db().Read();
  Statement st = r->Prepare(
      "SELECT instr('bērni un jaunieši', 'un'), greatest(3, 7), least(3, 7), "
      "(SELECT count(*) FROM json_each(?1)), (SELECT group_concat(value) FROM json_each(?1))");
  st.Bind(1, R"(["a","b","c"])");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Int(0), 7);  // in characters on both
  EXPECT_EQ(st.Int(1), 7);
  EXPECT_EQ(st.Int(2), 3);
  EXPECT_EQ(st.Int(3), 3);
  EXPECT_EQ(st.Text(4), "a,b,c");
}

}  // namespace
}  // namespace tilti::store
