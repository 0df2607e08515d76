#include "core/clock.h"

#include <gtest/gtest.h>

namespace tilti {

TEST(FormatRfc3339, WritesUtcWithSeconds) {
  EXPECT_EQ(FormatRfc3339(SysTime{std::chrono::seconds{0}}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(SysTime{std::chrono::seconds{1795341600}}), "2026-11-22T10:00:00Z");
}

TEST(Clock, ParsesWhatItStores) {
  const SysTime t = ParseStoredRfc3339("2026-03-29T01:30:00Z").value();
  EXPECT_EQ(FormatRfc3339(t), "2026-03-29T01:30:00Z");
  EXPECT_FALSE(ParseStoredRfc3339("2026-02-30T01:30:00Z"));
  EXPECT_FALSE(ParseStoredRfc3339("2026-03-29 01:30:00Z"));
  EXPECT_FALSE(ParseStoredRfc3339("2026-03-29T24:00:00Z"));
  EXPECT_FALSE(ParseStoredRfc3339(""));
}

}  // namespace tilti
