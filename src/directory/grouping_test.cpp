#include "directory/grouping.h"

#include <gtest/gtest.h>

namespace tilti::directory {
namespace {

LibrarySummary Lib(std::string slug, std::string name, std::string muni_id, std::string muni) {
  LibrarySummary s;
  s.slug = std::move(slug);
  s.name = {std::move(name), "lv"};
  s.municipality_id = std::move(muni_id);
  s.municipality_name = {std::move(muni), "lv"};
  return s;
}

TEST(GroupByMunicipality, GroupsAndOrdersWithTheGivenCollation) {
  std::vector<LibrarySummary> libs = {
      Lib("b", "Bibliotēka B", "LV-2", "Ogre"), Lib("x", "Cita", "", ""),
      Lib("a", "Bibliotēka A", "LV-2", "Ogre"), Lib("c", "Centrālā", "LV-1", "Daugavpils")};
  auto groups = GroupByMunicipality(libs, std::less<std::string>());
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].name.text, "Daugavpils");
  EXPECT_EQ(groups[1].name.text, "Ogre");
  ASSERT_EQ(groups[1].libraries.size(), 2u);
  EXPECT_EQ(groups[1].libraries[0].slug, "a");
  EXPECT_EQ(groups[2].municipality_id, "") << "libraries without a municipality come last";
}

TEST(GroupByMunicipality, EmptyInputGivesNoGroups) {
  EXPECT_TRUE(GroupByMunicipality({}, std::less<std::string>()).empty());
}

}  // namespace
}  // namespace tilti::directory
