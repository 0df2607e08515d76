#include "http/request_id.h"

#include <gtest/gtest.h>

#include <set>

namespace tilti::http {
namespace {

TEST(RequestIdGenerator, IdsAreSixteenHexDigitsWithThePrefix) {
  RequestIdGenerator ids(0xab12cd34);
  EXPECT_EQ(ids.Next(), "ab12cd3400000000");
  EXPECT_EQ(ids.Next(), "ab12cd3400000001");
}

TEST(RequestIdGenerator, IdsAreUnique) {
  RequestIdGenerator ids(7);
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(seen.insert(ids.Next()).second);
}

TEST(IsAcceptableRequestId, AllowsShortSafeIds) {
  EXPECT_TRUE(IsAcceptableRequestId("abc-123_X.y"));
  EXPECT_TRUE(IsAcceptableRequestId(std::string(64, 'a')));
}

TEST(IsAcceptableRequestId, RejectsLongEmptyOrUnsafeIds) {
  EXPECT_FALSE(IsAcceptableRequestId(""));
  EXPECT_FALSE(IsAcceptableRequestId(std::string(65, 'a')));
  EXPECT_FALSE(IsAcceptableRequestId("a b"));
  EXPECT_FALSE(IsAcceptableRequestId("a\nrid=forged"));
  EXPECT_FALSE(IsAcceptableRequestId("ā"));
}

}  // namespace
}  // namespace tilti::http
