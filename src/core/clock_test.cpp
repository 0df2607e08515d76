#include "core/clock.h"

#include <gtest/gtest.h>

namespace tilti {

TEST(FormatRfc3339, WritesUtcWithSeconds) {
  EXPECT_EQ(FormatRfc3339(SysTime{std::chrono::seconds{0}}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(SysTime{std::chrono::seconds{1795341600}}), "2026-11-22T10:00:00Z");
}

}  // namespace tilti
