#include "store/directory_changes.h"

#include <gtest/gtest.h>

#include "store/demo_database_for_tests.h"
#include "store/search_index.h"

namespace tilti::store {
namespace {

// Everything the searches read that a reindex writes, as rows of text.
std::vector<std::string> IndexState(Connection& c) {
  std::vector<std::string> out;
  for (const char* sql :
       {"SELECT entity_id || '|' || names || '|' || places || '|' || body FROM search_document "
        "ORDER BY entity_id",
        "SELECT term || '|' || length || '|' || documents FROM search_term ORDER BY term",
        "SELECT service_id || '|' || text FROM service_search ORDER BY rowid",
        "SELECT organization_id || '|' || text FROM organization_search ORDER BY rowid"}) {
    Statement st = c.Prepare(sql);
    while (st.Step()) out.push_back(st.Text(0));
    out.push_back("--");
  }
  return out;
}

// The incremental reindex of one organisation leaves the index exactly as a full rebuild of
// the same data would.
TEST(DirectoryChanges, ReindexOfOneLibraryEqualsAFullRebuild) {
  DemoDatabaseForTests demo;
  Database& db = demo.db();
  std::string org;
  db.Write([&](Connection& c) {
    Statement st = c.Prepare("SELECT id FROM organization WHERE slug = 'ogres-centrala-biblioteka'");
    ASSERT_TRUE(st.Step());
    org = st.Text(0);
    // New words in the name, a description in Ukrainian, a service renamed: words appear and
    // disappear from the vocabulary.
    c.Prepare("UPDATE organization SET name = 'Ogres Zvaigžņu bibliotēka' WHERE id = ?1")
        .Bind(1, org).Run();
    c.Prepare("INSERT INTO translation (entity, entity_id, field, locale, value, "
              "source, updated_at) VALUES ('organization', ?1, 'description', 'uk', "
              "'Бібліотека зірок', 'human', '2026-11-22T00:00:00Z') "
              "ON CONFLICT (entity, entity_id, field, locale) DO UPDATE SET "
              "value = excluded.value, source = excluded.source, updated_at = excluded.updated_at")
        .Bind(1, org).Run();
    c.Prepare("UPDATE service SET name = 'Kosmosa klubs' WHERE id = (SELECT id FROM service "
              "WHERE organization_id = ?1 ORDER BY id LIMIT 1)")
        .Bind(1, org).Run();
    DirectoryTextsChanged(c, org);
  });
  std::vector<std::string> incremental = IndexState(*db.Read());
  db.Write([](Connection& c) { RebuildLibraryIndex(c); });
  std::vector<std::string> full = IndexState(*db.Read());
  EXPECT_EQ(incremental, full);
  EXPECT_NE(std::find_if(full.begin(), full.end(),
                         [](const std::string& row) { return row.starts_with("zvaigznu|"); }),
            full.end())
      << "the new word is in the vocabulary";
}

}  // namespace
}  // namespace tilti::store
