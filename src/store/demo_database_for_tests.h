#pragma once
// For tests only (header-only, never part of a library): a temporary database with every
// migration and the demo data set, removed again when destroyed. Suites create one in
// SetUpTestSuite because loading takes a moment.
//
// The backend: SQLite (a file in a temporary folder), or PostgreSQL when TILTI_TEST_POSTGRES
// holds the URL of a server's admin database (scripts/postgres.sh prints one): then each
// fixture is a new database of its own on that server, dropped again when destroyed. So the same
// store tests are the contract both backends keep (scripts/test.sh runs them on both).
#include <cstdlib>
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
#include "store/postgres.h"

namespace tilti::store {

// A temporary database with every migration applied and nothing else, removed again when
// destroyed.
class MigratedDatabaseForTests {
 public:
  MigratedDatabaseForTests() {
    namespace fs = std::filesystem;
    const std::string name = "tilti_test_" + std::to_string(std::random_device{}());
    DatabaseOptions o;
    if (const char* admin = std::getenv("TILTI_TEST_POSTGRES"); admin && *admin) {
      admin_url_ = admin;
      AdminExec("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
      pg_name_ = name;
      o.path = WithDatabaseName(admin_url_, name);
    } else {
      dir_ = fs::temp_directory_path() / name;
      fs::create_directories(dir_);
      o.path = (dir_ / "test.db").string();
    }
    o.create_if_missing = true;
    auto db = Database::Open(o);
    if (!db.ok()) throw std::runtime_error(db.error().detail);
    db_ = std::move(db.value());
    auto migrated = db_->Migrate(BuiltinMigrations(db_->IsPostgres()));
    if (!migrated.ok()) throw std::runtime_error(migrated.error().detail);
  }
  ~MigratedDatabaseForTests() {
    db_.reset();
    if (!pg_name_.empty()) {
      try {
        AdminExec("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
      } catch (...) {
        // The server went away; its folder is thrown away with it.
      }
      return;
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  MigratedDatabaseForTests(const MigratedDatabaseForTests&) = delete;
  MigratedDatabaseForTests& operator=(const MigratedDatabaseForTests&) = delete;
  Database& db() { return *db_; }

 private:
  // The admin URL with another database name in its path.
  static std::string WithDatabaseName(const std::string& url, const std::string& name) {
    const size_t host = url.find("://");
    const size_t slash = url.find('/', host == std::string::npos ? 0 : host + 3);
    const size_t query = url.find('?');
    const std::string tail = query == std::string::npos ? "" : url.substr(query);
    return (slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash)) + "/" +
           name + tail;
  }
  void AdminExec(const std::string& sql) {
    std::string error;
    auto admin = PostgresConnection::Open(admin_url_, Connection::Mode::kReadWrite, &error);
    if (!admin) throw std::runtime_error(error);
    admin->Exec(sql);
  }

  std::filesystem::path dir_;
  std::string admin_url_;
  std::string pg_name_;
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
