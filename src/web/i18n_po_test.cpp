#include "web/i18n_po.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tilti::web::i18n {
namespace {

using ::testing::HasSubstr;

TEST(I18nPo, ReadsEntriesWithCommentsContextAndContinuations) {
  auto entries = ParsePo("x.po",
                         "# translator comment\n"
                         "msgid \"\"\n"
                         "msgstr \"\"\n"
                         "\"Language: lv\\n\"\n"
                         "\"X-Endonym: Latviešu\\n\"\n"
                         "\n"
                         "#. extracted\n"
                         "#: src/web/home.cpp:12\n"
                         "msgctxt \"menu\"\n"
                         "msgid \"home.title\"\n"
                         "msgstr \"\"\n"
                         "\"Sākums \"\n"
                         "\"un vēl\"\n"
                         "msgid \"next\"\n"
                         "msgstr \"x\"\n");
  ASSERT_TRUE(entries.ok()) << entries.error().detail;
  ASSERT_EQ(entries.value().size(), 3u);
  EXPECT_EQ(entries.value()[0].id, "");
  EXPECT_EQ(entries.value()[0].str, "Language: lv\nX-Endonym: Latviešu\n");
  const PoEntry& title = entries.value()[1];
  EXPECT_EQ(title.context, "menu");
  EXPECT_EQ(title.id, "home.title");
  EXPECT_EQ(title.str, "Sākums un vēl");
  EXPECT_EQ(title.id_line, 10);
  EXPECT_EQ(title.str_line, 11);
  EXPECT_EQ(entries.value()[2].id, "next");  // no blank line needed between entries
}

TEST(I18nPo, ResolvesEscapes) {
  auto entries = ParsePo("x.po", R"(msgid "k"
msgstr "a \"quote\", a \\ backslash,\na new line and\ta tab")");
  ASSERT_TRUE(entries.ok()) << entries.error().detail;
  EXPECT_EQ(entries.value()[0].str, "a \"quote\", a \\ backslash,\na new line and\ta tab");
}

TEST(I18nPo, MarksFuzzyEntriesOnly) {
  auto entries = ParsePo("x.po",
                         "#, fuzzy, c-format\n"
                         "msgid \"a\"\nmsgstr \"1\"\n\n"
                         "msgid \"b\"\nmsgstr \"2\"\n");
  ASSERT_TRUE(entries.ok()) << entries.error().detail;
  EXPECT_TRUE(entries.value()[0].fuzzy);
  EXPECT_FALSE(entries.value()[1].fuzzy);
}

TEST(I18nPo, AcceptsCrlfAndByteOrderMark) {
  auto entries = ParsePo("x.po", "\xEF\xBB\xBFmsgid \"a\"\r\nmsgstr \"b\"\r\n");
  ASSERT_TRUE(entries.ok()) << entries.error().detail;
  EXPECT_EQ(entries.value()[0].id, "a");
  EXPECT_EQ(entries.value()[0].str, "b");
}

TEST(I18nPo, IgnoresObsoleteEntries) {
  auto entries =
      ParsePo("x.po", "#~ msgid \"old\"\n#~ msgstr \"vecs\"\nmsgid \"a\"\nmsgstr \"b\"\n");
  ASSERT_TRUE(entries.ok()) << entries.error().detail;
  ASSERT_EQ(entries.value().size(), 1u);
}

TEST(I18nPo, UnterminatedStringNamesItsLine) {
  auto entries = ParsePo("locales/ru.po", "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\nmsgstr \"d\"\n");
  ASSERT_FALSE(entries.ok());
  EXPECT_EQ(entries.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(entries.error().detail, HasSubstr("locales/ru.po:4: unterminated string"));
}

TEST(I18nPo, RejectsMalformedInputWithLineNumbers) {
  struct Case {
    const char* po;
    const char* expected;
  };
  const Case cases[] = {
      {"msgid \"a\"\nmsgstr \"\\q\"\n", "x.po:2: unknown escape \\q"},
      {"msgid \"a\"\nmsgstr \"b\" c\n", "x.po:2: text after the closing quote"},
      {"\"orphan\"\n", "x.po:1: a string continuation"},
      {"msgstr \"b\"\n", "x.po:1: msgstr without msgid"},
      {"msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", "x.po:1: msgid without msgstr"},
      {"msgid \"a\"\nmsgstr \"b\"\nmsgid \"c\"\n", "x.po:3: msgid without msgstr"},
      {"msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\n", "x.po:2: gettext plural forms"},
      {"msgid a\nmsgstr \"b\"\n", "x.po:1: expected a quoted string"},
      {"msgid \"a\"\nmsgstr \"b\"\nhello\n", "x.po:3: unexpected text"},
      {"msgctxt \"c\"\n\n", "x.po:2: msgctxt without msgid"},
  };
  for (const Case& c : cases) {
    auto entries = ParsePo("x.po", c.po);
    ASSERT_FALSE(entries.ok()) << c.po;
    EXPECT_THAT(entries.error().detail, HasSubstr(c.expected)) << c.po;
  }
}

TEST(I18nPo, EmptyFileHasNoEntries) {
  auto entries = ParsePo("x.po", "");
  ASSERT_TRUE(entries.ok());
  EXPECT_TRUE(entries.value().empty());
}

}  // namespace
}  // namespace tilti::web::i18n
