#include "store/hsds_dump.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "exchange/hsds_json.h"
#include "exchange/hsds_tabular.h"
#include "store/audit_store.h"
#include "store/demo_database_for_tests.h"
#include "store/migrations.h"
#include "store/search_index.h"

namespace tilti::store {
namespace {

namespace fs = std::filesystem;

// A fresh database with every migration and nothing else (what `tilti migrate` creates), and a
// folder for files: on the fixtures' backend (PostgreSQL with TILTI_TEST_POSTGRES, see
// demo_database_for_tests.h), or an SQLite file when asked for.
class FreshDatabase {
 public:
  enum class Backend { kAsTheFixtures, kSqlite };
  explicit FreshDatabase(Backend backend = Backend::kAsTheFixtures) {
    dir_ = fs::temp_directory_path() / ("tilti-hsds-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    if (backend == Backend::kAsTheFixtures) {
      migrated_ = std::make_unique<MigratedDatabaseForTests>();
      return;
    }
    DatabaseOptions o;
    o.path = (dir_ / "fresh.db").string();
    o.create_if_missing = true;
    auto db = Database::Open(o);
    if (!db.ok()) throw std::runtime_error(db.error().detail);
    db_ = std::move(db.value());
    auto migrated = db_->Migrate(BuiltinSqliteMigrations());
    if (!migrated.ok()) throw std::runtime_error(migrated.error().detail);
  }
  ~FreshDatabase() {
    migrated_.reset();
    db_.reset();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  Database& db() { return migrated_ ? migrated_->db() : *db_; }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
  std::unique_ptr<MigratedDatabaseForTests> migrated_;
  std::unique_ptr<Database> db_;
};

exchange::TableSet Dump(Database& db) {
  auto lease = db.Read();
  return DumpDirectory(*lease);
}

int64_t Count(Database& db, const std::string& sql) {
  auto lease = db.Read();
  Statement st = lease->Prepare(sql);
  return st.Step() ? st.Int(0) : -1;
}

std::string Text(Database& db, const std::string& sql) {
  auto lease = db.Read();
  Statement st = lease->Prepare(sql);
  return st.Step() ? st.Text(0) : std::string();
}

using Files = std::map<std::string, std::string>;

Files Render(const exchange::TableSet& t) {
  Files out;
  for (auto& f : exchange::RenderTabularPackage(t)) out[f.name] = std::move(f.bytes);
  return out;
}

Result<exchange::TableSet> Parse(const Files& files) {
  return exchange::ParseTabularPackage([&](const std::string& name) -> std::optional<std::string> {
    auto it = files.find(name);
    if (it == files.end()) return std::nullopt;
    return it->second;
  });
}

// A package of hand-written CSV files: {resource name, file, content}; every header column
// is declared as a field.
Files Package(const std::vector<std::array<std::string, 3>>& resources) {
  Files files;
  std::string descriptor = "{\"resources\": [";
  for (size_t r = 0; r < resources.size(); ++r) {
    const auto& [name, path, csv] = resources[r];
    std::string header = csv.substr(0, csv.find("\r\n"));
    std::string fields;
    size_t i = 0;
    while (i <= header.size()) {
      size_t j = header.find(',', i);
      if (j == std::string::npos) j = header.size();
      fields += (fields.empty() ? "" : ",") + std::string("{\"name\":\"") +
                header.substr(i, j - i) + "\"}";
      i = j + 1;
    }
    descriptor += (r ? "," : "") + std::string("{\"name\":\"") + name + "\",\"path\":\"" + path +
                  "\",\"schema\":{\"fields\":[" + fields + "]}}";
    files[path] = csv;
  }
  files["datapackage.json"] = descriptor + "]}";
  return files;
}

constexpr const char* kOrg = "11111111-1111-4111-8111-111111111111";

class HsdsRoundTrip : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = new DemoDatabaseForTests(); }
  static void TearDownTestSuite() {
    delete demo_;
    demo_ = nullptr;
  }
  static DemoDatabaseForTests* demo_;
};
DemoDatabaseForTests* HsdsRoundTrip::demo_ = nullptr;

TEST_F(HsdsRoundTrip, TabularPackageIsByteIdenticalAfterImportIntoAFreshDatabase) {
  const auto t0 = std::chrono::steady_clock::now();
  const exchange::TableSet before = Dump(demo_->db());
  const Files first = Render(before);
  const auto t1 = std::chrono::steady_clock::now();

  FreshDatabase fresh;
  const fs::path dir = fresh.dir() / "package";
  ASSERT_TRUE(exchange::WriteTabularPackage(before, dir).ok());
  auto read = exchange::ReadTabularPackage(dir);
  ASSERT_TRUE(read.ok()) << read.error().detail;
  auto loaded = LoadDirectory(fresh.db(), read.value());
  ASSERT_TRUE(loaded.ok()) << loaded.error().detail;
  const auto t2 = std::chrono::steady_clock::now();

  const Files second = Render(Dump(fresh.db()));
  ASSERT_EQ(first.size(), second.size());
  size_t bytes = 0;
  for (const auto& [name, content] : first) {
    EXPECT_EQ(content, second.at(name)) << name;
    bytes += content.size();
  }
  EXPECT_TRUE(first.count("organizations.csv") && first.count("translation.csv") &&
              first.count("schedule_exception.csv") && first.count("taxonomy_terms.csv") &&
              first.count("funding.csv"));
  // The search index was rebuilt with the data: every library location is a document.
  EXPECT_EQ(Count(fresh.db(), "SELECT count(*) FROM search_document"),
            Count(demo_->db(), "SELECT count(*) FROM search_document"));
  EXPECT_EQ(Count(fresh.db(), "SELECT count(*) FROM location_geo_key"),
            Count(demo_->db(), "SELECT count(*) FROM location_geo_key"));
  {
    auto lease = fresh.db().Read();
    EXPECT_FALSE(SearchLibraries(*lease, "Rēzekne", 5).empty());
  }
  // Importing the same package again changes nothing.
  auto again = LoadDirectory(fresh.db(), read.value());
  ASSERT_TRUE(again.ok()) << again.error().detail;
  EXPECT_EQ(again.value().changed, 0);
  EXPECT_EQ(again.value().rows, loaded.value().rows);
  EXPECT_EQ(Render(Dump(fresh.db())), first);
  if (demo_->db().IsPostgres()) {
    // Across backends: PostgreSQL's package loads into SQLite, which exports the same bytes.
    FreshDatabase sqlite(FreshDatabase::Backend::kSqlite);
    auto into_sqlite = LoadDirectory(sqlite.db(), read.value());
    ASSERT_TRUE(into_sqlite.ok()) << into_sqlite.error().detail;
    EXPECT_EQ(into_sqlite.value().rows, loaded.value().rows);
    EXPECT_EQ(Render(Dump(sqlite.db())), first);
  }
  std::cout << "[ demo ] tabular: " << first.size() << " files, " << bytes << " bytes, "
            << loaded.value().rows << " rows; dump+render "
            << std::chrono::duration<double, std::milli>(t1 - t0).count() << " ms, write+read+load "
            << std::chrono::duration<double, std::milli>(t2 - t1).count() << " ms\n";
}

TEST_F(HsdsRoundTrip, JsonIsByteIdenticalAfterImportIntoAFreshDatabase) {
  const auto t0 = std::chrono::steady_clock::now();
  const exchange::TableSet before = Dump(demo_->db());
  exchange::JsonExportReport report;
  const std::string first = exchange::WriteHsdsJson(before, &report);
  const auto t1 = std::chrono::steady_clock::now();
  if (const char* keep = std::getenv("TILTI_HSDS_JSON_OUT")) {
    std::ofstream(keep, std::ios::binary) << first;
  }

  FreshDatabase fresh;
  auto read = exchange::ReadHsdsJson(first);
  ASSERT_TRUE(read.ok()) << read.error().detail;
  auto loaded = LoadDirectory(fresh.db(), read.value());
  ASSERT_TRUE(loaded.ok()) << loaded.error().detail;
  const auto t2 = std::chrono::steady_clock::now();
  const std::string second = exchange::WriteHsdsJson(Dump(fresh.db()));
  EXPECT_EQ(first, second);

  // The directory tables are the same, row for row (the gazetteer and initiatives are only
  // partly representable in JSON: see hsds_json.h).
  const Files a = Render(before), b = Render(Dump(fresh.db()));
  for (const char* f : {"organizations.csv", "services.csv", "locations.csv",
                        "service_at_location.csv", "phones.csv", "attributes.csv",
                        "taxonomies.csv", "taxonomy_terms.csv", "schedules.csv",
                        "schedule_exception.csv", "url.csv"}) {
    EXPECT_EQ(a.at(f), b.at(f)) << f;
  }
  const std::string translations =
      "SELECT group_concat(entity || '|' || entity_id || '|' || field || '|' || locale || '|' || "
      "value || '|' || source || '|' || outdated || '|' || updated_at, '\n') FROM (SELECT * "
      "FROM translation WHERE entity NOT IN ('initiative', 'idea', 'initiative_goal', 'initiative_news', 'municipality', 'place', 'event', 'resource', 'training_module', 'training_lesson', 'training_question', 'training_choice', 'method_document', 'method_version', 'initiative_image', 'guide', 'practice', 'practice_image') "
      "ORDER BY entity, entity_id, field, locale) AS t";
  EXPECT_EQ(Text(fresh.db(), translations), Text(demo_->db(), translations));
  EXPECT_GT(Text(demo_->db(), translations).size(), 10000u);
  EXPECT_EQ(Count(fresh.db(), "SELECT count(*) FROM search_document"),
            Count(demo_->db(), "SELECT count(*) FROM search_document"));
  auto again = LoadDirectory(fresh.db(), read.value());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().changed, 0);
  std::cout << "[ demo ] json: " << first.size() << " bytes, " << loaded.value().rows
            << " rows; dump+write " << std::chrono::duration<double, std::milli>(t1 - t0).count()
            << " ms, read+load " << std::chrono::duration<double, std::milli>(t2 - t1).count()
            << " ms\n";
  for (const auto& l : report.left_out) std::cout << "[ demo ] json left out: " << l << "\n";
}

TEST(HsdsExport, LeavesOutTheBackOfficesOwnAuditAndTexts) {
  DemoDatabaseForTests demo;
  demo.db().Write([](Connection& c) {
    RecordChanges(c, "account", "acc-1", "create", {{"email", "", "leak@example.lv"}},
                  {"acc-0", "Coordinator Name"}, "2026-12-06T08:00:00Z");
    // A practice's translation and an unpublished guide's text.
    c.Exec("INSERT INTO translation (entity, entity_id, field, locale, value, source, updated_at) VALUES "
           "('practice', (SELECT id FROM practice LIMIT 1), 'title', 'en', 'Practice text not for export', 'human', "
           "'2026-12-06T08:00:00Z'), ('guide', 'g-1', 'body', 'lv', 'Guide draft not for export', 'original', "
           "'2026-12-06T08:00:00Z')");
  });
  // The demo holds a practice's texts and events' audit entries: neither is directory data.
  ASSERT_GT(Count(demo.db(), "SELECT count(*) FROM translation WHERE entity = 'practice'"), 0);
  ASSERT_GT(Count(demo.db(), "SELECT count(*) FROM metadata WHERE resource_type = 'event'"), 0);
  const Files files = Render(Dump(demo.db()));
  for (const auto& [name, bytes] : files) {
    EXPECT_EQ(bytes.find("leak@example.lv"), std::string::npos) << name;
    EXPECT_EQ(bytes.find("Coordinator Name"), std::string::npos) << name;
    EXPECT_EQ(bytes.find("not for export"), std::string::npos) << name;
  }
  // Directory texts still travel.
  EXPECT_NE(files.at("organizations.csv").find("Jēkabpils"), std::string::npos);
}

TEST(HsdsImport, RefusesABadIntegerWithFileLineAndColumn) {
  FreshDatabase fresh;
  auto set = Parse(Package({{"organization", "organizations.csv",
                             std::string("id,name,description,kind,year_incorporated,last_modified\r\n") +
                                 kOrg + ",Biblioteka,,library,19x5,2026-01-01T00:00:00Z\r\n"}}));
  ASSERT_TRUE(set.ok()) << set.error().detail;
  auto loaded = LoadDirectory(fresh.db(), set.value());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().detail,
            "organizations.csv:2: year_incorporated: \"19x5\" is not an integer");
  EXPECT_EQ(Count(fresh.db(), "SELECT count(*) FROM organization"), 0);
}

TEST(HsdsImport, RefusesAMissingRequiredColumn) {
  FreshDatabase fresh;
  auto set = Parse(Package({{"organization", "organizations.csv",
                             std::string("id,description,kind,last_modified\r\n") + kOrg +
                                 ",,library,2026-01-01T00:00:00Z\r\n"}}));
  ASSERT_TRUE(set.ok());
  auto loaded = LoadDirectory(fresh.db(), set.value());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().detail.find(
                "organizations.csv: missing required column \"name\" (table organization)"),
            std::string::npos)
      << loaded.error().detail;
  EXPECT_EQ(Count(fresh.db(), "SELECT count(*) FROM organization"), 0);
}

TEST(HsdsImport, RefusesADanglingOrganizationIdAndWritesNothing) {
  FreshDatabase fresh;
  auto set = Parse(Package(
      {{"organization", "organizations.csv",
        std::string("id,name,description,kind,last_modified\r\n") + kOrg +
            ",Biblioteka,,library,2026-01-01T00:00:00Z\r\n"},
       {"service", "services.csv",
        "id,organization_id,name,status,last_modified\r\n"
        "22222222-2222-4222-8222-222222222222," + std::string(kOrg) +
            ",Internet,active,2026-01-01T00:00:00Z\r\n"
            "33333333-3333-4333-8333-333333333333,99999999-9999-4999-8999-999999999999,Wi-Fi,"
            "active,2026-01-01T00:00:00Z\r\n"}}));
  ASSERT_TRUE(set.ok()) << set.error().detail;
  auto loaded = LoadDirectory(fresh.db(), set.value());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().detail,
            "services.csv:3: organization_id \"99999999-9999-4999-8999-999999999999\" refers to "
            "no organization");
  EXPECT_EQ(Count(fresh.db(), "SELECT count(*) FROM organization"), 0);
  EXPECT_EQ(Count(fresh.db(), "SELECT count(*) FROM service"), 0);
}

TEST(HsdsImport, ReportsEveryBadRowNotOnlyTheFirst) {
  FreshDatabase fresh;
  auto set = Parse(Package({{"organization", "organizations.csv",
                             std::string("id,name,description,kind,last_modified\r\n") + kOrg +
                                 ",A,,castle,2026-01-01T00:00:00Z\r\n"
                                 "44444444-4444-4444-8444-444444444444,B,,library\r\n"},
                            {"funding", "funding.csv", "id,source\r\nf1,EU\r\n"}}));
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().detail.find("organizations.csv:3: 4 fields, the header has 5"),
            std::string::npos)
      << set.error().detail;
  set = Parse(Package({{"organization", "organizations.csv",
                        std::string("id,name,description,kind,last_modified\r\n") + kOrg +
                            ",A,,castle,2026-01-01T00:00:00Z\r\n"},
                       {"funding", "funding.csv", "id,source\r\nf1,EU\r\n"}}));
  ASSERT_TRUE(set.ok());
  auto loaded = LoadDirectory(fresh.db(), set.value());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().detail.find("organizations.csv:2: CHECK constraint failed"),
            std::string::npos)
      << loaded.error().detail;
  EXPECT_NE(loaded.error().detail.find("funding.csv: Tilti does not store table \"funding\""),
            std::string::npos)
      << loaded.error().detail;
}

TEST(HsdsImport, ReportsRowsTheDatabaseRefusesInTheSameWordsOnEitherBackend) {
  FreshDatabase fresh;
  const std::string audit_header =
      "id,resource_id,resource_type,last_action_date,last_action_type,field_name,"
      "previous_value,replacement_value,updated_by\r\n";
  auto first = Parse(Package(
      {{"organization", "organizations.csv",
        std::string("id,name,description,kind,slug,last_modified\r\n") + kOrg +
            ",A,,library,a,2026-01-01T00:00:00Z\r\n"},
       {"metadata", "metadata.csv",
        audit_header + "m1," + kOrg + ",organization,2026-01-01T00:00:00Z,create,name,,A,import\r\n"}}));
  ASSERT_TRUE(first.ok()) << first.error().detail;
  auto loaded = LoadDirectory(fresh.db(), first.value());
  ASSERT_TRUE(loaded.ok()) << loaded.error().detail;

  // A second organization with the same slug, the audit row changed (its trigger refuses
  // every update), and good rows before and after them: every refusal is reported, in the
  // database's words (PostgreSQL's put in SQLite's), and nothing is written.
  auto second = Parse(Package(
      {{"organization", "organizations.csv",
        std::string("id,name,description,kind,slug,last_modified\r\n") +
            "44444444-4444-4444-8444-444444444444,B,,library,a,2026-01-01T00:00:00Z\r\n"
            "55555555-5555-4555-8555-555555555555,C,,library,c,2026-01-01T00:00:00Z\r\n"
            "66666666-6666-4666-8666-666666666666,D,,castle,d,2026-01-01T00:00:00Z\r\n"},
       {"metadata", "metadata.csv",
        audit_header + "m1," + kOrg + ",organization,2026-01-01T00:00:00Z,create,name,,B,import\r\n" +
            "m2," + kOrg + ",organization,2026-01-02T00:00:00Z,update,name,A,C,import\r\n"}}));
  ASSERT_TRUE(second.ok()) << second.error().detail;
  auto refused = LoadDirectory(fresh.db(), second.value());
  ASSERT_FALSE(refused.ok());
  const std::string& detail = refused.error().detail;
  // (SQLite quotes the CHECK's expression, PostgreSQL names the constraint: only the start of
  // that problem is the same.)
  EXPECT_EQ(detail.rfind("organizations.csv:2: UNIQUE constraint failed: organization.slug\n"
                         "organizations.csv:4: CHECK constraint failed: ",
                         0),
            0u)
      << detail;
  EXPECT_EQ(detail.substr(detail.rfind('\n') + 1), "metadata.csv:2: audit rows cannot be changed")
      << detail;
  EXPECT_EQ(detail.find("organizations.csv:3"), std::string::npos) << detail;
  EXPECT_EQ(detail.find("metadata.csv:3"), std::string::npos) << detail;
  EXPECT_EQ(Count(fresh.db(), "SELECT count(*) FROM organization"), 1);
  EXPECT_EQ(Count(fresh.db(), "SELECT count(*) FROM metadata"), 1);
  EXPECT_EQ(Text(fresh.db(), "SELECT replacement_value FROM metadata"), "A");
}

TEST(HsdsImport, TheIdsOfImportedPlacesAreNotGivenAgain) {
  FreshDatabase fresh;
  auto set = Parse(Package({{"place", "place.csv",
                             "id,source,name,latitude,longitude\r\n"
                             "900001,geonames,Ciems,56.5,25.5\r\n"}}));
  ASSERT_TRUE(set.ok()) << set.error().detail;
  auto loaded = LoadDirectory(fresh.db(), set.value());
  ASSERT_TRUE(loaded.ok()) << loaded.error().detail;
  // A place added without an id gets the next one (PostgreSQL: the identity's sequence was
  // moved past the imported ids, as SQLite takes max(rowid) + 1).
  fresh.db().Write([](Connection& c) {
    c.Exec("INSERT INTO place (source, name, latitude, longitude) VALUES "
           "('geonames', 'Cits ciems', 56.6, 25.6)");
  });
  EXPECT_EQ(Count(fresh.db(), "SELECT id FROM place WHERE name = 'Cits ciems'"), 900002);
}

TEST(HsdsImport, RefusesMalformedJsonAndWrongTypesWithTheirPlace) {
  auto bad = exchange::ReadHsdsJson("[\n  {\"id\": \"x\",\n   \"name\": }\n]\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().detail.rfind("line 3, column ", 0), 0u) << bad.error().detail;

  FreshDatabase fresh;
  auto typed = exchange::ReadHsdsJson(
      std::string("[{\"id\": \"") + kOrg +
      "\", \"name\": 5, \"description\": \"\", \"kind\": \"library\", "
      "\"last_modified\": \"2026-01-01T00:00:00Z\", \"services\": [{\"id\": "
      "\"22222222-2222-4222-8222-222222222222\", \"name\": \"S\", \"status\": \"active\", "
      "\"minimum_age\": \"ten\", \"last_modified\": \"2026-01-01T00:00:00Z\"}]}]");
  ASSERT_TRUE(typed.ok()) << typed.error().detail;
  auto loaded = LoadDirectory(fresh.db(), typed.value());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().detail,
            "$[0]: name: expected text, not a number\n"
            "$[0].services[0]: minimum_age: expected a number, not text");
  EXPECT_EQ(Count(fresh.db(), "SELECT count(*) FROM organization"), 0);
}

}  // namespace
}  // namespace tilti::store
