#include "app/hsds_commands.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "store/demo_database_for_tests.h"

namespace tilti::app {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(HsdsCommands, ExportImportExportGivesTheSameFileAndRefusalsExitOne) {
  store::DemoDatabaseForTests demo;
  const fs::path dir =
      fs::temp_directory_path() / ("tilti-hsds-cmd-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  std::ostringstream out, err;
  EXPECT_EQ(RunHsdsExport(demo.db(), "hsds-xml", (dir / "x").string(), out, err), 2);
  ASSERT_EQ(RunHsdsExport(demo.db(), kHsdsJson, (dir / "a.json").string(), out, err), 0)
      << err.str();
  EXPECT_NE(out.str().find("organizations"), std::string::npos);

  // A fresh database on the demo's backend (PostgreSQL with TILTI_TEST_POSTGRES).
  auto fresh = std::make_unique<store::MigratedDatabaseForTests>();
  ASSERT_EQ(RunHsdsImport(fresh->db(), kHsdsJson, (dir / "a.json").string(), out, err), 0)
      << err.str();
  ASSERT_EQ(RunHsdsExport(fresh->db(), kHsdsJson, (dir / "b.json").string(), out, err), 0);
  EXPECT_EQ(Slurp(dir / "a.json"), Slurp(dir / "b.json"));

  std::ofstream(dir / "bad.json") << "[{\"id\": }]";
  std::ostringstream err2;
  EXPECT_EQ(RunHsdsImport(fresh->db(), kHsdsJson, (dir / "bad.json").string(), out, err2), 1);
  EXPECT_NE(err2.str().find("refused, nothing was written"), std::string::npos) << err2.str();
  EXPECT_NE(err2.str().find("line 1, column"), std::string::npos) << err2.str();
  EXPECT_EQ(RunHsdsImport(fresh->db(), kHsdsTabular, (dir / "nowhere").string(), out, err2),
            1);
  fresh.reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tilti::app
