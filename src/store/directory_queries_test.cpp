#include "store/directory_queries.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "core/embedded.h"
#include "directory/demo_dataset.h"
#include "store/database.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

namespace fs = std::filesystem;

constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::month{11},
                                             std::chrono::day{22}};

// One demo database for the whole suite: loading it takes a moment.
class DirectoryQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<DemoDatabaseForTests>();
    db_ = &demo_->db();
  }
  static void TearDownTestSuite() { demo_.reset(); }

  static inline std::unique_ptr<DemoDatabaseForTests> demo_;
  static inline Database* db_ = nullptr;
};

TEST_F(DirectoryQueries, ListsTheTenLibrariesWithTheirMunicipalities) {
  auto libs = ListLibraries(*db_->Read(), {"lv", "en"});
  EXPECT_EQ(libs.size(), 10u);
  for (const auto& l : libs) {
    EXPECT_FALSE(l.slug.empty());
    EXPECT_EQ(l.name.locale, "lv");
    EXPECT_FALSE(l.municipality_id.empty()) << l.slug;
  }
}

TEST_F(DirectoryQueries, PicksTheReadersLocaleWhenTranslated) {
  auto libs = ListLibraries(*db_->Read(), {"uk", "en", "lv"});
  ASSERT_FALSE(libs.empty());
  for (const auto& l : libs) EXPECT_EQ(l.name.locale, "uk") << l.slug;
}

TEST_F(DirectoryQueries, FallsBackAlongTheChainNeverToAnUnlistedLocale) {
  // A locale nobody translated into: texts come from the next locale in the chain.
  auto libs = ListLibraries(*db_->Read(), {"ar", "en", "lv"});
  ASSERT_FALSE(libs.empty());
  for (const auto& l : libs) EXPECT_EQ(l.name.locale, "en") << l.slug;
}

TEST_F(DirectoryQueries, LibrariesBySlugsKeepsTheGivenOrderAndSkipsUnknown) {
  auto libs = LibrariesBySlugs(*db_->Read(), {"en", "lv"},
                               {"ogres-centrala-biblioteka", "nope", "latgales-centrala-biblioteka"});
  ASSERT_EQ(libs.size(), 2u);
  EXPECT_EQ(libs[0].slug, "ogres-centrala-biblioteka");
  EXPECT_EQ(libs[1].slug, "latgales-centrala-biblioteka");
  EXPECT_TRUE(LibrariesBySlugs(*db_->Read(), {"en"}, {}).empty());
  EXPECT_TRUE(LibrariesBySlugs(*db_->Read(), {"en"}, {"x\"]', '"}).empty());
}

TEST_F(DirectoryQueries, LibraryDetailHasServicesInitiativesAndPartners) {
  auto lib = LibraryBySlug(*db_->Read(), {"en", "lv"}, "latgales-centrala-biblioteka", kToday);
  ASSERT_TRUE(lib.has_value());
  EXPECT_TRUE(lib->coordinates_approximate);
  EXPECT_FALSE(lib->services.empty());
  EXPECT_FALSE(lib->initiatives.empty());
  EXPECT_EQ(lib->partners.size(), 2u) << "a municipality body and an integration institution";
  ASSERT_FALSE(lib->phones.empty());
  EXPECT_NE(lib->phones[0].number.find("65426422"), std::string::npos);
  EXPECT_FALSE(LibraryBySlug(*db_->Read(), {"en"}, "no-such-library", kToday).has_value());
}

TEST_F(DirectoryQueries, HostileSlugIsJustNotFound) {
  EXPECT_FALSE(LibraryBySlug(*db_->Read(), {"en"}, "x' OR '1'='1", kToday).has_value());
}

}  // namespace
}  // namespace tilti::store
