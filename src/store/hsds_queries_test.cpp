#include "store/hsds_queries.h"

#include <gtest/gtest.h>

#include <algorithm>
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

TEST_F(HsdsQueries, SearchFindsAWordOfAnyLocaleAndScriptAsAPrefix) {
  ServiceFilter f;
  f.search = "datori interneta pieslēgumu";
  const auto latvian = ListServices(*db_->Read(), lv_, f, {1, 500}, false);
  ASSERT_GT(latvian.total_items, 0);
  for (const auto& s : latvian.items) EXPECT_EQ(s.name.text, "Datori ar interneta pieslēgumu");
  for (const char* q : {"Компьютеры подключением интернету", "комп'ютери доступом інтернету",
                        "computers internet access", "dator intern piesl", "PIESLEGUMU"}) {
    f.search = q;
    EXPECT_EQ(ListServices(*db_->Read(), lv_, f, {1, 500}, false).total_items, latvian.total_items)
        << q;
  }
  // Every word required; a word must start a word of the text (no longer any substring).
  f.search = "datori zzzqqq";
  EXPECT_EQ(ListServices(*db_->Read(), lv_, f, {1, 500}, false).total_items, 0);
  f.search = "atori";
  EXPECT_EQ(ListServices(*db_->Read(), lv_, f, {1, 500}, false).total_items, 0);
}

TEST_F(HsdsQueries, Fts5SyntaxInSearchIsHarmless) {
  const int64_t all = ListServices(*db_->Read(), lv_, {}, {1, 1}, false).total_items;
  ServiceFilter f;
  f.search = "datori";
  const int64_t datori = ListServices(*db_->Read(), lv_, f, {1, 1}, false).total_items;
  for (const char* q : {"\"", "*", "AND", "NEAR(", "datori\"", "\"datori", "datori*", "NEAR(datori",
                        "datori AND", "datori OR x", "(", "{datori}:"}) {
    f.search = q;
    EXPECT_NO_THROW(ListServices(*db_->Read(), lv_, f, {1, 10}, false)) << q;
    OrganizationFilter of;
    of.search = q;
    EXPECT_NO_THROW(ListOrganizations(*db_->Read(), lv_, of, {1, 10})) << q;
    ServiceAtLocationFilter sf;
    sf.search = q;
    EXPECT_NO_THROW(ListServiceAtLocations(*db_->Read(), lv_, sf, {1, 10})) << q;
  }
  for (const char* q : {"\"", "*", "(", ""}) {  // no words: no text filter
    f.search = q;
    EXPECT_EQ(ListServices(*db_->Read(), lv_, f, {1, 1}, false).total_items, all) << q;
  }
  for (const char* q : {"datori\"", "\"datori", "datori*", "(datori)"}) {
    f.search = q;
    EXPECT_EQ(ListServices(*db_->Read(), lv_, f, {1, 1}, false).total_items, datori) << q;
  }
}

TEST_F(HsdsQueries, SearchResultsPageWithTheirTotal) {
  ServiceFilter f;
  f.search = "inform";
  const auto all = ListServices(*db_->Read(), lv_, f, {1, 500}, false);
  ASSERT_GT(all.total_items, 2);
  ASSERT_EQ(static_cast<int64_t>(all.items.size()), all.total_items);
  std::vector<std::string> paged;
  for (int page = 1; page <= all.total_items; ++page) {
    auto p = ListServices(*db_->Read(), lv_, f, {page, 1}, false);
    EXPECT_EQ(p.total_items, all.total_items);
    ASSERT_EQ(p.items.size(), 1u);
    paged.push_back(p.items.front().id);
  }
  std::vector<std::string> ids;
  for (const auto& s : all.items) ids.push_back(s.id);
  EXPECT_EQ(paged, ids);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  auto beyond =
      ListServices(*db_->Read(), lv_, f, {static_cast<int>(all.total_items) + 1, 1}, false);
  EXPECT_EQ(beyond.total_items, all.total_items);
  EXPECT_TRUE(beyond.items.empty());
}

TEST_F(HsdsQueries, SearchCombinesWithEveryFilter) {
  ServiceFilter f;
  f.search = "inform";
  const auto searched = ListServices(*db_->Read(), lv_, f, {1, 500}, true);
  ASSERT_GT(searched.total_items, 1);
  const ServiceRecord& first = searched.items.front();

  ServiceFilter by_org = f;
  by_org.organization_id = first.organization_id;
  auto o = ListServices(*db_->Read(), lv_, by_org, {1, 500}, false);
  EXPECT_GT(o.total_items, 0);
  EXPECT_LT(o.total_items, searched.total_items);
  for (const auto& s : o.items) EXPECT_EQ(s.organization_id, first.organization_id);

  if (!first.attributes.empty()) {
    ServiceFilter by_term = f;
    by_term.taxonomy_term_id = first.attributes.front().term.id;
    auto t = ListServices(*db_->Read(), lv_, by_term, {1, 500}, false);
    EXPECT_GT(t.total_items, 0);
    EXPECT_LE(t.total_items, searched.total_items);
    by_term.search = "zzzqqq";
    EXPECT_EQ(ListServices(*db_->Read(), lv_, by_term, {1, 500}, false).total_items, 0);
  }

  ServiceFilter later = f;
  later.modified_after = "2999-01-01T00:00:00Z";
  EXPECT_EQ(ListServices(*db_->Read(), lv_, later, {1, 50}, false).total_items, 0);
  later.modified_after = "2000-01-01T00:00:00Z";
  EXPECT_EQ(ListServices(*db_->Read(), lv_, later, {1, 50}, false).total_items,
            searched.total_items);

  // The same words through service_at_locations: only rows of matching services.
  std::set<std::string> matching;
  for (const auto& s : searched.items) matching.insert(s.id);
  ServiceAtLocationFilter sf;
  sf.search = f.search;
  auto sal = ListServiceAtLocations(*db_->Read(), lv_, sf, {1, 500});
  EXPECT_GT(sal.total_items, 0);
  for (const auto& r : sal.items) EXPECT_TRUE(matching.contains(r.service_id)) << r.id;
  sf.organization_id = first.organization_id;
  for (const auto& r : ListServiceAtLocations(*db_->Read(), lv_, sf, {1, 500}).items) {
    EXPECT_TRUE(matching.contains(r.service_id));
  }
}

TEST_F(HsdsQueries, OrganizationsSearchEveryLocaleAndPage) {
  OrganizationFilter f;
  f.search = "Latgales centrala";
  const auto latvian = ListOrganizations(*db_->Read(), lv_, f, {1, 500});
  ASSERT_GT(latvian.total_items, 0);
  for (const char* q : {"латгальская центральная", "Latgale Central", "латгал"}) {
    f.search = q;
    EXPECT_GE(ListOrganizations(*db_->Read(), lv_, f, {1, 500}).total_items, latvian.total_items)
        << q;
  }
  auto all = ListOrganizations(*db_->Read(), lv_, {}, {1, 500});
  std::vector<std::string> paged;
  for (int page = 1; page <= (all.total_items + 4) / 5; ++page) {
    auto p = ListOrganizations(*db_->Read(), lv_, {}, {page, 5});
    EXPECT_EQ(p.total_items, all.total_items);
    for (const auto& o : p.items) paged.push_back(o.id);
  }
  ASSERT_EQ(static_cast<int64_t>(paged.size()), all.total_items);
  for (size_t i = 0; i < paged.size(); ++i) EXPECT_EQ(paged[i], all.items[i].id);
}

TEST_F(HsdsQueries, ServiceAtLocationsPageInIdOrderAndNearestFirst) {
  auto all = ListServiceAtLocations(*db_->Read(), lv_, {}, {1, 500});
  ASSERT_GT(all.total_items, 5);
  std::vector<std::string> paged;
  for (int page = 1; page <= (all.total_items + 3) / 4; ++page) {
    auto p = ListServiceAtLocations(*db_->Read(), lv_, {}, {page, 4});
    EXPECT_EQ(p.total_items, all.total_items);
    for (const auto& r : p.items) paged.push_back(r.id);
  }
  ASSERT_EQ(static_cast<int64_t>(paged.size()), all.total_items);
  EXPECT_TRUE(std::is_sorted(paged.begin(), paged.end()));

  ServiceAtLocationFilter near;
  near.latitude = 56.95;
  near.longitude = 24.1;
  near.proximity_km = 300;  // all of Latvia
  auto whole = ListServiceAtLocations(*db_->Read(), lv_, near, {1, 500});
  ASSERT_GT(whole.total_items, 3);
  std::vector<std::string> near_paged;
  for (int page = 1; page <= (whole.total_items + 2) / 3; ++page) {
    auto p = ListServiceAtLocations(*db_->Read(), lv_, near, {page, 3});
    EXPECT_EQ(p.total_items, whole.total_items);
    for (const auto& r : p.items) near_paged.push_back(r.id);
  }
  ASSERT_EQ(near_paged.size(), whole.items.size());
  for (size_t i = 0; i < near_paged.size(); ++i) EXPECT_EQ(near_paged[i], whole.items[i].id);
  for (size_t i = 1; i < whole.items.size(); ++i) {
    EXPECT_LE(*whole.items[i - 1].distance_km, *whole.items[i].distance_km);
  }
}

TEST_F(HsdsQueries, TaxonomyTermsPageWithTheirTotal) {
  auto all = ListTaxonomyTerms(*db_->Read(), lv_, "", {1, 500});
  ASSERT_GT(all.total_items, 4);
  auto second = ListTaxonomyTerms(*db_->Read(), lv_, "", {2, 3});
  EXPECT_EQ(second.total_items, all.total_items);
  ASSERT_EQ(second.items.size(), 3u);
  EXPECT_EQ(second.items[0].id, all.items[3].id);
  EXPECT_TRUE(ListTaxonomyTerms(*db_->Read(), lv_, "", {1000, 3}).items.empty());
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
