#include "api/hsds_params.h"

#include <gtest/gtest.h>

namespace tilti::api {
namespace {

std::string BadParam(std::string_view query) {
  auto r = ParseListParams(query);
  if (r.ok()) return "(ok)";
  return r.error().fields.empty() ? "(no field)" : r.error().fields.front().field;
}

TEST(HsdsParams, DefaultsAndValues) {
  auto p = ParseListParams("");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value().page, 1);
  EXPECT_EQ(p.value().per_page, 50);
  EXPECT_EQ(p.value().lang, "lv");
  p = ParseListParams("page=3&per_page=500&lang=uk&minimal=true&format=ndjson&search=R%C4%ABga");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value().page, 3);
  EXPECT_EQ(p.value().per_page, 500);
  EXPECT_EQ(p.value().lang, "uk");
  EXPECT_TRUE(p.value().minimal);
  EXPECT_TRUE(p.value().ndjson);
  EXPECT_EQ(p.value().search, "Rīga");
}

TEST(HsdsParams, RejectsBadValuesNamingTheParameter) {
  EXPECT_EQ(BadParam("page=0"), "page");
  EXPECT_EQ(BadParam("page=-1"), "page");
  EXPECT_EQ(BadParam("page=1x"), "page");
  EXPECT_EQ(BadParam("per_page=501"), "per_page");
  EXPECT_EQ(BadParam("per_page=100000"), "per_page");
  EXPECT_EQ(BadParam("modified_after=yesterday"), "modified_after");
  EXPECT_EQ(BadParam("latitude=91&longitude=1&proximity=1"), "latitude");
  EXPECT_EQ(BadParam("latitude=nan&longitude=1&proximity=1"), "latitude");
  EXPECT_EQ(BadParam("latitude=56&proximity=1"), "longitude");
  EXPECT_EQ(BadParam("latitude=56&longitude=24"), "proximity");
  EXPECT_EQ(BadParam("lang=de"), "lang");
  EXPECT_EQ(BadParam("minimal=maybe"), "minimal");
  EXPECT_EQ(BadParam("minimal=true&full=true"), "full");
  EXPECT_EQ(BadParam("unknown=whatever"), "(ok)");
}

TEST(HsdsParams, NormalisesRfc3339ToUtc) {
  EXPECT_EQ(NormaliseRfc3339("2026-11-22T10:00:00Z"), "2026-11-22T10:00:00Z");
  EXPECT_EQ(NormaliseRfc3339("2026-11-22T01:30:00.123+02:00"), "2026-11-21T23:30:00Z");
  EXPECT_EQ(NormaliseRfc3339("2026-12-31T23:00:00-01:00"), "2027-01-01T00:00:00Z");
  EXPECT_FALSE(NormaliseRfc3339("2026-11-22").has_value());
  EXPECT_FALSE(NormaliseRfc3339("2026-02-30T00:00:00Z").has_value());
  EXPECT_FALSE(NormaliseRfc3339("2026-11-22T10:00:00").has_value());
  EXPECT_FALSE(NormaliseRfc3339("yesterday").has_value());
}

}  // namespace
}  // namespace tilti::api
