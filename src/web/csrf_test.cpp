#include "web/csrf.h"

#include <gtest/gtest.h>

namespace tilti::web {
namespace {

http::Request WithCookie(const std::string& token) {
  http::Request r;
  r.headers = {{"cookie", "tilti_csrf=" + token}};
  return r;
}

TEST(Csrf, ReusesAWellFormedCookieTokenElseMakesANewOne) {
  std::string t(32, 'a');
  EXPECT_EQ(CsrfTokenFor(WithCookie(t)).value, t);
  EXPECT_FALSE(CsrfTokenFor(WithCookie(t)).is_new);
  CsrfToken fresh = CsrfTokenFor(WithCookie("short"));
  EXPECT_TRUE(fresh.is_new);
  EXPECT_EQ(fresh.value.size(), 32u);
  EXPECT_NE(fresh.value, CsrfTokenFor(http::Request{}).value);
  EXPECT_NE(CsrfCookie(fresh, true).find("HttpOnly; SameSite=Strict"), std::string::npos);
  EXPECT_NE(CsrfCookie(fresh, true).find("; Secure"), std::string::npos);
}

TEST(Csrf, AcceptsOnlyAMatchingTokenFromOurOrigin) {
  std::string t(32, 'b');
  http::Request r = WithCookie(t);
  EXPECT_TRUE(CsrfOk(r, t, "http://127.0.0.1:8080"));
  EXPECT_FALSE(CsrfOk(r, std::string(32, 'c'), "http://127.0.0.1:8080"));
  EXPECT_FALSE(CsrfOk(r, "", "http://127.0.0.1:8080"));
  EXPECT_FALSE(CsrfOk(http::Request{}, t, "http://127.0.0.1:8080")) << "no cookie";
  r.headers.push_back({"origin", "http://127.0.0.1:8080"});
  EXPECT_TRUE(CsrfOk(r, t, "http://127.0.0.1:8080/"));
  r.headers.back().second = "https://evil.example";
  EXPECT_FALSE(CsrfOk(r, t, "http://127.0.0.1:8080")) << "a foreign Origin is refused";
}

}  // namespace
}  // namespace tilti::web
