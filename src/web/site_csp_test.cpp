#include <gtest/gtest.h>

#include "web/site.h"

namespace tilti::web {
namespace {

TEST(ContentSecurityPolicy, StrictWithoutMapTiles) {
  EXPECT_EQ(ContentSecurityPolicy(""),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
}

TEST(ContentSecurityPolicy, MapTilesAddExactlyTheirOriginToImgSrc) {
  std::string plain = ContentSecurityPolicy("");
  auto with = [&](std::string origin) {
    std::string csp = plain;
    csp.replace(csp.find("img-src 'self' data:"), 20, "img-src 'self' data: " + origin);
    return csp;
  };
  EXPECT_EQ(ContentSecurityPolicy("https://tile.example/{z}/{x}/{y}.png"),
            with("https://tile.example"));
  EXPECT_EQ(ContentSecurityPolicy("http://tiles.local:8081/osm/{z}/{x}/{y}.png"),
            with("http://tiles.local:8081"));
  EXPECT_EQ(ContentSecurityPolicy("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"),
            with("https://*.tile.openstreetmap.org"));
}

}  // namespace
}  // namespace tilti::web
