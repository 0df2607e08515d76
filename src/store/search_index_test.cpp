#include "store/search_index.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "directory/demo_dataset.h"
#include "store/database.h"
#include "store/demo_store.h"
#include "store/migrations.h"

namespace tilti::store {
namespace {

namespace fs = std::filesystem;

constexpr char kRezekne[] = "rezeknes-centrala-biblioteka";
constexpr char kLatgale[] = "latgales-centrala-biblioteka";  // in Daugavpils
constexpr char kJelgava[] = "jelgavas-pilsetas-biblioteka";
constexpr char kVentspils[] = "ventspils-biblioteka";
constexpr char kOgre[] = "ogres-centrala-biblioteka";

// The demo data set read from the source tree (demo/), as embedded::demo() would give it.
const directory::DemoDataset& Demo() {
  static const directory::DemoDataset d = [] {
    const fs::path root = fs::path(TILTI_SOURCE_DIR) / "demo";
    std::map<std::string, std::string> bytes;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      bytes[fs::relative(entry.path(), root).generic_string()] = ss.str();
    }
    std::vector<embedded::File> files;
    for (const auto& [path, b] : bytes) files.push_back({path, b});
    auto r = directory::ParseDemo(files);
    if (!r.ok()) throw std::runtime_error(r.error().detail);
    return std::move(r.value());
  }();
  return d;
}

// One database with the demo loaded and indexed, shared by the tests of this file (they only
// read it).
class SearchIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ =
        (fs::temp_directory_path() / ("tilti_search_index_" + std::to_string(::getpid()) + ".db"))
            .string();
    Cleanup();
    DatabaseOptions options;
    options.path = path_;
    options.create_if_missing = true;
    options.read_connections = 1;
    auto db = Database::Open(options);
    if (!db.ok()) throw std::runtime_error(db.error().detail);
    db_ = std::move(db.value());
    auto applied = db_->Migrate(BuiltinSqliteMigrations());
    if (!applied.ok()) throw std::runtime_error(applied.error().detail);
    LoadDemo(*db_, Demo(), "2026-11-22T10:00:00Z");
    const auto start = std::chrono::steady_clock::now();
    db_->Write([](Connection& c) { RebuildLibraryIndex(c); });
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    std::cout << "[ rebuild  ] RebuildLibraryIndex on the demo data: " << us << " us\n";
  }
  static void TearDownTestSuite() {
    db_.reset();
    Cleanup();
  }
  static void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path_ + suffix);
  }

  static std::vector<SearchHit> Search(std::string_view query, size_t limit = 20) {
    ReadLease r = db_->Read();
    return SearchLibraries(*r, query, limit);
  }
  static std::vector<std::string> Slugs(std::string_view query) {
    std::vector<std::string> out;
    for (const auto& h : Search(query)) out.push_back(h.organization_slug);
    return out;
  }
  static bool Finds(std::string_view query, std::string_view slug) {
    const auto slugs = Slugs(query);
    return std::find(slugs.begin(), slugs.end(), slug) != slugs.end();
  }
  static int64_t Scalar(const std::string& sql) {
    ReadLease r = db_->Read();
    Statement s = r->Prepare(sql);
    s.Step();
    return s.Int(0);
  }

  static inline std::string path_;
  static inline std::unique_ptr<Database> db_;
};

TEST_F(SearchIndexTest, IndexesOneDocumentPerLibraryLocation) {
  EXPECT_EQ(Scalar("SELECT count(*) FROM search_document"), 10);
  EXPECT_EQ(Scalar("SELECT count(*) FROM search_document WHERE entity = 'location' AND "
                   "entity_id NOT IN (SELECT id FROM location)"),
            0);
  EXPECT_GT(Scalar("SELECT count(*) FROM search_term"), 100);
  EXPECT_EQ(Scalar("SELECT count(*) FROM search_term WHERE length <> length(term)"), 0);
  std::cout << "[ index    ] " << Scalar("SELECT count(*) FROM search_term")
            << " distinct folded words; "
            << Scalar(
                   "SELECT sum(length(names) + length(places) + length(body)) "
                   "FROM search_document")
            << " characters of folded text\n";
}

TEST_F(SearchIndexTest, FindsRezekneInEveryScriptAndSpelling) {
  for (std::string_view q : {"Rezekne", "rēzekne", "Резекне", "REZEKNE", "Rēzeknes"}) {
    const auto hits = Search(q);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(hits.front().organization_slug, kRezekne) << q;
  }
  const auto hits = Search("Резекне");
  EXPECT_EQ(hits.front().matched_terms, std::vector<std::string>{"rezekne"});
  EXPECT_GT(hits.front().score, 0);
}

TEST_F(SearchIndexTest, FindsDaugavpilsDespiteATypoAndInCyrillic) {
  for (std::string_view q : {"Daugavpls", "Даугавпилс", "Даугавпілс", "daugavpils"}) {
    const auto hits = Search(q);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(hits.front().organization_slug, kLatgale) << q;
  }
  EXPECT_EQ(Search("Daugavpls").front().matched_terms, std::vector<std::string>{"daugavpils"});
  EXPECT_TRUE(Finds("Dagavpls", kLatgale));            // two edits in a word of 8+ letters
  EXPECT_TRUE(Finds("latgales centralaa", kLatgale));  // a typo in the last word
}

TEST_F(SearchIndexTest, FindsJelgavaByPrefixAndInUkrainian) {
  for (std::string_view q : {"Jelg", "jelgava", "Єлгава", "Елгава", "Елг"}) {
    const auto hits = Search(q);
    ASSERT_FALSE(hits.empty()) << q;
    EXPECT_EQ(hits.front().organization_slug, kJelgava) << q;
  }
  EXPECT_EQ(Search("Jelg").front().matched_terms.front().substr(0, 4), "jelg");
}

TEST_F(SearchIndexTest, FindsLiepajaInRussian) {
  EXPECT_TRUE(Finds("Лиепая", "liepajas-centrala-zinatniska-biblioteka"));
  EXPECT_TRUE(Finds("liepaja", "liepajas-centrala-zinatniska-biblioteka"));
}

TEST_F(SearchIndexTest, EveryWordMustMatch) {
  // Every demo library offers public computers ("Publiski pieejami datori").
  EXPECT_EQ(Slugs("datori").size(), 10u);
  EXPECT_EQ(Slugs("Ventspils datori"), std::vector<std::string>{kVentspils});
  EXPECT_EQ(Slugs("Вентспилс datori"), std::vector<std::string>{kVentspils});
  EXPECT_EQ(Slugs("Ventspils Резекне"), std::vector<std::string>{});
  const auto hits = Search("ventspils dator");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits.front().matched_terms.size(), 2u);
  EXPECT_EQ(hits.front().matched_terms[0], "ventspils");
  EXPECT_TRUE(hits.front().matched_terms[1].starts_with("dator"));
}

TEST_F(SearchIndexTest, SearchesServicesAndTermsInEveryLocale) {
  EXPECT_EQ(Slugs("компьютеры").size(), 10u);  // ru name of the public-computers service type
  EXPECT_EQ(Slugs("computers").size(), 10u);
  EXPECT_TRUE(Finds("Latgales", kLatgale));
  EXPECT_TRUE(Finds("Латгальська", kLatgale));
}

TEST_F(SearchIndexTest, QueriesCannotInjectFts5Syntax) {
  for (std::string_view q : {"ogre\" OR \"x", "NEAR(", "*", "\"", "ogre*", "ogre NOT rezekne",
                             "ogre OR rezekne", "names:ogre", "{names}: ogre", "^ogre", "ogre AND",
                             "(ogre", "ogre)", "'; DROP TABLE x", "ogre + rezekne", "-ogre"}) {
    std::vector<SearchHit> hits;
    ASSERT_NO_THROW(hits = Search(q)) << q;
    for (const auto& h : hits) {
      // Every word that survives folding is required, so nothing but Ogre can match a query
      // naming Ogre, and nothing at all matches one that also names a word no library has.
      EXPECT_EQ(h.organization_slug, kOgre) << q;
    }
  }
  EXPECT_TRUE(Slugs("ogre\" OR \"x").empty());  // "x" is a required word no library has
  EXPECT_TRUE(Slugs("ogre NOT rezekne").empty());
  EXPECT_EQ(Slugs("ogre*"), std::vector<std::string>{kOgre});
}

TEST_F(SearchIndexTest, EmptyAndUnmatchedQueriesGiveNoHits) {
  EXPECT_TRUE(Search("").empty());
  EXPECT_TRUE(Search("   ").empty());
  EXPECT_TRUE(Search("!!! ... ---").empty());
  EXPECT_TRUE(Search("zzzzzz").empty());
  EXPECT_TRUE(Search("qq").empty());
  EXPECT_TRUE(Search("Rezekne", 0).empty());
  EXPECT_TRUE(Search(std::string("\xff\xfe")).empty());
  EXPECT_NO_THROW(Search(std::string(5000, 'a') + " " + std::string(300, 'x')));
}

TEST_F(SearchIndexTest, OneLetterIsAPrefix) {
  std::vector<SearchHit> hits;
  ASSERT_NO_THROW(hits = Search("j"));
  EXPECT_FALSE(hits.empty());
  ASSERT_NO_THROW(hits = Search("ж"));
  EXPECT_LE(Search("j", 3).size(), 3u);
}

TEST_F(SearchIndexTest, ListsEachLibraryOnceBestFirst) {
  const auto hits = Search("biblioteka");
  ASSERT_EQ(hits.size(), 10u);
  for (size_t i = 1; i < hits.size(); ++i) {
    EXPECT_GE(hits[i - 1].score, hits[i].score);
    EXPECT_NE(hits[i - 1].organization_slug, hits[i].organization_slug);
  }
  EXPECT_EQ(Search("biblioteka", 4).size(), 4u);
}

TEST_F(SearchIndexTest, RebuildingIsRepeatable) {
  const int64_t terms = Scalar("SELECT count(*) FROM search_term");
  db_->Write([](Connection& c) { RebuildLibraryIndex(c); });
  EXPECT_EQ(Scalar("SELECT count(*) FROM search_document"), 10);
  EXPECT_EQ(Scalar("SELECT count(*) FROM search_term"), terms);
  EXPECT_EQ(Search("Rezekne").front().organization_slug, kRezekne);
}

// Prints, never asserts: these machines are shared and noisy (QUALITY.md "Speed").
TEST_F(SearchIndexTest, MeasuresThousandSearches) {
  using Clock = std::chrono::steady_clock;
  const auto micros = [](Clock::duration d) {
    return std::chrono::duration_cast<std::chrono::microseconds>(d).count();
  };
  const std::vector<std::string_view> queries = {
      "Rezekne", "Резекне", "Daugavpls", "Jelg",   "Ventspils datori",
      "Єлгава",  "bibl",    "j",         "zzzzzz", "latgales centralaa"};
  ReadLease r = db_->Read();
  std::vector<Clock::duration> per_query(queries.size());
  size_t found = 0;
  const auto start = Clock::now();
  for (int i = 0; i < 1000; ++i) {
    const size_t q = i % queries.size();
    const auto t = Clock::now();
    found += SearchLibraries(*r, queries[q], 20).size();
    per_query[q] += Clock::now() - t;
  }
  std::cout << "[ timing   ] 1000 searches on the demo data: " << micros(Clock::now() - start)
            << " us in all, " << found << " hits; mean per query:\n";
  for (size_t q = 0; q < queries.size(); ++q) {
    std::cout << "             " << queries[q] << ": " << micros(per_query[q]) / 100 << " us\n";
  }
  EXPECT_GT(found, 0u);
}

}  // namespace
}  // namespace tilti::store

namespace tilti::store {
namespace {

TEST_F(SearchIndexTest, RebuildsAnEmptyIndexOnlyWhenLibrariesExist) {
  db_->Write([](Connection& c) { c.Exec("DELETE FROM search_document"); });
  EXPECT_TRUE(db_->Write([](Connection& c) { return RebuildLibraryIndexIfEmpty(c); }));
  EXPECT_FALSE(db_->Write([](Connection& c) { return RebuildLibraryIndexIfEmpty(c); }))
      << "a filled index is left alone";
  EXPECT_FALSE(SearchLibraries(*db_->Read(), "Ogre", 10).empty());
}

}  // namespace
}  // namespace tilti::store
