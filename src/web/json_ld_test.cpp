#include "web/json_ld.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace tilti::web {
namespace {

directory::LibraryDetail Ogre() {
  directory::LibraryDetail d;
  d.slug = "ogres-centrala-biblioteka";
  d.name = {"Ogres Centrālā bibliotēka", "lv"};
  d.town = {"Ogre", "lv"};
  d.latitude = 56.8162;
  d.longitude = 24.61401;
  d.phones.push_back({"+371 65426422", std::nullopt});
  return d;
}

TEST(LibraryJsonLd, IsASchemaOrgLibraryWithHoursAndGeo) {
  auto lib = Ogre();
  lib.hours.emplace(std::vector<directory::Period>{directory::MakePeriod(1, 600, 1080).value()},
                    std::vector<directory::Exception>{}, directory::LatvianPublicHolidays());
  auto v = boost::json::parse(LibraryJsonLd(lib, "https://x/lv/libraries/ogre")).as_object();
  EXPECT_EQ(v.at("@type"), "Library");
  EXPECT_EQ(v.at("name"), "Ogres Centrālā bibliotēka");
  EXPECT_EQ(v.at("telephone"), "+371 65426422");
  EXPECT_EQ(v.at("geo").at("@type"), "GeoCoordinates");
  auto spec = v.at("openingHoursSpecification").as_array();
  ASSERT_EQ(spec.size(), 1u);
  EXPECT_EQ(spec[0].at("dayOfWeek"), "https://schema.org/Monday");
  EXPECT_EQ(spec[0].at("opens"), "10:00");
  EXPECT_EQ(spec[0].at("closes"), "18:00");
}

TEST(LibraryJsonLd, HostileTextCannotCloseTheScriptElement) {
  auto lib = Ogre();
  lib.name.text = "</script><script>alert(1)</script>\u2028";
  std::string json = LibraryJsonLd(lib, "https://x/");
  EXPECT_EQ(json.find('<'), std::string::npos);
  EXPECT_EQ(json.find('>'), std::string::npos);
  EXPECT_EQ(json.find("\u2028"), std::string::npos);
  EXPECT_EQ(boost::json::parse(json).at("name"), "</script><script>alert(1)</script>\u2028")
      << "the escapes decode back to the same text";
}

}  // namespace
}  // namespace tilti::web
