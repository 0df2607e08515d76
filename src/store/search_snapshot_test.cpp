#include "store/search_snapshot.h"

#include <gtest/gtest.h>

#include "store/demo_database_for_tests.h"
#include "store/library_finder.h"
#include "store/search_index.h"

namespace tilti::store {
namespace {

std::vector<NameOrder> Orders() {
  auto less = [](const std::string& a, const std::string& b) { return a < b; };
  return {NameOrder{"lv", {"lv", "en"}, less}, NameOrder{"en", {"en", "lv"}, less}};
}

TEST(SearchSnapshot, HoldsEveryLibraryLocationWithItsTermsAndNameOrder) {
  DemoDatabaseForTests demo;
  auto lease = demo.db().Read();
  auto s = SearchSnapshot::Build(*lease, Orders());
  int64_t libraries = 0;
  {
    Statement st = lease->Prepare(
        "SELECT count(*) FROM location l JOIN organization o ON o.id = l.organization_id "
        "WHERE o.kind = 'library'");
    st.Step();
    libraries = st.Int(0);
  }
  ASSERT_EQ(static_cast<int64_t>(s->libraries().size()), libraries);
  EXPECT_EQ(s->InNameOrder(0).size(), s->libraries().size());
  EXPECT_EQ(s->OrderIndex("en"), 1u);
  EXPECT_EQ(s->OrderIndex("xx"), 0u);
  for (const auto& lib : s->libraries()) {
    EXPECT_NE(lib.document, 0) << lib.slug << " has no search document";
    EXPECT_EQ(lib.rank.size(), 2u);
  }
  // Rēzekne folds the same in any script.
  EXPECT_NE(s->PlacesNamed("rezekne"), nullptr);
  EXPECT_EQ(s->PlacesNamed("no such place"), nullptr);
  EXPECT_FALSE(s->TermId("service-type", "no-such-term"));
}

TEST(SearchSnapshotCache, KeepsTheSnapshotUntilTheDirectoryChanges) {
  DemoDatabaseForTests demo;
  SearchSnapshotCache cache(Orders());
  std::shared_ptr<const SearchSnapshot> first, same;
  {
    auto lease = demo.db().Read();
    first = cache.Get(*lease);
    same = cache.Get(*lease);
  }
  EXPECT_EQ(first.get(), same.get());
  // Hours change without an index rebuild: the trigger of migration 0008 bumps the version.
  demo.db().Write([&](Connection& c) {
    c.Prepare("INSERT INTO schedule (id, location_id, freq, byday, opens_at, closes_at) "
              "VALUES ('s-test', ?1, 'WEEKLY', 'MO', '10:00', '12:00')")
        .Bind(1, first->libraries().front().location_id)
        .Run();
  });
  std::shared_ptr<const SearchSnapshot> after_hours;
  {
    auto lease = demo.db().Read();
    after_hours = cache.Get(*lease);
  }
  EXPECT_NE(after_hours.get(), first.get());
  EXPECT_GT(after_hours->version(), first->version());
  const auto* locations = after_hours->LocationsOf(first->libraries().front().slug);
  ASSERT_NE(locations, nullptr);
  EXPECT_TRUE(after_hours->libraries()[locations->front()].has_hours);
  // Every directory write rebuilds the index, which bumps the version too.
  demo.db().Write([](Connection& c) { RebuildLibraryIndex(c); });
  auto lease = demo.db().Read();
  EXPECT_GT(cache.Get(*lease)->version(), after_hours->version());
}

TEST(SearchSnapshot, CachesTextMatchesPerQuery) {
  DemoDatabaseForTests demo;
  auto lease = demo.db().Read();
  auto s = SearchSnapshot::Build(*lease, Orders());
  int computed = 0;
  auto compute = [&] {
    ++computed;
    return MatchingLibraries(*lease, "rezekne", SIZE_MAX);
  };
  auto a = s->TextSearch("rezekne", compute);
  auto b = s->TextSearch("rezekne", compute);
  EXPECT_EQ(computed, 1);
  EXPECT_EQ(a.get(), b.get());
  EXPECT_FALSE(a->documents.empty());
  EXPECT_TRUE(s->LibraryOfDocument(a->documents.front()));
  EXPECT_TRUE(a->ranked);
}

}  // namespace
}  // namespace tilti::store
