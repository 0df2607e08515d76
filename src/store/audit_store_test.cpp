#include "store/audit_store.h"

#include <gtest/gtest.h>

#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

class AuditStore : public ::testing::Test {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<MigratedDatabaseForTests>();
    temp_->db().Write([](Connection& c) {
      c.Exec(
          "INSERT INTO organization (id, slug, kind, name, last_modified) VALUES "
          "('o1', 'lib-a', 'library', 'Bibliotēka A', '2026-01-01T00:00:00Z');"
          "INSERT INTO location (id, organization_id, last_modified) VALUES "
          "('l1', 'o1', '2026-01-01T00:00:00Z');");
    });
  }
  Database& db() { return temp_->db(); }
  std::unique_ptr<MigratedDatabaseForTests> temp_;
  Author anna{"acc-1", "Anna Bērziņa"};
};

TEST_F(AuditStore, RecordsChangedFieldsOnlyAndReadsThemBackNewestFirst) {
  int n = db().Write([&](Connection& c) {
    int w = RecordChanges(c, "organization", "o1", "update",
                          {{"name", "Bibliotēka A", "Bibliotēka Ā"}, {"email", "x@y.lv", "x@y.lv"}},
                          anna, "2026-11-22T10:00:00Z");
    w += RecordChanges(c, "location", "l1", "update", {{"hours", "", "MO 10:00-18:00"}}, anna,
                       "2026-11-22T11:00:00Z");
    return w;
  });
  EXPECT_EQ(n, 2) << "the unchanged e-mail address is not a change";
  auto c = db().Read();
  auto org = HistoryOf(*c, "organization", "o1", 10);
  ASSERT_EQ(org.size(), 1u);
  EXPECT_EQ(org[0].field, "name");
  EXPECT_EQ(org[0].before, "Bibliotēka A");
  EXPECT_EQ(org[0].after, "Bibliotēka Ā");
  EXPECT_EQ(org[0].author_name, "Anna Bērziņa");
  EXPECT_EQ(org[0].author_id, "acc-1");
  auto all = HistoryOfOrganization(*c, "o1", 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].field, "hours") << "newest first, the location's rows included";
}

TEST_F(AuditStore, RowsCannotBeChangedOrDeleted) {
  db().Write([&](Connection& c) {
    RecordChanges(c, "organization", "o1", "update", {{"name", "a", "b"}}, anna,
                  "2026-11-22T10:00:00Z");
  });
  EXPECT_THROW(db().Write([](Connection& c) { c.Exec("UPDATE metadata SET previous_value = 'x'"); }),
               SqlError);
  EXPECT_THROW(db().Write([](Connection& c) { c.Exec("DELETE FROM metadata"); }), SqlError);
  EXPECT_EQ(HistoryOf(*db().Read(), "organization", "o1", 10).size(), 1u);
}

TEST_F(AuditStore, ConfirmationsAreRecordedEvenWithoutAChangedValue) {
  db().Write([&](Connection& c) {
    RecordChanges(c, "organization", "o1", "confirm", {{"assured_date", "2026-11-22", "2026-11-22"}},
                  anna, "2026-11-22T10:00:00Z");
  });
  EXPECT_EQ(HistoryOf(*db().Read(), "organization", "o1", 10).size(), 1u);
}

}  // namespace
}  // namespace tilti::store
