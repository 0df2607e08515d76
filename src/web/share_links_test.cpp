#include "web/share_links.h"

#include <gtest/gtest.h>

namespace tilti::web {
namespace {

TEST(ShareLinks, EncodeTheUrlAndTitleForEachMessenger) {
  auto links = ShareLinks("https://tilti.lv/uk/libraries/ogre?a=1&b=2", "Огре & Co");
  ASSERT_EQ(links.size(), 4u);
  EXPECT_EQ(links[0].service, "telegram");
  EXPECT_EQ(links[0].href,
            "https://t.me/share/url?url=https%3A%2F%2Ftilti.lv%2Fuk%2Flibraries%2Fogre%3Fa%3D1%26b%3D2"
            "&text=%D0%9E%D0%B3%D1%80%D0%B5%20%26%20Co");
  EXPECT_EQ(links[1].service, "whatsapp");
  EXPECT_EQ(links[1].href.rfind("https://wa.me/?text=", 0), 0u);
  EXPECT_EQ(links[2].href.rfind("viber://forward?text=", 0), 0u);
  EXPECT_EQ(links[3].href.rfind("mailto:?subject=", 0), 0u);
  for (const auto& l : links) {
    EXPECT_EQ(l.href.find(' '), std::string::npos) << l.href;
    EXPECT_EQ(l.href.find('"'), std::string::npos) << l.href;
    EXPECT_EQ(l.href.find('<'), std::string::npos) << l.href;
  }
}

TEST(ShareLinks, HostileTitleCannotBreakOutOfTheLink) {
  auto links = ShareLinks("https://x/", "\"><script>alert(1)</script>");
  for (const auto& l : links) EXPECT_EQ(l.href.find_first_of("\"<> "), std::string::npos);
}

TEST(DirectionsHref, PointsAtTheCoordinates) {
  EXPECT_EQ(DirectionsHref(56.8162, 24.61401),
            "https://www.openstreetmap.org/directions?to=56.816200%2C24.614010#map=14/56.816200/"
            "24.614010");
}

}  // namespace
}  // namespace tilti::web
