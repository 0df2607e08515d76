#include "store/hsds_queries.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>

#include "core/embedded.h"
#include "directory/demo_dataset.h"
#include "store/database.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store::hsds {
namespace {

namespace fs = std::filesystem;

// One demo database for the whole suite: loading it takes a moment.
class HsdsQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<DemoDatabaseForTests>();
    db_ = &demo_->db();
  }
  static void TearDownTestSuite() { demo_.reset(); }

  static inline std::unique_ptr<DemoDatabaseForTests> demo_;
  static inline Database* db_ = nullptr;
  const LocaleChain lv_{"lv", "en"};
};

TEST_F(HsdsQueries, PagesCoverEveryServiceOnceInIdOrder) {
  auto all = ListServices(*db_->Read(), lv_, {}, {1, 500}, false);
  ASSERT_GT(all.total_items, 10);
  ASSERT_EQ(static_cast<int64_t>(all.items.size()), all.total_items);
  std::set<std::string> seen;
  std::string previous;
  for (int page = 1; page <= (all.total_items + 6) / 7; ++page) {
    auto p = ListServices(*db_->Read(), lv_, {}, {page, 7}, false);
    EXPECT_EQ(p.total_items, all.total_items);
    EXPECT_LE(p.items.size(), 7u);
    for (const auto& s : p.items) {
      EXPECT_LT(previous, s.id);
      previous = s.id;
      seen.insert(s.id);
    }
  }
  EXPECT_EQ(static_cast<int64_t>(seen.size()), all.total_items);
  auto beyond = ListServices(*db_->Read(), lv_, {}, {1000, 7}, false);
  EXPECT_EQ(beyond.total_items, all.total_items);
  EXPECT_TRUE(beyond.items.empty());
}

TEST_F(HsdsQueries, FiltersByOrganizationTermTaxonomyAndModifiedAfter) {
  auto all = ListServices(*db_->Read(), lv_, {}, {1, 500}, true);
  const ServiceRecord* with_term = nullptr;
  for (const auto& s : all.items) {
    if (!s.attributes.empty()) with_term = &s;
  }
  ASSERT_NE(with_term, nullptr);
  const auto& term = with_term->attributes.front().term;

  ServiceFilter by_term;
  by_term.taxonomy_term_id = term.id;
  auto t = ListServices(*db_->Read(), lv_, by_term, {1, 500}, false);
  EXPECT_GT(t.total_items, 0);
  EXPECT_LT(t.total_items, all.total_items);

  ServiceFilter by_taxonomy;
  by_taxonomy.taxonomy_id = *term.taxonomy_id;
  EXPECT_GE(ListServices(*db_->Read(), lv_, by_taxonomy, {1, 500}, false).total_items,
            t.total_items);

  ServiceFilter by_org;
  by_org.organization_id = with_term->organization_id;
  auto o = ListServices(*db_->Read(), lv_, by_org, {1, 500}, false);
  EXPECT_GT(o.total_items, 0);
  for (const auto& s : o.items) EXPECT_EQ(s.organization_id, with_term->organization_id);

  ServiceFilter later;
  later.modified_after = "2999-01-01T00:00:00Z";
  EXPECT_EQ(ListServices(*db_->Read(), lv_, later, {1, 50}, false).total_items, 0);
  later.modified_after = "2000-01-01T00:00:00Z";
  EXPECT_EQ(ListServices(*db_->Read(), lv_, later, {1, 50}, false).total_items, all.total_items);

  ServiceFilter hostile;
  hostile.organization_id = "x' OR '1'='1";
  EXPECT_EQ(ListServices(*db_->Read(), lv_, hostile, {1, 50}, false).total_items, 0);
}

TEST_F(HsdsQueries, SearchIsFoldedOnBothSides) {
  ServiceFilter f;
  f.search = "DATORI interneta";
  auto plain = ListServices(*db_->Read(), lv_, f, {1, 500}, false);
  EXPECT_GT(plain.total_items, 0);
  f.search = "pieslēgumu";
  const int64_t with_marks = ListServices(*db_->Read(), lv_, f, {1, 500}, false).total_items;
  EXPECT_GT(with_marks, 0);
  f.search = "PIESLEGUMU";
  EXPECT_EQ(ListServices(*db_->Read(), lv_, f, {1, 500}, false).total_items, with_marks);
  f.search = "zzzz-nothing";
  EXPECT_EQ(ListServices(*db_->Read(), lv_, f, {1, 500}, false).total_items, 0);
}

TEST_F(HsdsQueries, UkrainianFallsBackToEnglishThenLatvianNeverRussian) {
  auto uk = ListServices(*db_->Read(), {"uk", "en", "lv"}, {}, {1, 500}, false);
  for (const auto& s : uk.items) EXPECT_EQ(s.name.locale, "uk") << s.id;
  // A locale nobody translated into takes the next in the chain.
  auto ar = ListServices(*db_->Read(), {"ar", "en", "lv"}, {}, {1, 500}, false);
  for (const auto& s : ar.items) EXPECT_EQ(s.name.locale, "en") << s.id;
  auto orgs = ListOrganizations(*db_->Read(), {"uk", "en", "lv"}, {}, {1, 500});
  for (const auto& o : orgs.items) EXPECT_NE(o.name.locale, "ru") << o.id;
}

TEST_F(HsdsQueries, ServiceByIdHasOrganizationLocationsAndAttributes) {
  auto all = ListServices(*db_->Read(), lv_, {}, {1, 500}, true);
  const ServiceRecord* with_sal = nullptr;
  for (const auto& s : all.items) {
    if (!s.service_at_locations.empty()) with_sal = &s;
  }
  ASSERT_NE(with_sal, nullptr);
  auto s = ServiceById(*db_->Read(), lv_, with_sal->id);
  ASSERT_TRUE(s.has_value());
  ASSERT_TRUE(s->organization.has_value());
  EXPECT_EQ(s->organization->id, s->organization_id);
  EXPECT_FALSE(s->service_at_locations.front().location.id.empty());
  EXPECT_FALSE(ServiceById(*db_->Read(), lv_, "no-such-id").has_value());
  EXPECT_FALSE(OrganizationById(*db_->Read(), lv_, "no-such-id").has_value());
  EXPECT_FALSE(ServiceAtLocationById(*db_->Read(), lv_, "no-such-id").has_value());
}

TEST_F(HsdsQueries, ProximityFindsDaugavpilsNearestFirst) {
  ServiceAtLocationFilter f;
  f.latitude = 55.875;
  f.longitude = 26.536;
  f.proximity_km = 10;
  auto near = ListServiceAtLocations(*db_->Read(), lv_, f, {1, 500});
  ASSERT_GT(near.total_items, 0);
  double previous = 0;
  bool latgale = false;
  for (const auto& r : near.items) {
    ASSERT_TRUE(r.distance_km.has_value());
    EXPECT_LE(*r.distance_km, 10);
    EXPECT_GE(*r.distance_km, previous);
    previous = *r.distance_km;
    latgale |= r.location.name.text == "Latgales Centrālā bibliotēka";
  }
  EXPECT_TRUE(latgale);
  f.latitude = 0;
  f.longitude = 0;
  EXPECT_EQ(ListServiceAtLocations(*db_->Read(), lv_, f, {1, 500}).total_items, 0);
}

TEST_F(HsdsQueries, TaxonomyTermsFilterByTaxonomy) {
  auto taxonomies = ListTaxonomies(*db_->Read(), lv_, {1, 50});
  ASSERT_GE(taxonomies.total_items, 3);
  auto all = ListTaxonomyTerms(*db_->Read(), lv_, "", {1, 500});
  auto some = ListTaxonomyTerms(*db_->Read(), lv_, taxonomies.items.front().id, {1, 500});
  EXPECT_GT(some.total_items, 0);
  EXPECT_LT(some.total_items, all.total_items);
  for (const auto& t : some.items) EXPECT_EQ(t.taxonomy_id, taxonomies.items.front().id);
  EXPECT_TRUE(TaxonomyTermById(*db_->Read(), lv_, some.items.front().id).has_value());
}

TEST(HsdsDistance, DaugavpilsToRigaIsAbout190Km) {
  EXPECT_NEAR(DistanceKm(55.875, 26.536, 56.949, 24.105), 187.0, 5.0);
  EXPECT_DOUBLE_EQ(DistanceKm(56.9, 24.1, 56.9, 24.1), 0.0);
}

}  // namespace
}  // namespace tilti::store::hsds
