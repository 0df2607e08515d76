#include "store/report_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "store/database.h"
#include "store/migrations.h"

namespace tilti::store {
namespace {

namespace fs = std::filesystem;

class ReportStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tilti-rs-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    DatabaseOptions o;
    o.path = (dir_ / "r.db").string();
    o.create_if_missing = true;
    db_ = std::move(Database::Open(o).value());
    ASSERT_TRUE(db_->Migrate(BuiltinSqliteMigrations()).ok());
    db_->Write([](Connection& c) {
      c.Exec(
          "INSERT INTO organization (id, slug, kind, name, last_modified) VALUES "
          "('o1', 'lib', 'library', 'Bibliotēka', '2026-01-01T00:00:00Z')");
    });
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }
  bool Take(const std::vector<RateLimit>& limits, int64_t now) {
    return db_->Write([&](Connection& c) { return TakeRateLimits(c, limits, now); });
  }
  fs::path dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(ReportStore, RateLimitAllowsMaxHitsPerWindowThenRefusesUntilTheNextWindow) {
  std::vector<RateLimit> limits = {{"report:addr:1", 600, 3}};
  EXPECT_TRUE(Take(limits, 1000));
  EXPECT_TRUE(Take(limits, 1001));
  EXPECT_TRUE(Take(limits, 1100));
  EXPECT_FALSE(Take(limits, 1199)) << "the fourth hit in the window is refused";
  EXPECT_TRUE(Take(limits, 1200)) << "a new window starts at 1200";
}

TEST_F(ReportStore, AFullLimitCountsNothingAgainstTheOthers) {
  std::vector<RateLimit> both = {{"a", 600, 1}, {"b", 600, 5}};
  EXPECT_TRUE(Take(both, 0));
  EXPECT_FALSE(Take(both, 1));
  auto lease = db_->Read();
  Statement st = lease->Prepare("SELECT count FROM rate_limit WHERE key = 'b'");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Int(0), 1) << "the refused request was not counted against b";
}

TEST_F(ReportStore, ReportsQueueInOrderAndKeepWhatWasSaid) {
  auto ref = LibraryRefBySlug(*db_->Read(), "lib");
  ASSERT_TRUE(ref.has_value());
  EXPECT_FALSE(LibraryRefBySlug(*db_->Read(), "nope").has_value());
  db_->Write([&](Connection& c) {
    InsertReport(c, "r2", *ref, {"hours", "Slēgts sestdienās <b>"}, "lv", "2026-11-22T10:00:01Z");
    InsertReport(c, "r1", *ref, {"other", "Cits teksts, pietiekami garš"}, "uk",
                 "2026-11-22T10:00:00Z");
  });
  auto open = OpenReports(*db_->Read(), 10);
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].id, "r1");
  EXPECT_EQ(open[1].message, "Slēgts sestdienās <b>") << "stored as typed; escaped on output";
  EXPECT_EQ(open[1].locale, "lv");
}

}  // namespace
}  // namespace tilti::store
