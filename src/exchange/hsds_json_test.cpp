#include "exchange/hsds_json.h"

#include <gtest/gtest.h>

namespace tilti::exchange {
namespace {

Table Make(std::string name, std::vector<std::string> cols, std::vector<std::vector<Value>> rows) {
  Table t;
  t.name = std::move(name);
  for (auto& c : cols) t.columns.push_back(Column{c, ColumnType::kText, false, c == "id"});
  for (auto& r : rows) t.rows.push_back(TableRow{std::move(r), ""});
  return t;
}

TEST(HsdsJson, NestsEachRowOnceUnderItsMostSpecificParent) {
  TableSet s;
  s.tables.push_back(Make("organization", {"id", "name", "slug"},
                          {{std::string("o1"), std::string("Org"), std::string("org")}}));
  s.tables.push_back(Make("location", {"id", "organization_id", "latitude"},
                          {{std::string("l1"), std::string("o1"), 56.949600000000004}}));
  s.tables.push_back(Make("phone", {"id", "location_id", "organization_id", "number"},
                          {{std::string("p1"), std::string("l1"), std::string("o1"),
                            std::string("+371")}}));
  s.tables.push_back(Make("translation", {"entity", "entity_id", "field", "locale", "value"},
                          {{std::string("organization"), std::string("o1"), std::string("name"),
                            std::string("en"), std::string("Org \"en\"")}}));
  JsonExportReport report;
  const std::string json = WriteHsdsJson(s, &report);
  EXPECT_TRUE(report.left_out.empty());
  auto v = boost::json::parse(json);
  const auto& org = v.as_array().at(0).as_object();
  EXPECT_EQ(org.at("slug").as_string(), "org");
  EXPECT_FALSE(org.contains("phones"));  // under its location, not repeated
  EXPECT_EQ(org.at("locations").at(0).at("phones").at(0).at("number").as_string(), "+371");
  EXPECT_EQ(org.at("translations").at(0).at("value").as_string(), "Org \"en\"");

  auto back = ReadHsdsJson(json);
  ASSERT_TRUE(back.ok()) << back.error().detail;
  const Table* loc = back.value().Find("location");
  ASSERT_NE(loc, nullptr);
  EXPECT_EQ(std::get<double>(loc->rows[0].values[loc->ColumnIndex("latitude")]),
            56.949600000000004);  // exact, not within one ulp
  EXPECT_EQ(loc->rows[0].origin, "$[0].locations[0]");
  EXPECT_EQ(back.value().Find("phone")->rows.size(), 1u);
}

TEST(HsdsJson, ReportsConflictingCopiesAndUnstoredArrays) {
  auto r = ReadHsdsJson(R"([{"id":"o1","funding":[{"id":"f"}],"attributes":[
    {"id":"a1","taxonomy_term":{"id":"t1","name":"A"}},
    {"id":"a2","taxonomy_term":{"id":"t1","name":"B"}}]}])");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail.find("$[0].funding: Tilti does not store funding"), std::string::npos)
      << r.error().detail;
  EXPECT_NE(r.error().detail.find("$[0].attributes[1].taxonomy_term: another taxonomy_term"),
            std::string::npos)
      << r.error().detail;
}

}  // namespace
}  // namespace tilti::exchange
