#include "directory/csv.h"

#include <gtest/gtest.h>

namespace tilti::directory {
namespace {

std::vector<std::vector<std::string>> Fields(const std::vector<CsvRow>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rows) out.push_back(r.fields);
  return out;
}

TEST(Csv, SplitsPlainRecords) {
  auto r = ParseCsv("a,b,c\n1,2,3\n");
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(Fields(r.value()),
            (std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(r.value()[1].line, 2);
}

TEST(Csv, QuotedFieldsHoldDelimitersQuotesAndLineBreaks) {
  auto r =
      ParseCsv("name,type\n\"Ādaži, novads\",\"state \"\"city\"\"\"\n\"two\nlines\",x\nlast,y");
  ASSERT_TRUE(r.ok()) << r.error().detail;
  const auto& rows = r.value();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"Ādaži, novads", "state \"city\""}));
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"two\nlines", "x"}));
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[3].line, 5);  // the quoted line break counts
  EXPECT_EQ(rows[3].fields, (std::vector<std::string>{"last", "y"}));
}

TEST(Csv, HandlesCrlfBomBlankLinesAndEmptyFields) {
  auto r = ParseCsv("\xEF\xBB\xBFid,x\r\n\r\n1,\r\n,\r\n");
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(Fields(r.value()),
            (std::vector<std::vector<std::string>>{{"id", "x"}, {"1", ""}, {"", ""}}));
  EXPECT_EQ(r.value()[1].line, 3);
}

TEST(Csv, TabSeparatedWithoutQuoting) {
  auto r = ParseCsv("1\tVol'mar,\"Wolmar\"\t57.5\n", {.delimiter = '\t', .quoting = false});
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r.value()[0].fields, (std::vector<std::string>{"1", "Vol'mar,\"Wolmar\"", "57.5"}));
}

TEST(Csv, UnterminatedQuoteNamesTheLineWhereItOpened) {
  auto r = ParseCsv("a,b\n1,2\n3,\"open\nstill open\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(r.error().detail, "line 3: unterminated quoted field");
}

TEST(Csv, RejectsTextAfterClosingQuoteAndStrayQuotes) {
  auto after = ParseCsv("a\n\"x\"y\n");
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().detail, "line 2: unexpected character after a closing quote");
  auto stray = ParseCsv("a\nb\nx\"y\n");
  ASSERT_FALSE(stray.ok());
  EXPECT_EQ(stray.error().detail, "line 3: quote inside an unquoted field");
}

}  // namespace
}  // namespace tilti::directory
