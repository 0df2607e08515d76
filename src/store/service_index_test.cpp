#include "store/service_index.h"
#include "store/text_match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>

#include "store/database.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

TEST(SearchMatchExpression, QuotesEveryFoldedWordAsARequiredPrefix) {
  EXPECT_EQ(SearchMatchExpression(Dialect::kSqlite, "Rēzekne  BIBL"), "\"rezekne\"* AND \"bibl\"*");
  EXPECT_EQ(SearchMatchExpression(Dialect::kSqlite, "Резекне"), "\"rezekne\"*");
}

TEST(SearchMatchExpression, OnPostgresIsATsqueryOfQuotedPrefixes) {
  EXPECT_EQ(SearchMatchExpression(Dialect::kPostgres, "Rēzekne  BIBL"),
            "'rezekne':* & 'bibl':*");
  // tsquery syntax in the input is plain words too.
  EXPECT_EQ(SearchMatchExpression(Dialect::kPostgres, "a' | !b & c:*"), "'a':* & 'b':* & 'c':*");
  EXPECT_EQ(QuoteTsWord("o'k\\"), "'o''k\\\\'");
  EXPECT_EQ(MatchQuery(Dialect::kPostgres, {{{"a", false}, {"b", true}}, {{"c", false}}}),
            "('a' | 'b':*) & 'c'");
  EXPECT_EQ(MatchQuery(Dialect::kSqlite, {{{"a", false}, {"b", true}}, {{"c", false}}}),
            "(\"a\" OR \"b\"*) AND \"c\"");
}

TEST(SearchMatchExpression, NoWordsMeansNoFilter) {
  EXPECT_FALSE(SearchMatchExpression(Dialect::kSqlite, "").has_value());
  EXPECT_FALSE(SearchMatchExpression(Dialect::kSqlite, "  \" * ( ) - ").has_value());
}

TEST(SearchMatchExpression, Fts5SyntaxInTheInputIsPlainWords) {
  EXPECT_EQ(SearchMatchExpression(Dialect::kSqlite, "a\" OR b*"), "\"a\"* AND \"or\"* AND \"b\"*");
  EXPECT_EQ(SearchMatchExpression(Dialect::kSqlite, "NEAR(x y) AND z:"),
            "\"near\"* AND \"x\"* AND \"y\"* AND \"and\"* AND \"z\"*");
  EXPECT_EQ(SearchMatchExpression(Dialect::kSqlite, "^col:x"), "\"col\"* AND \"x\"*");
}

TEST(SearchMatchExpression, OnlyTheFirstEightWordsCount) {
  EXPECT_EQ(SearchMatchExpression(Dialect::kSqlite, "a b c d e f g h i j"),
            "\"a\"* AND \"b\"* AND \"c\"* AND \"d\"* AND \"e\"* AND \"f\"* AND \"g\"* AND \"h\"*");
}

// A fresh demo database per test: some tests write.
class ServiceIndexTest : public ::testing::Test {
 protected:
  void SetUp() override { demo_ = std::make_unique<DemoDatabaseForTests>(); }
  Database& db() { return demo_->db(); }
  std::set<std::string> Matching(std::string_view search) {
    auto ids = ServicesMatching(*db().Read(), search);
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    return {ids.begin(), ids.end()};
  }
  int64_t Count(const std::string& sql) {
    auto c = db().Read();
    Statement st = c->Prepare(sql);
    st.Step();
    return st.Int(0);
  }
  std::unique_ptr<DemoDatabaseForTests> demo_;
};

TEST_F(ServiceIndexTest, OneRowPerServiceAndOrganizationInIdOrder) {
  EXPECT_EQ(Count("SELECT count(*) FROM service_search"), Count("SELECT count(*) FROM service"));
  EXPECT_EQ(Count("SELECT count(*) FROM organization_search"),
            Count("SELECT count(*) FROM organization"));
  // Rowid order is id order: the API pages a search by rowid.
  EXPECT_EQ(Count("SELECT count(*) FROM service_search a JOIN service_search b "
                  "ON a.rowid < b.rowid AND a.service_id >= b.service_id"),
            0);
  EXPECT_EQ(Count("SELECT count(*) FROM organization_search a JOIN organization_search b "
                  "ON a.rowid < b.rowid AND a.organization_id >= b.organization_id"),
            0);
}

TEST_F(ServiceIndexTest, FindsAServiceByItsNameInEveryLocaleAndScript) {
  const auto latvian = Matching("datori pieslēgumu");
  ASSERT_FALSE(latvian.empty());
  EXPECT_EQ(Matching("DATORI PIESLEGUMU"), latvian);
  EXPECT_EQ(Matching("Computers with internet access"), latvian);
  EXPECT_EQ(Matching("Компьютеры с подключением"), latvian);
  EXPECT_EQ(Matching("Комп’ютери з доступом"), latvian);
}

TEST_F(ServiceIndexTest, EveryWordIsARequiredPrefixOfAWord) {
  const auto computers = Matching("computers");
  ASSERT_FALSE(computers.empty());
  const auto compu = Matching("compu");
  EXPECT_EQ(compu, Matching("computer"));
  EXPECT_TRUE(std::includes(compu.begin(), compu.end(), computers.begin(), computers.end()));
  EXPECT_TRUE(Matching("computers zzzqqq").empty());
  EXPECT_TRUE(Matching("omputers").empty());  // inside a word: no longer a match
  EXPECT_EQ(Matching("").size(), static_cast<size_t>(Count("SELECT count(*) FROM service")));
}

TEST_F(ServiceIndexTest, Fts5SyntaxInTheQueryIsHarmless) {
  const auto computers = Matching("computers");
  for (const char* q : {"\"", "*", "AND", "NEAR(", "computers\"", "\"computers", "computers*",
                        "computers AND", "NEAR(computers", "computers OR", "(computers",
                        "-computers", "col:computers", "^computers", "computers)"}) {
    EXPECT_NO_THROW(Matching(q)) << q;
  }
  EXPECT_EQ(Matching("computers\""), computers);
  EXPECT_EQ(Matching("\"computers"), computers);
  EXPECT_EQ(Matching("computers*"), computers);
  EXPECT_EQ(Matching("(computers)"), computers);
}

TEST_F(ServiceIndexTest, RebuildFollowsWritesAndRefillsAnEmptyIndex) {
  const std::string org = [&] {
    auto c = db().Read();
    Statement st = c->Prepare("SELECT id FROM organization ORDER BY id LIMIT 1");
    st.Step();
    return st.Text(0);
  }();
  db().Write([&](Connection& c) {
    c.Prepare(
         "INSERT INTO service (id, organization_id, name, last_modified) VALUES "
         "('zz-test', ?1, 'Šahs', '2026-01-01T00:00:00Z')")
        .Bind(1, org)
        .Run();
    c.Exec(
        "INSERT INTO translation (entity, entity_id, field, locale, value, source, "
        "updated_at) VALUES ('service', 'zz-test', 'description', 'uk', 'Гра в шахи', "
        "'human', '2026-01-01T00:00:00Z')");
    RebuildServiceIndex(c);
  });
  EXPECT_EQ(Matching("sahs"), std::set<std::string>{"zz-test"});
  EXPECT_EQ(Matching("шахи"), std::set<std::string>{"zz-test"});

  db().Write([](Connection& c) { c.Exec("DELETE FROM service_search"); });
  EXPECT_TRUE(Matching("sahs").empty());
  EXPECT_TRUE(db().Write([](Connection& c) { return RebuildServiceIndexIfEmpty(c); }));
  EXPECT_FALSE(db().Write([](Connection& c) { return RebuildServiceIndexIfEmpty(c); }));
  EXPECT_EQ(Matching("sahs"), std::set<std::string>{"zz-test"});
}

}  // namespace
}  // namespace tilti::store
