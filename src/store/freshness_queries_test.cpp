#include "store/freshness_queries.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

using namespace std::chrono;

TEST(FreshnessMonthsBefore, GoesBackCalendarMonthsAndClampsToTheMonthsLastDay) {
  EXPECT_EQ(MonthsBefore(2026y / November / 22d, 12), "2025-11-22");
  EXPECT_EQ(MonthsBefore(2026y / January / 15d, 13), "2024-12-15");
  EXPECT_EQ(MonthsBefore(2026y / March / 31d, 1), "2026-02-28");
  EXPECT_EQ(MonthsBefore(2024y / March / 31d, 1), "2024-02-29");
  EXPECT_EQ(MonthsBefore(2026y / November / 22d, 120), "2016-11-22");
}

// o1: checked long ago, one location never checked -> stale, never checked.
// o2: checked recently with its location; its service s2 checked in 2020 -> the service only.
// o3: not the librarian's.
class FreshnessQueries : public ::testing::Test {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<MigratedDatabaseForTests>();
    db_ = &temp_->db();
    db_->Write([](Connection& c) {
      c.Exec(
          "INSERT INTO organization (id, slug, kind, name, assured_date, last_modified) VALUES "
          "('o1', 'viens', 'library', 'Viens', '2024-01-10', '2026-01-01T00:00:00Z'),"
          "('o2', 'divi', 'library', 'Divi', '2026-11-01', '2026-01-01T00:00:00Z'),"
          "('o3', 'tris', 'library', 'Trīs', NULL, '2026-01-01T00:00:00Z');"
          "INSERT INTO location (id, organization_id, name, assured_date, last_modified) VALUES "
          "('l1', 'o1', 'Viens', NULL, 't'), ('l1b', 'o1', 'Viens 2', '2025-01-01', 't'),"
          "('l2', 'o2', 'Divi', '2026-10-01', 't');"
          "INSERT INTO service (id, organization_id, name, assured_date, last_modified) VALUES "
          "('s1', 'o2', 'Jauns', '2026-11-20', 't'), ('s2', 'o2', 'Vecs', '2020-05-05', 't'),"
          "('s3', 'o3', 'Cits', NULL, 't');"
          "INSERT INTO translation (entity, entity_id, field, locale, value, source, updated_at) "
          "VALUES ('service', 's2', 'name', 'uk', 'Старий', 'human', 't')");
    });
  }
  void TearDown() override { temp_.reset(); }
  std::unique_ptr<MigratedDatabaseForTests> temp_;
  Database* db_ = nullptr;
};

TEST_F(FreshnessQueries, ListsNeverCheckedFirstThenOldestOnlyTheActorsOwn) {
  auto c = db_->Read();
  const std::string cutoff = MonthsBefore(2026y / November / 22d, 12);  // 2025-11-22
  auto rows = StaleRecords(*c, {"uk", "en"}, {false, {"o1", "o2"}}, cutoff, 10, 0);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].kind, "library");
  EXPECT_EQ(rows[0].id, "o1");
  EXPECT_EQ(rows[0].slug, "viens");
  EXPECT_EQ(rows[0].assured_date, "") << "a location never checked makes the library never checked";
  EXPECT_EQ(rows[1].kind, "service");
  EXPECT_EQ(rows[1].id, "s2");
  EXPECT_EQ(rows[1].name.text, "Старий");
  EXPECT_EQ(rows[1].library_name.text, "Divi");
  EXPECT_EQ(rows[1].assured_date, "2020-05-05");

  auto all = StaleRecords(*c, {"lv"}, {true, {}}, cutoff, 10, 0);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].assured_date, "");
  EXPECT_EQ(all[3].id, "s2");
  EXPECT_EQ(StaleRecords(*c, {"lv"}, {true, {}}, cutoff, 2, 2).size(), 2u) << "second page";
  EXPECT_EQ(StaleRecords(*c, {"lv"}, {true, {}}, "2026-11-30", 10, 0).size(), 6u)
      << "every record is older than a cutoff after today";
}

TEST_F(FreshnessQueries, ConfirmingALibrarySetsItAndItsLocationsAndWritesHistory) {
  Author anna{"acc1", "Anna"};
  EXPECT_EQ(db_->Write([&](Connection& c) {
              return ConfirmLibraryChecked(c, "o1", "2026-11-22", anna, "2026-11-22T08:00:00Z");
            }),
            3);
  EXPECT_EQ(db_->Write([&](Connection& c) {
              return ConfirmLibraryChecked(c, "nope", "2026-11-22", anna, "2026-11-22T08:00:00Z");
            }),
            0);
  auto c = db_->Read();
  auto rows = StaleRecords(*c, {"lv"}, {false, {"o1"}}, "2025-11-22", 10, 0);
  EXPECT_TRUE(rows.empty());
  auto history = HistoryOf(*c, "location", "l1", 10);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].action, "confirm");
  EXPECT_EQ(history[0].field, "assured_date");
  EXPECT_EQ(history[0].before, "");
  EXPECT_EQ(history[0].after, "2026-11-22");
  EXPECT_EQ(HistoryOf(*c, "organization", "o1", 10).size(), 1u);
  Statement st = c->Prepare("SELECT last_modified FROM organization WHERE id = 'o1'");
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Text(0), "2026-01-01T00:00:00Z") << "last changed is not last checked";
}

TEST_F(FreshnessQueries, ConfirmingAServiceSetsOnlyIt) {
  Author anna{"acc1", "Anna"};
  EXPECT_TRUE(db_->Write([&](Connection& c) {
    return ConfirmServiceChecked(c, "s2", "2026-11-22", anna, "2026-11-22T08:00:00Z");
  }));
  EXPECT_FALSE(db_->Write([&](Connection& c) {
    return ConfirmServiceChecked(c, "nope", "2026-11-22", anna, "2026-11-22T08:00:00Z");
  }));
  auto c = db_->Read();
  EXPECT_TRUE(StaleRecords(*c, {"lv"}, {false, {"o2"}}, "2025-11-22", 10, 0).empty());
  auto history = HistoryOf(*c, "service", "s2", 10);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].before, "2020-05-05");
}

}  // namespace
}  // namespace tilti::store
