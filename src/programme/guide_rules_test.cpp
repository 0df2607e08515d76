#include "programme/guide_rules.h"

#include <gtest/gtest.h>

#include <string>

namespace tilti::programme {
namespace {

TEST(GuideRules, SlugsAreLowerCaseLatinWithSingleHyphens) {
  for (const char* ok : {"bibliotekas", "lasitaja-karte", "e-pakalpojumi-2", "a", "2026"}) {
    EXPECT_TRUE(IsGuideSlug(ok)) << ok;
  }
  for (const char* bad : {"", "-a", "a-", "a--b", "Karte", "kārte", "a b", "a_b", "../x", "a/b"}) {
    EXPECT_FALSE(IsGuideSlug(bad)) << bad;
  }
  EXPECT_TRUE(IsGuideSlug(std::string(80, 'a')));
  EXPECT_FALSE(IsGuideSlug(std::string(81, 'a')));
}

TEST(GuideRules, PositionIsAWholeNumberUpTo999) {
  EXPECT_EQ(ParseGuidePosition("0"), 0);
  EXPECT_EQ(ParseGuidePosition("007"), 7);
  EXPECT_EQ(ParseGuidePosition("999"), 999);
  for (const char* bad : {"", "1000", "-1", "+1", " 1", "1.5", "x"}) {
    EXPECT_FALSE(ParseGuidePosition(bad)) << bad;
  }
}

}  // namespace
}  // namespace tilti::programme
