#pragma once
// For tests only (header-only, never part of a library): a temporary database with every
// migration and the demo data set, removed again when destroyed. Suites create one in
// SetUpTestSuite because loading takes a moment.
#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include "core/embedded.h"
#include "directory/demo_dataset.h"
#include "store/database.h"
#include "store/demo_events.h"
#include "store/demo_methods.h"
#include "store/demo_practices.h"
#include "store/demo_resources.h"
#include "store/demo_store.h"
#include "store/demo_training.h"
#include "store/migrations.h"

namespace tilti::store {

// A temporary database with every migration applied and nothing else, removed again when
// destroyed.
class MigratedDatabaseForTests {
 public:
  MigratedDatabaseForTests() {
    namespace fs = std::filesystem;
    dir_ = fs::temp_directory_path() / ("tilti-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    DatabaseOptions o;
    o.path = (dir_ / "test.db").string();
    o.create_if_missing = true;
    auto db = Database::Open(o);
    if (!db.ok()) throw std::runtime_error(db.error().detail);
    db_ = std::move(db.value());
    auto migrated = db_->Migrate(BuiltinSqliteMigrations());
    if (!migrated.ok()) throw std::runtime_error(migrated.error().detail);
  }
  ~MigratedDatabaseForTests() {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  MigratedDatabaseForTests(const MigratedDatabaseForTests&) = delete;
  MigratedDatabaseForTests& operator=(const MigratedDatabaseForTests&) = delete;
  Database& db() { return *db_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
};

// The same with the demo data set loaded.
class DemoDatabaseForTests : public MigratedDatabaseForTests {
 public:
  DemoDatabaseForTests() {
    auto dataset = directory::ParseDemo(embedded::demo());
    if (!dataset.ok()) throw std::runtime_error(dataset.error().detail);
    LoadDemo(db(), dataset.value(), "2026-11-22T00:00:00Z");
    for (const auto& f : embedded::demo()) {
      if (f.path == "sample_events.json") {
        LoadSampleEvents(db(), f.bytes, ParseStoredRfc3339("2026-11-22T00:00:00Z").value());
      }
      if (f.path == "sample_resources.json") {
        LoadSampleResources(db(), f.bytes, ParseStoredRfc3339("2026-11-22T00:00:00Z").value());
      }
      if (f.path == "methods.json") {
        LoadDemoMethods(db(), f.bytes, ParseStoredRfc3339("2026-11-22T00:00:00Z").value());
      }
      if (f.path == "training.json") LoadSampleTraining(db(), f.bytes, "2026-11-22T00:00:00Z");
      if (f.path == "practices.json") {
        LoadDemoPractices(db(), f.bytes, ParseStoredRfc3339("2026-11-22T00:00:00Z").value());
      }
    }
  }
};

}  // namespace tilti::store
