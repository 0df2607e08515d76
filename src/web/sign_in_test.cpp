#include "web/sign_in.h"

#include <gtest/gtest.h>

namespace tilti::web {
namespace {

TEST(SignInNext, KeepsAPathOfThisSite) {
  EXPECT_EQ(SafeNextPath("/lv/manage/users"), "/lv/manage/users");
  EXPECT_EQ(SafeNextPath("/uk/manage/libraries/ogre?tab=hours"), "/uk/manage/libraries/ogre?tab=hours");
  EXPECT_EQ(SafeNextPath("/"), "/");
}

TEST(SignInNext, RefusesEverythingThatCouldLeaveTheSite) {
  for (std::string_view bad :
       {"", "//evil.example", "//evil.example/lv/manage", "/\\evil.example", "https://evil.example",
        "javascript:alert(1)", "lv/manage", "/lv/manage\r\nSet-Cookie: x=1", "/lv/ma nage",
        "\\\\evil.example", "/lv\\..\\evil"}) {
    EXPECT_EQ(SafeNextPath(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(SafeNextPath("/" + std::string(2000, 'a')), std::nullopt) << "too long";
}

TEST(ForgotRules, LimitsAreKeyedByPseudonymsOfTheAddressTypedAndTheClient) {
  auto limits = ForgotLimits("anna@example.lv", "10.0.0.1");
  ASSERT_EQ(limits.size(), 2u);
  for (const auto& l : limits) {
    EXPECT_EQ(l.key.find("anna"), std::string::npos);
    EXPECT_EQ(l.key.find("10.0.0.1"), std::string::npos);
    EXPECT_EQ(l.window_seconds, kForgotWindowSeconds);
  }
  EXPECT_EQ(limits[0].max, 3);
}

}  // namespace
}  // namespace tilti::web
