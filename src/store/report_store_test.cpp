#include "store/report_store.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

class ReportStore : public ::testing::Test {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<MigratedDatabaseForTests>();
    db_ = &temp_->db();
    db_->Write([](Connection& c) {
      c.Exec(
          "INSERT INTO organization (id, slug, kind, name, last_modified) VALUES "
          "('o1', 'lib', 'library', 'Bibliotēka', '2026-01-01T00:00:00Z')");
    });
  }
  void TearDown() override { temp_.reset(); }
  bool Take(const std::vector<RateLimit>& limits, int64_t now) {
    return db_->Write([&](Connection& c) { return TakeRateLimits(c, limits, now); });
  }
  std::unique_ptr<MigratedDatabaseForTests> temp_;
  Database* db_ = nullptr;
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
