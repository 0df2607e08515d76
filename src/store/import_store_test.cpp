#include "store/import_store.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "store/demo_database_for_tests.h"
#include "store/hours_queries.h"
#include "store/search_index.h"

namespace tilti::store {
namespace {

using exchange::LibraryRecord;

LibraryRecord Library(std::string id, std::string name, std::string city) {
  LibraryRecord r;
  r.source = "gb-england";
  r.external_id = std::move(id);
  r.name = std::move(name);
  r.locale = "en";
  r.country = "GB";
  r.time_zone = "Europe/London";
  r.city = std::move(city);
  r.address_1 = "1 High Street";
  r.postal_code = "AB1 2CD";
  r.latitude = 51.5;
  r.longitude = -0.1;
  return r;
}

class ImportStore : public ::testing::Test {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<MigratedDatabaseForTests>();
    db_ = &temp_->db();
  }
  void TearDown() override { temp_.reset(); }
  int64_t Count(const std::string& sql) {
    auto lease = db_->Read();
    Statement st = lease->Prepare(sql);
    st.Step();
    return st.Int(0);
  }
  std::string Text(const std::string& sql) {
    auto lease = db_->Read();
    Statement st = lease->Prepare(sql);
    return st.Step() ? st.Text(0) : "<none>";
  }
  std::unique_ptr<MigratedDatabaseForTests> temp_;
  Database* db_ = nullptr;
};

TEST_F(ImportStore, WritesEachLibraryAsHsdsRecords) {
  LibraryRecord r = Library("1", "Barking Library", "Barking");
  r.phone = "+44 20 1234";
  r.wheelchair_accessible = true;
  r.hours = {{1, 9 * 60, 17 * 60}, {6, 10 * 60, 13 * 60}};
  ImportCounts n = ImportLibraries(*db_, {r}, "2026-11-22T10:00:00Z");
  EXPECT_EQ(n.libraries, 1);
  EXPECT_EQ(n.added, 1);
  EXPECT_EQ(n.with_hours, 1);
  EXPECT_EQ(Text("SELECT slug || ' ' || kind || ' ' || country FROM organization"),
            "barking-library library GB");
  EXPECT_EQ(Text("SELECT external_identifier_type || ':' || external_identifier || ' ' || "
                 "time_zone || ' ' || coalesce(holiday_calendar_id, 'none') FROM location"),
            "gb-england:1 Europe/London none");
  EXPECT_EQ(Text("SELECT address_1 || ', ' || city || ' ' || postal_code FROM address"),
            "1 High Street, Barking AB1 2CD");
  EXPECT_EQ(Count("SELECT count(*) FROM phone WHERE number = '+44 20 1234'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM service_at_location"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM schedule WHERE freq = 'WEEKLY'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM attribute a JOIN taxonomy_term t ON t.id = "
                  "a.taxonomy_term_id WHERE t.code = 'step-free-entrance'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM translation WHERE source = 'original' AND locale = 'en'"),
            3);
  // The library is in the search index, found by its town too.
  auto hits = SearchLibraries(*db_->Read(), "barking", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].organization_slug, "barking-library");
}

TEST_F(ImportStore, RunningTheSameImportAgainDuplicatesNothingAndKeepsTimestamps) {
  std::vector<LibraryRecord> records = {Library("1", "Central Library", "Leeds"),
                                        Library("2", "Central Library", "York")};
  ImportLibraries(*db_, records, "2026-11-22T10:00:00Z");
  ImportCounts again = ImportLibraries(*db_, records, "2026-11-23T10:00:00Z");
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(Count("SELECT count(*) FROM organization"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM location"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM address"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM service"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM organization WHERE last_modified = "
                  "'2026-11-22T10:00:00Z'"),
            2);
  // A changed name updates that one library and its timestamp; the slug stays.
  records[1].name = "York Explore Library";
  ImportLibraries(*db_, records, "2026-11-24T10:00:00Z");
  EXPECT_EQ(Text("SELECT name || ' ' || slug || ' ' || last_modified FROM organization "
                 "WHERE name LIKE 'York%'"),
            "York Explore Library central-library-york 2026-11-24T10:00:00Z");
}

TEST_F(ImportStore, GivesEachLibraryItsOwnSlug) {
  ImportLibraries(*db_,
                  {Library("1", "Central Library", "Leeds"), Library("2", "Central Library", "Leeds"),
                   Library("3", "Rēzekne Library", "")},
                  "2026-11-22T10:00:00Z");
  EXPECT_EQ(Text("SELECT group_concat(slug, ' ') FROM (SELECT slug FROM organization ORDER BY "
                 "slug) AS o"),
            "central-library-leeds central-library-leeds-2 rezekne-library");
}

TEST_F(ImportStore, AnUnwritableRecordLeavesTheDatabaseAsItWas) {
  ImportLibraries(*db_, {Library("1", "Kept Library", "Leeds")}, "2026-11-22T10:00:00Z");
  LibraryRecord bad = Library("2", "Bad Library", "York");
  bad.hours = {{1, 10 * 60, 12 * 60}, {1, 11 * 60, 13 * 60}};  // overlapping: refused
  EXPECT_ANY_THROW(ImportLibraries(
      *db_, {Library("3", "New Library", "Hull"), bad}, "2026-11-23T10:00:00Z"));
  EXPECT_EQ(Count("SELECT count(*) FROM organization"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM location"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM search_document"), 1);
}

TEST_F(ImportStore, KeepsHoursItCannotReadAsADescribedSchedule) {
  LibraryRecord r = Library("node/1", "Bibliothek", "Bern");
  r.source = "ch-osm";
  r.hours_note = "Mo-Fr 10:00-12:00; Jan-Jun Sa 09:00-12:00";
  ImportLibraries(*db_, {r}, "2026-11-22T10:00:00Z");
  EXPECT_EQ(Text("SELECT description FROM schedule"), *r.hours_note);
  EXPECT_EQ(Count("SELECT count(*) FROM schedule WHERE freq IS NOT NULL"), 0);
}

}  // namespace
}  // namespace tilti::store
