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

TEST_F(ReportStore, QueueShowsOnlyTheFiltersOrganisationsOldestOpenFirst) {
  db_->Write([](Connection& c) {
    c.Exec(
        "INSERT INTO organization (id, slug, kind, name, last_modified) VALUES "
        "('o2', 'lib2', 'library', 'Otra', '2026-01-01T00:00:00Z');"
        "INSERT INTO translation (entity, entity_id, field, locale, value, source, updated_at) VALUES "
        "('organization', 'o1', 'name', 'uk', 'Бібліотека', 'human', 't')");
    InsertReport(c, "a", {"o1", ""}, {"hours", "Vēlākais ziņojums"}, "lv", "2026-11-22T10:00:02Z");
    InsertReport(c, "b", {"o1", ""}, {"other", "Agrākais ziņojums"}, "ru", "2026-11-22T10:00:01Z");
    InsertReport(c, "c", {"o2", ""}, {"place", "Cita bibliotēka"}, "en", "2026-11-22T09:00:00Z");
  });
  auto c = db_->Read();
  OrganizationScope own{false, {"o1"}};
  auto open = ReportsInQueue(*c, {"uk", "en"}, own, "open", 10, 0);
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].id, "b");
  EXPECT_EQ(open[1].id, "a");
  EXPECT_EQ(open[0].slug, "lib");
  EXPECT_EQ(open[0].library_name.text, "Бібліотека");
  EXPECT_EQ(open[0].locale, "ru");
  EXPECT_EQ(ReportsInQueue(*c, {"lv"}, {true, {}}, "open", 10, 0).size(), 3u);
  EXPECT_EQ(ReportsInQueue(*c, {"lv"}, {true, {}}, "open", 2, 2).size(), 1u) << "second page";
  EXPECT_TRUE(ReportsInQueue(*c, {"lv"}, {false, {}}, "open", 10, 0).empty());
  EXPECT_TRUE(ReportsInQueue(*c, {"lv"}, own, "closed", 10, 0).empty());
}

TEST_F(ReportStore, ClosingKeepsWhoWhenAndTheNoteAndWritesHistoryOnce) {
  db_->Write([](Connection& c) {
    c.Exec(
        "INSERT INTO account (id, email, display_name, role, password_hash, created_at, "
        "updated_at, password_changed_at) VALUES ('acc1', 'a@example.lv', 'Anna', 'librarian', "
        "'x', 't', 't', 't')");
    InsertReport(c, "r", {"o1", ""}, {"hours", "Slēgts sestdienās"}, "lv", "2026-11-22T10:00:00Z");
  });
  Author anna{"acc1", "Anna"};
  EXPECT_TRUE(db_->Write([&](Connection& c) {
    return CloseReport(c, "r", anna, "Piezvanījām, laiki pareizi", "2026-11-23T08:00:00Z");
  }));
  EXPECT_FALSE(db_->Write([&](Connection& c) {
    return CloseReport(c, "r", anna, "otrreiz", "2026-11-23T09:00:00Z");
  })) << "a closed report is not closed again";
  EXPECT_FALSE(db_->Write([&](Connection& c) {
    return CloseReport(c, "missing", anna, "x", "2026-11-23T09:00:00Z");
  }));
  auto c = db_->Read();
  auto r = ReportById(*c, {"lv"}, "r");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, "closed");
  EXPECT_EQ(r->closed_at, "2026-11-23T08:00:00Z");
  EXPECT_EQ(r->closed_by, "acc1");
  EXPECT_EQ(r->closed_by_name, "Anna");
  EXPECT_EQ(r->closing_note, "Piezvanījām, laiki pareizi");
  auto history = HistoryOf(*c, "report", "r", 10);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].author_id, "acc1");
  EXPECT_FALSE(ReportById(*c, {"lv"}, "missing"));
}

TEST_F(ReportStore, ReopeningClearsTheClosingFieldsButNotTheHistory) {
  db_->Write([](Connection& c) {
    InsertReport(c, "r", {"o1", ""}, {"hours", "Slēgts sestdienās"}, "lv", "2026-11-22T10:00:00Z");
    CloseReport(c, "r", {"acc", "Anna"}, "Izlabots", "2026-11-23T08:00:00Z");
  });
  EXPECT_TRUE(db_->Write(
      [&](Connection& c) { return ReopenReport(c, "r", {"acc", "Anna"}, "2026-11-24T08:00:00Z"); }));
  EXPECT_FALSE(db_->Write(
      [&](Connection& c) { return ReopenReport(c, "r", {"acc", "Anna"}, "2026-11-24T08:00:00Z"); }));
  auto c = db_->Read();
  auto r = ReportById(*c, {"lv"}, "r");
  EXPECT_EQ(r->status, "open");
  EXPECT_EQ(r->closing_note, "");
  EXPECT_EQ(HistoryOf(*c, "report", "r", 10).size(), 4u);
}

}  // namespace
}  // namespace tilti::store
