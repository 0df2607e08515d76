#include "events/statistics.h"

#include <gtest/gtest.h>

namespace tilti::events {
namespace {

TEST(Statistics, HidesGroupsUnderFive) {
  EXPECT_EQ(CountsToHide({12, 4, 3, 9}), (std::vector<bool>{false, true, true, false}));
  EXPECT_EQ(CountsToHide({5, 6, 0}), (std::vector<bool>{false, false, false}));
}

TEST(Statistics, ALoneHiddenCountTakesTheNextSmallestWithIt) {
  // With the total 27 known, hiding only the 2 would give it away (27 - 12 - 13).
  EXPECT_EQ(CountsToHide({12, 2, 13}), (std::vector<bool>{true, true, false}));
  EXPECT_EQ(CountsToHide({0, 1, 40}), (std::vector<bool>{false, true, true}));
  EXPECT_EQ(CountsToHide({3}), (std::vector<bool>{true}));
  EXPECT_TRUE(CountsToHide({}).empty());
}

TEST(Statistics, Totals) {
  EXPECT_TRUE(TotalShown(0));
  EXPECT_FALSE(TotalShown(4));
  EXPECT_TRUE(TotalShown(5));
}

}  // namespace
}  // namespace tilti::events

namespace tilti::events {
namespace {

TEST(Statistics, HeadCounts) {
  bool ok = false;
  EXPECT_EQ(ParseHeadCount(" 12 ", &ok), 12);
  EXPECT_TRUE(ok);
  EXPECT_EQ(ParseHeadCount("", &ok), std::nullopt);
  EXPECT_TRUE(ok);
  EXPECT_EQ(ParseHeadCount("0", &ok), 0);
  for (const char* bad : {"-1", "1.5", "abc", "100001", "99999999999999999999"}) {
    EXPECT_EQ(ParseHeadCount(bad, &ok), std::nullopt) << bad;
    EXPECT_FALSE(ok) << bad;
  }
}

}  // namespace
}  // namespace tilti::events
