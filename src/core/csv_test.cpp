#include "core/csv.h"

#include <gtest/gtest.h>

namespace tilti {
namespace {

TEST(Csv, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("Ogre"), "Ogre");
  EXPECT_EQ(CsvField("Rēzekne, Latgale"), "\"Rēzekne, Latgale\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(""), "");
}

TEST(Csv, NeutralisesFormulas) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvField("+1"), "'+1");
  EXPECT_EQ(CsvField("-1"), "'-1");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("\tx"), "'\tx");
  EXPECT_EQ(CsvField("a=b"), "a=b");
}

TEST(Csv, Records) {
  EXPECT_EQ(CsvRecord({"month", "people"}), "month,people\r\n");
  EXPECT_EQ(CsvRecord({"=1", "a,b"}), "'=1,\"a,b\"\r\n");
}

}  // namespace
}  // namespace tilti
