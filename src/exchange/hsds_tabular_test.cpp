#include "exchange/hsds_tabular.h"

#include <gtest/gtest.h>

#include <map>

namespace tilti::exchange {
namespace {

TableSet OneOrganization(Value description, Value alternate_name) {
  Table t;
  t.name = "organization";
  t.columns = {{"id", ColumnType::kText, true, 1},
               {"name", ColumnType::kText, true, 0},
               {"alternate_name", ColumnType::kText, false, 0},
               {"description", ColumnType::kText, true, 0},
               {"year_incorporated", ColumnType::kInteger, false, 0},
               {"slug", ColumnType::kText, false, 0}};
  t.rows.push_back(TableRow{{std::string("o1"), std::string("A \"quoted\", name\r\nline 2"),
                             std::move(alternate_name), std::move(description), int64_t{1920},
                             std::string("a")},
                            ""});
  Table l;
  l.name = "location";
  l.columns = {{"id", ColumnType::kText, true, 1}, {"latitude", ColumnType::kReal, false, 0}};
  l.rows.push_back(TableRow{{std::string("l1"), 0.1 + 0.2}, ""});
  TableSet s;
  s.tables = {std::move(t), std::move(l)};
  return s;
}

std::map<std::string, std::string> Files(const TableSet& s) {
  std::map<std::string, std::string> out;
  for (auto& f : RenderTabularPackage(s)) out[f.name] = f.bytes;
  return out;
}

TEST(HsdsTabular, WritesHsdsColumnsThenExtensionsQuotingAsRfc4180) {
  auto files = Files(OneOrganization(std::string(""), std::monostate{}));
  EXPECT_EQ(files.at("organizations.csv"),
            "id,name,alternate_name,description,email,website,tax_status,tax_id,"
            "year_incorporated,legal_status,logo,uri,parent_organization_id,slug\r\n"
            "o1,\"A \"\"quoted\"\", name\r\nline 2\",,,,,,,1920,,,,,a\r\n");
  EXPECT_NE(files.at("locations.csv").find("\r\nl1,,,,,,,,0.30000000000000004,"),
            std::string::npos);
  EXPECT_EQ(files.at("funding.csv"), "id,organization_id,service_id,source\r\n");
  EXPECT_NE(files.at("datapackage.json").find("\"name\": \"slug\""), std::string::npos);
}

TEST(HsdsTabular, ReadsBackTextCellsWithEmptyAsNull) {
  auto files = Files(OneOrganization(std::string(""), std::monostate{}));
  auto read = ParseTabularPackage([&](const std::string& n) -> std::optional<std::string> {
    if (!files.count(n)) return std::nullopt;
    return files.at(n);
  });
  ASSERT_TRUE(read.ok()) << read.error().detail;
  const Table* t = read.value().Find("organization");
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(t->text_cells);
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].origin, "organizations.csv:2");
  EXPECT_EQ(std::get<std::string>(t->rows[0].values[1]), "A \"quoted\", name\r\nline 2");
  EXPECT_EQ(t->rows[0].values[3].index(), 0u);  // "" and NULL are both empty in CSV
  EXPECT_EQ(std::get<std::string>(t->rows[0].values[t->ColumnIndex("slug")]), "a");
  EXPECT_EQ(read.value().Find("funding")->rows.size(), 0u);
}

TEST(HsdsTabular, RefusesPathsOutsideThePackage) {
  auto read = ParseTabularPackage([](const std::string& n) -> std::optional<std::string> {
    if (n == "datapackage.json")
      return std::string(R"({"resources":[{"name":"organization","path":"../etc/passwd"}]})");
    return std::nullopt;
  });
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().detail.find("is not a plain file name"), std::string::npos);
}

}  // namespace
}  // namespace tilti::exchange
