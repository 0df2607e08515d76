#include "directory/search_filters.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tilti::directory {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

TEST(ParseSearchFilters, ReadsEveryFilterAndRepeatedParameters) {
  auto f = ParseSearchFilters({{"q", " ogre "},
                               {"service", "public-computers"},
                               {"service", "children-activities"},
                               {"audience", "children"},
                               {"language", "uk"},
                               {"access", "step-free-entrance"},
                               {"municipality", "lv-dgv"},
                               {"municipality", "LV-011"},
                               {"open", "now"},
                               {"near", "Daugavpils"},
                               {"radius", "120"},
                               {"page", "3"}});
  EXPECT_EQ(f.query, "ogre");
  EXPECT_EQ(f.services, (std::vector<std::string>{"public-computers", "children-activities"}));
  EXPECT_EQ(f.audiences, std::vector<std::string>{"children"});
  EXPECT_EQ(f.languages, std::vector<std::string>{"uk"});
  EXPECT_EQ(f.access, std::vector<std::string>{"step-free-entrance"});
  EXPECT_EQ(f.municipalities, (std::vector<std::string>{"LV-DGV", "LV-011"}));
  EXPECT_TRUE(f.open_now);
  EXPECT_EQ(f.near, "Daugavpils");
  EXPECT_EQ(f.radius_km, 120);
  EXPECT_EQ(f.page, 3);
  EXPECT_TRUE(f.Any());
}

TEST(ParseSearchFilters, IgnoresUnknownAndMalformedValuesWithoutError) {
  auto f = ParseSearchFilters({{"service", "../etc"},
                               {"service", std::string(65, 'a')},
                               {"service", "Public-Computers"},
                               {"language", "ukr"},
                               {"municipality", "EE-37"},
                               {"municipality", "LV-DG"},
                               {"radius", "301"},
                               {"radius", "0"},
                               {"page", "0"},
                               {"page", "-2"},
                               {"page", "2x"},
                               {"colour", "red"}});
  EXPECT_TRUE(f.services.empty());
  EXPECT_TRUE(f.languages.empty());
  EXPECT_TRUE(f.municipalities.empty());
  EXPECT_FALSE(f.open_now);
  EXPECT_EQ(f.radius_km, kDefaultRadiusKm);
  EXPECT_EQ(f.page, 1);
  EXPECT_FALSE(f.Any());
  EXPECT_FALSE(f.bad_coordinates);
}

TEST(ParseSearchFilters, KeepsEachValueOnce) {
  auto f = ParseSearchFilters({{"service", "meeting-room"}, {"service", "meeting-room"}});
  EXPECT_EQ(f.services.size(), 1u);
}

TEST(ParseSearchFilters, AcceptsCoordinatesInRange) {
  auto f = ParseSearchFilters({{"lat", "55.87"}, {"lon", "-26.5"}});
  ASSERT_TRUE(f.lat && f.lon);
  EXPECT_DOUBLE_EQ(*f.lat, 55.87);
  EXPECT_DOUBLE_EQ(*f.lon, -26.5);
  EXPECT_FALSE(f.bad_coordinates);
  EXPECT_TRUE(f.HasLocation());
}

TEST(ParseSearchFilters, ATypedPlaceWinsOverCoordinates) {
  auto f = ParseSearchFilters({{"lat", "55.87"}, {"lon", "26.5"}, {"near", "Rīga"}});
  EXPECT_EQ(f.near, "Rīga");
  EXPECT_FALSE(f.lat.has_value());
  EXPECT_FALSE(f.bad_coordinates);
  EXPECT_EQ(FilterParams(f), (Params{{"near", "Rīga"}}));
}

TEST(ParseSearchFilters, FlagsCoordinatesOutOfRangeHalfGivenOrNotNumbers) {
  for (const Params& p :
       {Params{{"lat", "90.5"}, {"lon", "24"}}, Params{{"lat", "56"}, {"lon", "181"}},
        Params{{"lat", "56"}}, Params{{"lat", "nan"}, {"lon", "24"}},
        Params{{"lat", "inf"}, {"lon", "24"}}, Params{{"lat", "1e3"}, {"lon", "1"}},
        Params{{"lat", "56,9"}, {"lon", "24.1"}}}) {
    auto f = ParseSearchFilters(p);
    EXPECT_TRUE(f.bad_coordinates) << p[0].second;
    EXPECT_FALSE(f.lat.has_value());
    EXPECT_FALSE(f.lon.has_value());
  }
  EXPECT_FALSE(ParseSearchFilters({{"lat", ""}, {"lon", ""}}).bad_coordinates);
}

TEST(FilterParams, RoundTripsThroughTheParser) {
  Params p{{"q", "bērnu nodarbības"},
           {"service", "meeting-room"},
           {"municipality", "LV-DGV"},
           {"open", "now"},
           {"near", "Даугавпилс"},
           {"radius", "100"},
           {"page", "2"}};
  auto f = ParseSearchFilters(p);
  EXPECT_EQ(FilterParams(f), p);
  EXPECT_EQ(FilterParams(ParseSearchFilters(FilterParams(f))), p);
}

TEST(ParseSearchFilters, ReadsOpenAtALocalDateAndTime) {
  auto f = ParseSearchFilters({{"open", "2026-11-24T10:00"}});
  ASSERT_TRUE(f.open_date.has_value());
  EXPECT_EQ(*f.open_date, std::chrono::year_month_day(std::chrono::year(2026),
                                                      std::chrono::November, std::chrono::day(24)));
  EXPECT_EQ(f.open_minute, 10 * 60);
  EXPECT_FALSE(f.open_now);
  EXPECT_FALSE(f.bad_open);
  EXPECT_TRUE(f.Any());
  EXPECT_EQ(OpenAtValue(f), "2026-11-24T10:00");
  EXPECT_EQ(OpenDateValue(f), "2026-11-24");
  EXPECT_EQ(OpenTimeValue(f), "10:00");
  // With open=now too, both hold.
  auto both = ParseSearchFilters({{"open", "now"}, {"open", "2026-11-24T23:59"}});
  EXPECT_TRUE(both.open_now);
  ASSERT_TRUE(both.open_date.has_value());
  EXPECT_EQ(both.open_minute, 23 * 60 + 59);
  EXPECT_EQ(OpenAtValue(SearchFilters{}), "");
}

TEST(ParseSearchFilters, ReadsTheFormsTwoFieldsAsTheSameFilter) {
  auto f = ParseSearchFilters({{"open_date", "2026-11-24"}, {"open_time", "10:00"}});
  EXPECT_EQ(OpenAtValue(f), "2026-11-24T10:00");
  EXPECT_EQ(FilterParams(f), (Params{{"open", "2026-11-24T10:00"}}));
  // Typed by hand where the browser has no picker, and a one-digit hour.
  EXPECT_EQ(OpenAtValue(ParseSearchFilters({{"open_date", " 24.11.2026 "}, {"open_time", "9:05"}})),
            "2026-11-24T09:05");
  // The form's fields win over an open=<date> it carried from an earlier search.
  EXPECT_EQ(OpenAtValue(ParseSearchFilters({{"open", "2026-11-24T10:00"},
                                            {"open_date", "2026-12-01"},
                                            {"open_time", "15:30"}})),
            "2026-12-01T15:30");
  // Both empty (the form submitted untouched): no filter and no error.
  auto empty = ParseSearchFilters({{"open_date", ""}, {"open_time", ""}});
  EXPECT_FALSE(empty.open_date.has_value());
  EXPECT_FALSE(empty.bad_open);
  EXPECT_FALSE(empty.Any());
}

TEST(ParseSearchFilters, FlagsABadOrHalfGivenDayAndTimeKeepingWhatWasTyped) {
  for (Params p : std::vector<Params>{{{"open", "2026-02-30T10:00"}},
                                      {{"open", "2026-11-24T25:00"}},
                                      {{"open", "2026-11-24T10:60"}},
                                      {{"open", "2026-11-24"}},
                                      {{"open", "T10:00"}},
                                      {{"open", "later"}},
                                      {{"open", "24/11/2026T10:00"}},
                                      {{"open_date", "2026-11-24"}, {"open_time", ""}},
                                      {{"open_date", ""}, {"open_time", "10:00"}},
                                      {{"open_date", "31.04.2026"}, {"open_time", "10:00"}}}) {
    auto f = ParseSearchFilters(p);
    EXPECT_TRUE(f.bad_open) << p[0].second;
    EXPECT_FALSE(f.open_date.has_value()) << p[0].second;
    EXPECT_FALSE(f.Any()) << p[0].second;
    EXPECT_TRUE(FilterParams(f).empty()) << p[0].second;
  }
  auto f = ParseSearchFilters({{"open", "2026-02-30T10:00"}});
  EXPECT_EQ(f.open_date_text, "2026-02-30");
  EXPECT_EQ(f.open_time_text, "10:00");
  auto g = ParseSearchFilters({{"open_date", "2026-11-24"}, {"open_time", "25:00"}});
  EXPECT_EQ(g.open_date_text, "2026-11-24");
  EXPECT_EQ(g.open_time_text, "25:00");
}

TEST(FilterParams, WritesOpenAtCanonically) {
  Params p{{"service", "meeting-room"}, {"open", "now"}, {"open", "2026-11-24T10:00"}};
  EXPECT_EQ(FilterParams(ParseSearchFilters(p)), p);
  EXPECT_EQ(FilterParams(ParseSearchFilters(
                {{"open_time", "10:00"}, {"service", "meeting-room"}, {"open_date", "24.11.2026"}})),
            (Params{{"service", "meeting-room"}, {"open", "2026-11-24T10:00"}}));
}

TEST(DroppableFilters, OpenAtIsDroppedOnItsOwn) {
  auto f = ParseSearchFilters({{"q", "ogre"}, {"open", "now"}, {"open", "2026-11-24T10:00"}});
  auto drops = DroppableFilters(f);
  ASSERT_EQ(drops.size(), 3u);
  EXPECT_EQ(drops[1].param, "open");
  EXPECT_EQ(drops[1].value, "now");
  EXPECT_EQ(drops[1].params_without, (Params{{"q", "ogre"}, {"open", "2026-11-24T10:00"}}));
  EXPECT_EQ(drops[2].param, "open");
  EXPECT_EQ(drops[2].value, "2026-11-24T10:00");
  EXPECT_EQ(drops[2].params_without, (Params{{"q", "ogre"}, {"open", "now"}}));
}

TEST(QueryString, PercentEncodesUtf8AndSpaces) {
  EXPECT_EQ(QueryString({{"near", "Rīga"}, {"q", "a b&c=d"}}), "near=R%C4%ABga&q=a+b%26c%3Dd");
  EXPECT_EQ(QueryString({}), "");
}

TEST(DroppableFilters, OneLinkPerActiveFilterKeepingTheOthersOnPageOne) {
  auto f = ParseSearchFilters(
      {{"q", "ogre"}, {"service", "meeting-room"}, {"open", "now"}, {"page", "4"}});
  auto drops = DroppableFilters(f);
  ASSERT_EQ(drops.size(), 3u);
  EXPECT_EQ(drops[0].param, "q");
  EXPECT_EQ(drops[0].params_without, (Params{{"service", "meeting-room"}, {"open", "now"}}));
  EXPECT_EQ(drops[1].param, "service");
  EXPECT_EQ(drops[1].value, "meeting-room");
  EXPECT_EQ(drops[1].params_without, (Params{{"q", "ogre"}, {"open", "now"}}));
  EXPECT_EQ(drops[2].param, "open");
  EXPECT_EQ(drops[2].params_without, (Params{{"q", "ogre"}, {"service", "meeting-room"}}));
  EXPECT_TRUE(DroppableFilters(SearchFilters{}).empty());
}

TEST(DroppableFilters, DroppingTheLocationDropsItsRadius) {
  auto f = ParseSearchFilters({{"lat", "56.9"}, {"lon", "24.1"}, {"radius", "10"}});
  auto drops = DroppableFilters(f);
  ASSERT_EQ(drops.size(), 1u);
  EXPECT_EQ(drops[0].param, "lat");
  EXPECT_TRUE(drops[0].params_without.empty());
}

TEST(Paginate, SlicesTwentyPerPage) {
  auto p = Paginate(45, 1);
  EXPECT_EQ(p.pages, 3);
  EXPECT_EQ(p.offset, 0u);
  EXPECT_EQ(p.count, 20u);
  EXPECT_FALSE(p.has_previous);
  EXPECT_TRUE(p.has_next);
  p = Paginate(45, 3);
  EXPECT_EQ(p.offset, 40u);
  EXPECT_EQ(p.count, 5u);
  EXPECT_TRUE(p.has_previous);
  EXPECT_FALSE(p.has_next);
}

TEST(Paginate, APagePastTheEndIsEmptyButValid) {
  auto p = Paginate(10, 2);
  EXPECT_EQ(p.page, 2);
  EXPECT_EQ(p.pages, 1);
  EXPECT_EQ(p.count, 0u);
  EXPECT_TRUE(p.has_previous);
  EXPECT_FALSE(p.has_next);
}

TEST(Paginate, NoResultsIsOnePage) {
  auto p = Paginate(0, 1);
  EXPECT_EQ(p.pages, 1);
  EXPECT_EQ(p.count, 0u);
  EXPECT_FALSE(p.has_previous || p.has_next);
  EXPECT_EQ(Paginate(20, 1).pages, 1);
  EXPECT_EQ(Paginate(21, 1).pages, 2);
  EXPECT_EQ(Paginate(5, 0).page, 1);
}

TEST(HaversineKm, MeasuresKnownDistances) {
  EXPECT_DOUBLE_EQ(HaversineKm(56.95, 24.1, 56.95, 24.1), 0);
  // Equator to pole: a quarter of the mean circumference.
  EXPECT_NEAR(HaversineKm(0, 0, 90, 0), 10007.557, 0.001);
  // Rīga - Daugavpils, about 190 km as the crow flies.
  EXPECT_NEAR(HaversineKm(56.9496, 24.1052, 55.8833, 26.5333), 190.7, 0.1);
  // One degree of latitude.
  EXPECT_NEAR(HaversineKm(56, 24, 57, 24), 111.2, 0.1);
}

TEST(BoundingBox, HoldsEveryPointWithinTheRadius) {
  auto box = BoundingBox(56.9, 24.1, 50);
  for (int bearing = 0; bearing < 360; bearing += 15) {
    // Walk ~49.9 km in small steps towards each bearing and check the point stays inside.
    double rad = bearing * 3.14159265358979 / 180;
    double lat = 56.9 + 49.9 / 111.195 * std::cos(rad);
    double lon = 24.1 + 49.9 / (111.195 * std::cos(lat * 3.14159265358979 / 180)) * std::sin(rad);
    if (HaversineKm(56.9, 24.1, lat, lon) > 50) continue;
    EXPECT_GE(lat, box.min_lat);
    EXPECT_LE(lat, box.max_lat);
    EXPECT_GE(lon, box.min_lon) << bearing;
    EXPECT_LE(lon, box.max_lon) << bearing;
  }
  auto pole = BoundingBox(89.9, 0, 50);
  EXPECT_EQ(pole.min_lon, -180);
  EXPECT_EQ(pole.max_lon, 180);
}

}  // namespace
}  // namespace tilti::directory
