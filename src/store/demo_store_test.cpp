#include "store/demo_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "core/ids.h"
#include "store/migrations.h"

namespace tilti::store {
namespace {

namespace fs = std::filesystem;

// The files under `dir` of the source tree, keyed by their path relative to it.
std::map<std::string, std::string> ReadTree(const std::string& dir) {
  const fs::path root = fs::path(TILTI_SOURCE_DIR) / dir;
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out[fs::relative(entry.path(), root).generic_string()] = ss.str();
  }
  return out;
}

std::vector<embedded::File> Files(const std::map<std::string, std::string>& tree) {
  std::vector<embedded::File> out;
  for (const auto& [path, bytes] : tree) out.push_back({path, bytes});
  return out;
}

const directory::DemoDataset& Demo() {
  static const auto tree = ReadTree("demo");
  static const directory::DemoDataset d = [] {
    auto r = directory::ParseDemo(Files(tree));
    if (!r.ok()) throw std::runtime_error(r.error().detail);
    return std::move(r.value());
  }();
  return d;
}

class DemoStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    path_ = (fs::temp_directory_path() / ("tilti_demo_store_" + std::to_string(::getpid()) + "_" +
                                          std::to_string(++counter) + ".db"))
                .string();
    Cleanup();
    DatabaseOptions options;
    options.path = path_;
    options.create_if_missing = true;
    options.read_connections = 1;
    auto db = Database::Open(options);
    ASSERT_TRUE(db.ok()) << db.error().detail;
    db_ = std::move(db.value());
    const auto tree = ReadTree("migrations/sqlite");
    auto migrations = MigrationsFromFiles(Files(tree));
    ASSERT_TRUE(migrations.ok()) << migrations.error().detail;
    auto applied = db_->Migrate(migrations.value());
    ASSERT_TRUE(applied.ok()) << applied.error().detail;
  }
  void TearDown() override {
    db_.reset();
    Cleanup();
  }
  void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path_ + suffix);
  }
  int64_t Scalar(const std::string& sql, const std::string& bind = "") {
    ReadLease r = db_->Read();
    Statement s = r->Prepare(sql);
    if (!bind.empty()) s.Bind(1, bind);
    EXPECT_TRUE(s.Step()) << sql;
    return s.Int(0);
  }
  std::string Text(const std::string& sql, const std::string& bind) {
    ReadLease r = db_->Read();
    Statement s = r->Prepare(sql);
    s.Bind(1, bind);
    if (!s.Step()) return "(no row)";
    return s.Text(0);
  }

  std::string path_;
  std::unique_ptr<Database> db_;
};

TEST_F(DemoStoreTest, LoadsEverythingAndTwiceGivesTheSameRows) {
  const auto& d = Demo();
  LoadDemo(*db_, d, "2026-11-22T10:00:00Z");
  const DemoCounts first = CountDemoRows(*db_);
  LoadDemo(*db_, d, "2026-11-23T10:00:00Z");
  const DemoCounts second = CountDemoRows(*db_);
  EXPECT_EQ(first, second) << FormatDemoCounts(first) << "\n" << FormatDemoCounts(second);

  int64_t place_names = 0;
  for (const auto& p : d.places) place_names += static_cast<int64_t>(p.names.size());
  EXPECT_EQ(second.municipalities, 43);
  EXPECT_EQ(second.places, 125 + 4463);
  EXPECT_EQ(second.place_names, place_names);
  EXPECT_EQ(second.organizations, 42);
  EXPECT_EQ(second.locations, 10);
  EXPECT_EQ(second.services, 32);
  EXPECT_EQ(second.service_at_locations, 32);
  EXPECT_EQ(second.phones, 2);
  EXPECT_EQ(second.attributes, 55);
  EXPECT_EQ(second.initiatives, 4);
  EXPECT_EQ(second.initiative_organizations, 44);
  EXPECT_EQ(second.partnerships, 10);
  EXPECT_EQ(second.hackathons, 5);
  EXPECT_EQ(second.ideas, 14);
  EXPECT_EQ(second.taxonomy_terms, 44);
  // 4 taxonomies and 43 terms in 4 locales come from migration 0002, the event category
  // 'training' from 0020.
  EXPECT_EQ(second.translations, 4 * (4 + 44) + static_cast<int64_t>(d.translations.size()));

  // Unchanged rows keep the time of the first load.
  EXPECT_EQ(
      Scalar("SELECT count(*) FROM organization WHERE last_modified = ?1", "2026-11-22T10:00:00Z"),
      42);
  EXPECT_EQ(Scalar("SELECT count(*) FROM translation WHERE outdated <> 0"), 0);
  EXPECT_EQ(Scalar("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

TEST_F(DemoStoreTest, TranslationsCanBeLookedUp) {
  LoadDemo(*db_, Demo(), "2026-11-22T10:00:00Z");
  const std::string lcb = DeterministicUuid("organization:latgales-centrala-biblioteka");
  EXPECT_EQ(Text("SELECT value FROM translation WHERE entity = 'organization' AND "
                 "entity_id = ?1 AND field = 'name' AND locale = 'uk'",
                 lcb),
            "Латгальська центральна бібліотека");
  EXPECT_EQ(Text("SELECT name FROM organization WHERE id = ?1", lcb),
            "Latgales Centrālā bibliotēka");
  EXPECT_EQ(Text("SELECT coordinates_approximate || ' ' || municipality_id FROM location "
                 "WHERE organization_id = ?1",
                 lcb),
            "1 LV-DGV");
  EXPECT_EQ(Text("SELECT group_concat(name, '|') FROM (SELECT name FROM place_name "
                 "WHERE place_id = 66891 AND locale = ?1)",
                 "ru"),
            "Даугавпилс");
}

TEST_F(DemoStoreTest, EveryTaxonomyTermHasFourLocales) {
  EXPECT_EQ(Scalar("SELECT count(*) FROM taxonomy"), 4);
  EXPECT_EQ(Scalar("SELECT count(*) FROM taxonomy_term"), 44);  // 43 of 0002, one of 0020
  EXPECT_EQ(Scalar("SELECT count(*) FROM taxonomy_term t WHERE (SELECT count(*) FROM "
                   "translation WHERE entity = 'taxonomy_term' AND entity_id = t.id AND "
                   "field = 'name' AND locale IN ('lv', 'ru', 'uk', 'en')) <> 4"),
            0);
  EXPECT_EQ(Scalar("SELECT count(*) FROM taxonomy x WHERE (SELECT count(*) FROM translation "
                   "WHERE entity = 'taxonomy' AND entity_id = x.id AND field = 'name') <> 4"),
            0);
  EXPECT_EQ(Text("SELECT value FROM translation WHERE entity = 'taxonomy_term' AND "
                 "entity_id = ?1 AND locale = 'lv' AND source = 'original'",
                 DeterministicUuid("taxonomy_term:service-type/public-computers")),
            "Publiski pieejami datori");
}

TEST_F(DemoStoreTest, AFailingLoadWritesNothing) {
  directory::DemoDataset d = Demo();
  d.attributes.back().term = "no-such-term";
  EXPECT_THROW(LoadDemo(*db_, d, "2026-11-22T10:00:00Z"), std::invalid_argument);
  const DemoCounts n = CountDemoRows(*db_);
  EXPECT_EQ(n.municipalities, 0);
  EXPECT_EQ(n.places, 0);
  EXPECT_EQ(n.organizations, 0);
  EXPECT_EQ(n.translations, 4 * (4 + 44));
}

}  // namespace
}  // namespace tilti::store
