#include "exchange/translation_files.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tilti::exchange {
namespace {

std::vector<TranslationUnit> Sample() {
  return {
      {"organization", "lv-riga", "name", "lv", "Rīgas bibliotēka", "", false, 0},
      {"service", "ch-osm:node/1", "description", "lv",
       "Pirmā rinda\nOtrā \"rinda\"\\ ar\ttabu\n", "Старый перевод <b>&amp;", true, 0},
      {"location", "l1", "name", "en", "Main & <Branch> 'x'", "", false, 0},
  };
}

void ExpectSameUnits(const std::vector<TranslationUnit>& a, const std::vector<TranslationUnit>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(UnitKey(a[i]), UnitKey(b[i]));
    EXPECT_EQ(a[i].source, b[i].source) << i;
    EXPECT_EQ(a[i].target, b[i].target) << i;
    EXPECT_EQ(a[i].fuzzy, b[i].fuzzy) << i;
    EXPECT_EQ(a[i].source_locale, b[i].source_locale) << i;
  }
}

TEST(TranslationFiles, PoRoundTripKeepsEscapesMultiLineAndFuzzy) {
  const std::string po = WritePo(Sample(), "ru");
  EXPECT_NE(po.find("\"Language: ru\\n\""), std::string::npos);
  EXPECT_NE(po.find("#, fuzzy\nmsgctxt \"service/ch-osm:node/1/description\""), std::string::npos);
  EXPECT_NE(po.find("msgid \"\"\n\"Pirmā rinda\\n\"\n\"Otrā \\\"rinda\\\"\\\\ ar\\ttabu\\n\"\n"),
            std::string::npos)
      << po;
  TranslationFile f = ReadPo(po);
  EXPECT_TRUE(f.problems.empty()) << f.problems[0].detail;
  EXPECT_EQ(f.target_locale, "ru");
  ExpectSameUnits(f.units, Sample());
  EXPECT_EQ(f.units[1].id, "ch-osm:node/1") << "ids may hold '/'";
  EXPECT_GT(f.units[1].line, f.units[0].line);
}

TEST(TranslationFiles, XliffRoundTripEscapesEntitiesAndGroupsBySourceLanguage) {
  const std::string x = WriteXliff(Sample(), "uk");
  EXPECT_NE(x.find("source-language=\"lv\" target-language=\"uk\""), std::string::npos);
  EXPECT_NE(x.find("source-language=\"en\""), std::string::npos);
  EXPECT_NE(x.find("Main &amp; &lt;Branch&gt; &apos;x&apos;"), std::string::npos);
  EXPECT_NE(x.find("state=\"needs-review-translation\">Старый перевод &lt;b&gt;&amp;amp;</target>"),
            std::string::npos);
  EXPECT_NE(x.find("state=\"needs-translation\"></target>"), std::string::npos);
  EXPECT_EQ(x.find("<b>"), std::string::npos);
  TranslationFile f = ReadXliff(x);
  ASSERT_TRUE(f.problems.empty()) << f.problems[0].detail;
  EXPECT_EQ(f.target_locale, "uk");
  // Written grouped by source language: lv units first, then en.
  std::vector<TranslationUnit> expected = Sample();
  ExpectSameUnits(f.units, expected);
}

TEST(TranslationFiles, XliffReadsCharacterReferencesCdataAndNeedsReviewAsFuzzy) {
  const std::string x =
      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n"
      "<xliff version='1.2'><file target-language=\"ru\" source-language=\"lv\"><body>\n"
      "<trans-unit id=\"organization/o1/name\"><source>A&#x20;&#66;</source>"
      "<target state=\"translated\"><![CDATA[<i>ok</i>]]></target></trans-unit>\n"
      "<trans-unit id=\"organization/o1/description\"><source>d</source>"
      "<target state=\"needs-review-translation\">t</target></trans-unit>\n"
      "</body></file></xliff>\n";
  TranslationFile f = ReadTranslationFile(x);
  ASSERT_TRUE(f.problems.empty()) << f.problems[0].detail;
  ASSERT_EQ(f.units.size(), 2u);
  EXPECT_EQ(f.units[0].source, "A B");
  EXPECT_EQ(f.units[0].target, "<i>ok</i>");
  EXPECT_FALSE(f.units[0].fuzzy);
  EXPECT_TRUE(f.units[1].fuzzy);
  EXPECT_EQ(f.units[1].line, 5);
}

TEST(TranslationFiles, XliffRefusesDoctypeAndUnknownEntitiesWithTheirLine) {
  TranslationFile bomb = ReadXliff(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\">]>\n<xliff version=\"1.2\"/>");
  ASSERT_EQ(bomb.problems.size(), 1u);
  EXPECT_EQ(bomb.problems[0].line, 2);
  EXPECT_EQ(bomb.problems[0].kind, FileProblemKind::kMalformed);

  TranslationFile entity = ReadXliff(
      "<xliff version=\"1.2\"><file target-language=\"ru\"><body>\n\n"
      "<trans-unit id=\"organization/o/name\"><source>&a;</source></trans-unit>"
      "</body></file></xliff>");
  ASSERT_FALSE(entity.problems.empty());
  EXPECT_EQ(entity.problems[0].line, 3);

  TranslationFile nul = ReadXliff("<xliff version=\"1.2\"><x>&#0;</x></xliff>");
  EXPECT_FALSE(nul.problems.empty());
  TranslationFile mismatch = ReadXliff("<xliff version=\"1.2\"><file></body></xliff>");
  EXPECT_FALSE(mismatch.problems.empty());
  TranslationFile truncated = ReadXliff("<xliff version=\"1.2\"><file target-language=\"ru\">");
  EXPECT_FALSE(truncated.problems.empty());
  TranslationFile markup = ReadXliff(
      "<xliff version=\"1.2\"><file target-language=\"ru\"><body><trans-unit id=\"a/b/name\">"
      "<source>x</source><target>y <g id=\"1\">z</g></target></trans-unit></body></file></xliff>");
  ASSERT_FALSE(markup.problems.empty());
  EXPECT_EQ(markup.problems[0].kind, FileProblemKind::kUnsupported);
}

TEST(TranslationFiles, XliffSurvivesDeepNestingAndGarbage) {
  std::string deep = "<xliff version=\"1.2\">";
  for (int i = 0; i < 10000; ++i) deep += "<a>";
  EXPECT_FALSE(ReadXliff(deep).problems.empty());
  EXPECT_FALSE(ReadXliff("<").problems.empty());
  EXPECT_FALSE(ReadXliff("<xliff version=\"1.2\" a=\"1\" a=\"2\">").problems.empty());
  EXPECT_FALSE(ReadXliff("<xliff version=\"1.2\"><x y=\"<\"/></xliff>").problems.empty());
  EXPECT_FALSE(ReadXliff("<xliff version=\"1.2\">&").problems.empty());
}

TEST(TranslationFiles, PoListsEveryProblemWithItsLine) {
  const std::string po =
      "msgid \"\"\nmsgstr \"Language: ru\\n\"\n"   // 1-2
      "\n"                                          // 3
      "msgctxt \"organization/o1/name\"\n"          // 4
      "msgid \"a\"\n"                               // 5
      "msgstr \"b\\q\"\n"                           // 6: bad escape
      "\n"                                          // 7
      "msgid \"no context\"\n"                      // 8: no msgctxt
      "msgstr \"x\"\n"                              // 9
      "\n"                                          // 10
      "msgctxt \"organization/o1/name\"\n"          // 11: duplicate
      "msgid \"a\"\nmsgstr \"c\"\n"                 // 12-13
      "bogus line\n"                                // 14
      "msgctxt \"onlyone\"\nmsgid \"a\"\nmsgstr \"\"\n"  // 15: key without id and field
      "msgctxt \"service/s/name\"\nmsgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"\"\n";  // 18-21
  TranslationFile f = ReadPo(po);
  std::vector<int> lines;
  for (const auto& p : f.problems) lines.push_back(p.line);
  std::vector<int> expected = {6, 8, 11, 14, 15, 18, 20, 21};
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, expected);
}

TEST(TranslationFiles, PoWithoutLanguageOrUtf8IsRefused) {
  TranslationFile none = ReadPo("msgctxt \"organization/o/name\"\nmsgid \"a\"\nmsgstr \"b\"\n");
  ASSERT_EQ(none.problems.size(), 1u);
  EXPECT_EQ(none.problems[0].kind, FileProblemKind::kNoLanguage);
  TranslationFile latin1 = ReadPo("msgid \"\"\nmsgstr \"\"\n\nmsgid \"\xE9\"\n");
  ASSERT_EQ(latin1.problems.size(), 1u);
  EXPECT_EQ(latin1.problems[0].line, 4);
  EXPECT_TRUE(ReadPo("\"\"\"\n\\\n").problems.size() > 0);
}

TEST(TranslationFiles, PoCrLfAndObsoleteEntries) {
  TranslationFile f = ReadPo(
      "msgid \"\"\r\nmsgstr \"\"\r\n\"Language: lv\\n\"\r\n\r\n#~ msgctxt \"x/y/z\"\r\n"
      "#~ msgid \"old\"\r\n\r\nmsgctxt \"service/s1/name\"\r\nmsgid \"\"\r\n\"a\\n\"\r\n\"b\"\r\n"
      "msgstr \"c\"\r\n");
  ASSERT_TRUE(f.problems.empty()) << f.problems[0].detail;
  ASSERT_EQ(f.units.size(), 1u);
  EXPECT_EQ(f.target_locale, "lv");
  EXPECT_EQ(f.units[0].source, "a\nb");
  EXPECT_EQ(f.units[0].target, "c");
  EXPECT_EQ(f.units[0].line, 8);
}

TEST(TranslationFiles, TextRules) {
  EXPECT_FALSE(CheckTranslationText("name", "Rīga — Рига"));
  EXPECT_EQ(CheckTranslationText("name", "a\nb"), TextProblem::kControlCharacter);
  EXPECT_FALSE(CheckTranslationText("description", "a\nb\tc"));
  EXPECT_EQ(CheckTranslationText("description", std::string("a\0b", 3)),
            TextProblem::kControlCharacter);
  EXPECT_EQ(CheckTranslationText("description", "a\x1b[31m"), TextProblem::kControlCharacter);
  EXPECT_EQ(CheckTranslationText("name", "\xC0\xAF"), TextProblem::kInvalidUtf8);
  std::string long_name;
  for (int i = 0; i < 300; ++i) long_name += "ā";
  EXPECT_FALSE(CheckTranslationText("name", long_name)) << "300 characters, 600 bytes";
  EXPECT_EQ(CheckTranslationText("name", long_name + "a"), TextProblem::kTooLong);
}

TEST(TranslationFiles, KeysSplitAtFirstAndLastSlash) {
  TranslationUnit u;
  EXPECT_TRUE(SplitUnitKey("service/ch-osm:node/1/name", u));
  EXPECT_EQ(u.entity, "service");
  EXPECT_EQ(u.id, "ch-osm:node/1");
  EXPECT_EQ(u.field, "name");
  EXPECT_FALSE(SplitUnitKey("service/name", u));
  EXPECT_FALSE(SplitUnitKey("/a/b", u));
  EXPECT_FALSE(SplitUnitKey("a//b", u));
  EXPECT_FALSE(SplitUnitKey("a/b/", u));
}

}  // namespace
}  // namespace tilti::exchange
