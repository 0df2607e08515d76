#include "store/directory_edits.h"

#include <gtest/gtest.h>

#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

constexpr std::string_view kSlug = "ogres-centrala-biblioteka";
constexpr std::string_view kNow = "2026-11-22T10:00:00Z";

class DirectoryEdits : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = new DemoDatabaseForTests(); }
  static void TearDownTestSuite() {
    delete demo_;
    demo_ = nullptr;
  }
  Database& db() { return demo_->db(); }
  LibraryEditRecord Load() {
    auto r = LoadLibraryForEdit(*db().Read(), kSlug, "2026-11-22");
    EXPECT_TRUE(r.has_value());
    return *r;
  }
  static DemoDatabaseForTests* demo_;
  Author anna{"acc-anna", "Anna"};
};
DemoDatabaseForTests* DirectoryEdits::demo_ = nullptr;

TEST_F(DirectoryEdits, NewSourceTextFlagsTranslationsOutdatedAndIsAudited) {
  LibraryEditRecord lib = Load();
  db().Write([&](Connection& c) {
    c.Prepare("INSERT INTO translation (entity, entity_id, field, locale, value, "
              "source, outdated, updated_at) VALUES ('organization', ?1, 'description', 'uk', "
              "'Опис', 'human', 0, ?2) ON CONFLICT (entity, entity_id, field, locale) DO UPDATE "
              "SET value = excluded.value, source = excluded.source, outdated = 0, "
              "updated_at = excluded.updated_at")
        .Bind(1, lib.organization_id).Bind(2, kNow).Run();
  });
  directory::LibraryTexts texts = lib.texts;
  texts.description = "Jauns apraksts";
  int n = db().Write([&](Connection& c) { return SaveLibraryTexts(c, lib, texts, anna, kNow); });
  EXPECT_EQ(n, 1) << "only the description changed";
  auto c = db().Read();
  Statement st = c->Prepare(
      "SELECT outdated FROM translation WHERE entity = 'organization' AND entity_id = ?1 AND "
      "field = 'description' AND locale = 'uk'");
  st.Bind(1, lib.organization_id);
  ASSERT_TRUE(st.Step());
  EXPECT_EQ(st.Int(0), 1) << "the Ukrainian translation now needs an update";
  auto history = HistoryOf(*c, "organization", lib.organization_id, 5);
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history[0].field, "description");
  EXPECT_EQ(history[0].after, "Jauns apraksts");
  EXPECT_EQ(history[0].author_name, "Anna");
  EXPECT_EQ(Load().texts.description, "Jauns apraksts");
  EXPECT_EQ(db().Write([&](Connection& c) { return SaveLibraryTexts(c, Load(), texts, anna, kNow); }),
            0)
      << "saving the same texts again changes nothing";
}

TEST_F(DirectoryEdits, HoursKeepDatedPeriodsAndRecordBeforeAndAfter) {
  LibraryEditRecord lib = Load();
  std::vector<directory::Period> periods = {{1, 9 * 60, 18 * 60}, {6, 10 * 60, 14 * 60}};
  db().Write([&](Connection& c) { SaveWeeklyHours(c, lib, periods, anna, kNow); });
  LibraryEditRecord after = Load();
  EXPECT_EQ(after.weekly.size(), 2u);
  auto history = HistoryOf(*db().Read(), "location", lib.location_id, 1);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].after, "MO 09:00-18:00; SA 10:00-14:00");
}

TEST_F(DirectoryEdits, PlaceAndContactsRoundTrip) {
  LibraryEditRecord lib = Load();
  directory::LibraryPlace place{"Brīvības iela 33", "Ogre", "LV-5001", 56.8162, 24.6051};
  directory::LibraryContacts contacts{"info@example.lv", "https://example.lv", {"+371 65000000"}};
  db().Write([&](Connection& c) {
    SaveLibraryPlace(c, lib, place, anna, kNow);
    SaveLibraryContacts(c, lib, contacts, anna, kNow);
  });
  LibraryEditRecord after = Load();
  EXPECT_EQ(after.place, place);
  EXPECT_EQ(after.contacts, contacts);
}

TEST_F(DirectoryEdits, ProposalIsDecidedOnce) {
  LibraryEditRecord lib = Load();
  PendingChange p;
  p.id = "p-1";
  p.kind = "library-texts";
  p.entity = "organization";
  p.entity_id = lib.organization_id;
  p.organization_id = lib.organization_id;
  p.payload = R"({"form":"name=X"})";
  p.summary = "X";
  p.proposed_at = std::string(kNow);
  db().Write([&](Connection& c) { InsertPendingChange(c, p, anna); });
  EXPECT_EQ(PendingChanges(*db().Read(), lib.organization_id, 10).size(), 1u);
  Author olga{"acc-olga", "Olga"};
  EXPECT_TRUE(db().Write([&](Connection& c) {
    return DecidePendingChange(c, "p-1", false, "Nē", olga, kNow);
  }));
  EXPECT_FALSE(db().Write([&](Connection& c) {
    return DecidePendingChange(c, "p-1", true, "", olga, kNow);
  })) << "a decided proposal cannot be decided again";
  auto decided = PendingChangeById(*db().Read(), "p-1");
  ASSERT_TRUE(decided);
  EXPECT_EQ(decided->status, "rejected");
  EXPECT_TRUE(PendingChanges(*db().Read(), lib.organization_id, 10).empty());
}

}  // namespace
}  // namespace tilti::store
