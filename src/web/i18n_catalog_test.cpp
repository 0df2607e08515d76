#include "web/i18n_catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

namespace tilti::web::i18n {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// ---------------------------------------------------------------------------------------------
// Helpers

// The shipped catalogues, read from the source tree; keeps the bytes alive for the Files.
class DiskCatalogues {
 public:
  DiskCatalogues() {
    const std::filesystem::path dir = std::filesystem::path(TILTI_SOURCE_DIR) / "web/locales";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      storage_.emplace_back("locales/" + entry.path().filename().string(), bytes.str());
    }
    for (const auto& [path, bytes] : storage_) files_.push_back({path, bytes});
  }
  const std::vector<embedded::File>& files() const { return files_; }

 private:
  std::vector<std::pair<std::string, std::string>> storage_;
  std::vector<embedded::File> files_;
};

const Messages& Shipped() {
  static const DiskCatalogues disk;
  static const Messages messages = [] {
    auto loaded = Messages::Load(disk.files());
    if (!loaded) {
      ADD_FAILURE() << loaded.error().detail;
      std::abort();
    }
    return std::move(loaded.value());
  }();
  return messages;
}

Result<Messages> LoadInline(std::vector<embedded::File> files) { return Messages::Load(files); }

// A small valid set to break one piece at a time.
constexpr std::string_view kEn = R"(msgid ""
msgstr ""
"Language: en\n"
"X-Endonym: English\n"
"X-Fallback: lv\n"

msgid "search.count"
msgstr "{count, plural, one {# result} other {# results}}"

msgid "greeting"
msgstr "Hello, {name}!"

msgid "plain"
msgstr "Opening hours"
)";

constexpr std::string_view kLv = R"(msgid ""
msgstr ""
"Language: lv\n"
"X-Endonym: Latviešu\n"
"X-Fallback: en\n"

msgid "search.count"
msgstr "{count, plural, zero {# rezultātu} one {# rezultāts} other {# rezultāti}}"

msgid "greeting"
msgstr "Sveiki, {name}!"

msgid "plain"
msgstr "Darba laiks"
)";

std::string RuWith(std::string_view messages, std::string_view fallback = "en, lv") {
  return std::string(R"(msgid ""
msgstr ""
"Language: ru\n"
"X-Endonym: Русский\n"
"X-Fallback: )") +
         std::string(fallback) +
         R"(\n"

)" + std::string(messages);
}

std::string Detail(const Result<Messages>& r) { return r.ok() ? "(loaded)" : r.error().detail; }

// ---------------------------------------------------------------------------------------------
// Golden plurals (QUALITY W9) from the shipped catalogues

struct Golden {
  int64_t count;
  const char* text;
};

void ExpectGoldens(std::string_view locale, const std::vector<Golden>& goldens) {
  for (const Golden& g : goldens) {
    EXPECT_EQ(Shipped().Tr(locale, "test.libraries_count", {{"count", g.count}}), g.text)
        << locale << " count=" << g.count;
  }
}

TEST(I18nMessages, LatvianPluralsFollowCldr) {
  ExpectGoldens("lv", {
                          {0, "0 bibliotēku"},
                          {1, "1 bibliotēka"},
                          {2, "2 bibliotēkas"},
                          {3, "3 bibliotēkas"},
                          {5, "5 bibliotēkas"},
                          {10, "10 bibliotēku"},
                          {11, "11 bibliotēku"},
                          {12, "12 bibliotēku"},
                          {15, "15 bibliotēku"},
                          {20, "20 bibliotēku"},
                          {21, "21 bibliotēka"},
                          {22, "22 bibliotēkas"},
                          {25, "25 bibliotēkas"},
                          {100, "100 bibliotēku"},
                          {101, "101 bibliotēka"},
                          {111, "111 bibliotēku"},
                      });
}

TEST(I18nMessages, RussianPluralsFollowCldr) {
  ExpectGoldens("ru", {
                          {0, "0 библиотек"},
                          {1, "1 библиотека"},
                          {2, "2 библиотеки"},
                          {3, "3 библиотеки"},
                          {5, "5 библиотек"},
                          {10, "10 библиотек"},
                          {11, "11 библиотек"},
                          {12, "12 библиотек"},
                          {15, "15 библиотек"},
                          {20, "20 библиотек"},
                          {21, "21 библиотека"},
                          {22, "22 библиотеки"},
                          {25, "25 библиотек"},
                          {100, "100 библиотек"},
                          {101, "101 библиотека"},
                          {111, "111 библиотек"},
                      });
}

TEST(I18nMessages, UkrainianPluralsFollowCldr) {
  ExpectGoldens("uk", {
                          {0, "0 бібліотек"},
                          {1, "1 бібліотека"},
                          {2, "2 бібліотеки"},
                          {3, "3 бібліотеки"},
                          {5, "5 бібліотек"},
                          {10, "10 бібліотек"},
                          {11, "11 бібліотек"},
                          {12, "12 бібліотек"},
                          {15, "15 бібліотек"},
                          {20, "20 бібліотек"},
                          {21, "21 бібліотека"},
                          {22, "22 бібліотеки"},
                          {25, "25 бібліотек"},
                          {100, "100 бібліотек"},
                          {101, "101 бібліотека"},
                          {111, "111 бібліотек"},
                      });
}

TEST(I18nMessages, EnglishPluralsFollowCldr) {
  ExpectGoldens("en", {
                          {0, "0 libraries"},
                          {1, "1 library"},
                          {2, "2 libraries"},
                          {3, "3 libraries"},
                          {5, "5 libraries"},
                          {10, "10 libraries"},
                          {11, "11 libraries"},
                          {12, "12 libraries"},
                          {15, "15 libraries"},
                          {20, "20 libraries"},
                          {21, "21 libraries"},
                          {22, "22 libraries"},
                          {25, "25 libraries"},
                          {100, "100 libraries"},
                          {101, "101 libraries"},
                          {111, "111 libraries"},
                      });
}

TEST(I18nMessages, FractionsUseTheOtherCategory) {
  EXPECT_EQ(Shipped().Tr("ru", "test.libraries_count", {{"count", 1.5}}), "1,5 библиотеки");
  EXPECT_EQ(Shipped().Tr("uk", "test.libraries_count", {{"count", 1.5}}), "1,5 бібліотеки");
}

TEST(I18nMessages, LargeCountsUseLocaleGrouping) {
  EXPECT_EQ(Shipped().Tr("en", "test.libraries_count", {{"count", 12345}}), "12,345 libraries");
  EXPECT_EQ(Shipped().Tr("ru", "test.libraries_count", {{"count", 12345}}),
            "12\u00a0345 библиотек");
}

TEST(I18nMessages, GreetsByNameInEveryLanguage) {
  EXPECT_EQ(Shipped().Tr("en", "test.greeting", {{"name", "Anna"}}), "Hello, Anna!");
  EXPECT_EQ(Shipped().Tr("lv", "test.greeting", {{"name", "Anna"}}), "Sveiki, Anna!");
  EXPECT_EQ(Shipped().Tr("ru", "test.greeting", {{"name", "Анна"}}), "Здравствуйте, Анна!");
  EXPECT_EQ(Shipped().Tr("uk", "test.greeting", {{"name", "Ганна"}}), "Вітаємо, Ганна!");
}

TEST(I18nMessages, ShippedCataloguesAreComplete) {
  for (const LocaleInfo& locale : Shipped().Locales()) {
    EXPECT_THAT(Shipped().MissingKeys(locale.code), IsEmpty()) << locale.code;
  }
}

TEST(I18nMessages, ListsLocalesInDisplayOrderWithTheirHeaders) {
  const auto& locales = Shipped().Locales();
  ASSERT_EQ(locales.size(), 4u);
  EXPECT_EQ(locales[0].code, "lv");
  EXPECT_EQ(locales[0].endonym, "Latviešu");
  EXPECT_THAT(locales[0].fallbacks, ElementsAre("en"));
  EXPECT_EQ(locales[1].code, "ru");
  EXPECT_EQ(locales[1].endonym, "Русский");
  EXPECT_THAT(locales[1].fallbacks, ElementsAre("en", "lv"));
  EXPECT_EQ(locales[2].code, "uk");
  EXPECT_EQ(locales[2].endonym, "Українська");
  EXPECT_THAT(locales[2].fallbacks, ElementsAre("en", "lv"));
  EXPECT_EQ(locales[3].code, "en");
  EXPECT_EQ(locales[3].endonym, "English");
  EXPECT_THAT(locales[3].fallbacks, ElementsAre("lv"));
  for (const auto& l : locales) EXPECT_EQ(l.dir, "ltr") << l.code;

  EXPECT_TRUE(Shipped().Has("uk"));
  EXPECT_FALSE(Shipped().Has("de"));
  ASSERT_NE(Shipped().Find("ru"), nullptr);
  EXPECT_EQ(Shipped().Find("ru")->endonym, "Русский");
  EXPECT_EQ(Shipped().Find("de"), nullptr);
}

TEST(I18nMessages, OtherLocalesSortAlphabeticallyAfterTheFixedOnes) {
  constexpr std::string_view kDe = R"(msgid ""
msgstr "X-Endonym: Deutsch\nX-Fallback: en\n"
)";
  constexpr std::string_view kAr = R"(msgid ""
msgstr "X-Endonym: العربية\nX-Direction: rtl\n"
)";
  auto m = LoadInline({{"de.po", kDe}, {"en.po", kEn}, {"ar.po", kAr}, {"lv.po", kLv}});
  ASSERT_TRUE(m.ok()) << Detail(m);
  std::vector<std::string> codes;
  for (const auto& l : m.value().Locales()) codes.push_back(l.code);
  EXPECT_THAT(codes, ElementsAre("lv", "en", "ar", "de"));
  EXPECT_EQ(m.value().Find("ar")->dir, "rtl");
}

// ---------------------------------------------------------------------------------------------
// Lookup and fallback

TEST(I18nMessages, MissingKeyFallsBackToEnglishAndIsReported) {
  auto m = LoadInline(
      {{"locales/en.po", kEn}, {"locales/lv.po", kLv}, {"locales/ru.po", RuWith(R"(msgid "plain"
msgstr "Часы работы"
)")}});
  ASSERT_TRUE(m.ok()) << Detail(m);
  EXPECT_EQ(m.value().Tr("ru", "plain"), "Часы работы");
  EXPECT_EQ(m.value().Tr("ru", "greeting", {{"name", "Anna"}}), "Hello, Anna!");
  EXPECT_EQ(m.value().SourceLocale("ru", "greeting"), "en");
  EXPECT_EQ(m.value().SourceLocale("ru", "plain"), "ru");
  EXPECT_THAT(m.value().MissingKeys("ru"), ElementsAre("greeting", "search.count"));
  EXPECT_THAT(m.value().MissingKeys("lv"), IsEmpty());
  EXPECT_THAT(m.value().MissingKeys("en"), IsEmpty());
  EXPECT_THAT(m.value().MissingKeys("xx"), IsEmpty());
  const auto all = m.value().MissingKeys();
  ASSERT_EQ(all.size(), 1u);  // only locales that lack something
  EXPECT_THAT(all.at("ru"), ElementsAre("greeting", "search.count"));
}

TEST(I18nMessages, ListsKeysAndWhichTakeArguments) {
  auto m = LoadInline({{"en.po", kEn}, {"lv.po", kLv}});
  ASSERT_TRUE(m.ok()) << Detail(m);
  EXPECT_THAT(m.value().Keys(), ElementsAre("greeting", "plain", "search.count"));
  EXPECT_TRUE(m.value().HasKey("plain"));
  EXPECT_FALSE(m.value().HasKey("no.such.key"));
  EXPECT_FALSE(m.value().HasKey("lv"));  // HasKey() is about messages, Has() about locales
  EXPECT_TRUE(m.value().Has("lv"));
  EXPECT_FALSE(m.value().Has("plain"));
  EXPECT_TRUE(m.value().TakesArguments("greeting"));
  EXPECT_TRUE(m.value().TakesArguments("search.count"));
  EXPECT_FALSE(m.value().TakesArguments("plain"));
  EXPECT_FALSE(m.value().TakesArguments("no.such.key"));
}

TEST(I18nMessages, EmptyAndFuzzyTranslationsCountAsMissing) {
  auto m = LoadInline({{"en.po", kEn}, {"lv.po", kLv}, {"ru.po", RuWith(R"(msgid "plain"
msgstr ""

#, fuzzy
msgid "greeting"
msgstr "Привет, {name}!"
)")}});
  ASSERT_TRUE(m.ok()) << Detail(m);
  EXPECT_EQ(m.value().Tr("ru", "plain"), "Opening hours");
  EXPECT_EQ(m.value().Tr("ru", "greeting", {{"name", "Anna"}}), "Hello, Anna!");
  EXPECT_THAT(m.value().MissingKeys("ru"), ElementsAre("greeting", "plain", "search.count"));
}

TEST(I18nMessages, UnknownLocaleUsesEnglish) {
  EXPECT_EQ(Shipped().Tr("de", "test.greeting", {{"name", "Anna"}}), "Hello, Anna!");
  EXPECT_EQ(Shipped().Tr("", "test.libraries_count", {{"count", 1}}), "1 library");
  EXPECT_EQ(Shipped().SourceLocale("de", "test.greeting"), "en");
}

TEST(I18nMessages, UnknownKeyReturnsTheKey) {
  EXPECT_EQ(Shipped().Tr("lv", "no.such.key"), "no.such.key");
  EXPECT_EQ(Shipped().Tr("xx", "no.such.key"), "no.such.key");
}

TEST(I18nMessages, MissingArgumentIsShownAndExtraArgumentsIgnored) {
  EXPECT_EQ(Shipped().Tr("en", "test.greeting"), "Hello, {name}!");
  EXPECT_EQ(Shipped().Tr("en", "test.greeting", {{"name", "Anna"}, {"unused", 3}}), "Hello, Anna!");
}

TEST(I18nMessages, WrongArgumentTypeYieldsTheKey) {
  EXPECT_EQ(Shipped().Tr("en", "test.libraries_count", {{"count", "many"}}),
            "test.libraries_count");
}

TEST(I18nMessages, ArgumentsAcceptAnyIntegerTypeAndStrings) {
  size_t n = 2;
  std::string name = "Jānis";
  std::string_view view = name;
  EXPECT_EQ(Shipped().Tr("lv", "test.libraries_count", {{"count", n}}), "2 bibliotēkas");
  EXPECT_EQ(Shipped().Tr("lv", "test.libraries_count", {{"count", short{21}}}), "21 bibliotēka");
  EXPECT_EQ(Shipped().Tr("lv", "test.greeting", {{"name", name}}), "Sveiki, Jānis!");
  EXPECT_EQ(Shipped().Tr("lv", "test.greeting", {{"name", view}}), "Sveiki, Jānis!");
}

TEST(I18nMessages, PlainTextIsReturnedExactlyAsIcuWouldRenderIt) {
  constexpr std::string_view kQuotes = R"(msgid ""
msgstr "X-Endonym: English\n"

msgid "a"
msgstr "It's open"

msgid "b"
msgstr "Say ''hi'' } there"

msgid "c"
msgstr "Literal '{braces}'"
)";
  auto m = LoadInline({{"en.po", kQuotes}});
  ASSERT_TRUE(m.ok()) << Detail(m);
  EXPECT_EQ(m.value().Tr("en", "a"), "It's open");
  EXPECT_EQ(m.value().Tr("en", "b"), "Say 'hi' } there");
  EXPECT_EQ(m.value().Tr("en", "c"), "Literal {braces}");
}

TEST(I18nMessages, IgnoresMsgctxtPluralFormsAndNonPoFiles) {
  constexpr std::string_view kEnCtx = R"(msgid ""
msgstr ""
"X-Endonym: English\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgctxt "button"
msgid "save"
msgstr "Save"
)";
  auto m = LoadInline({{"locales/en.po", kEnCtx}, {"locales/README.md", "# not a catalogue"}});
  ASSERT_TRUE(m.ok()) << Detail(m);
  EXPECT_EQ(m.value().Tr("en", "save"), "Save");
  EXPECT_EQ(m.value().Locales().size(), 1u);
}

// ---------------------------------------------------------------------------------------------
// Load() errors

TEST(I18nMessagesLoad, UnterminatedQuoteNamesFileAndLine) {
  auto m = LoadInline(
      {{"locales/en.po", kEn}, {"locales/lv.po", kLv}, {"locales/ru.po", RuWith(R"(msgid "plain"
msgstr "Часы работы
)")}});
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, ErrorCode::kInvalidInput);
  // Header is lines 1–5, a blank line 6, msgid at 7, the broken msgstr at 8.
  EXPECT_THAT(m.error().detail, HasSubstr("locales/ru.po:8:"));
  EXPECT_THAT(m.error().detail, HasSubstr("unterminated string"));
}

TEST(I18nMessagesLoad, BadMessageFormatNamesFileLineAndKey) {
  auto m = LoadInline(
      {{"locales/en.po", kEn}, {"locales/lv.po", kLv}, {"locales/ru.po", RuWith(R"(msgid "plain"
msgstr "Часы работы"

msgid "search.count"
msgstr "{count, plural, one {# результат} few {# результата} many {# результатов} other {# результата}"
)")}});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.error().detail,
              HasSubstr("locales/ru.po:11: unbalanced brace in \"search.count\""));
}

TEST(I18nMessagesLoad, UkrainianFallingBackToRussianIsRejected) {
  constexpr std::string_view kUk = R"(msgid ""
msgstr ""
"Language: uk\n"
"X-Endonym: Українська\n"
"X-Fallback: ru, en\n"
)";
  auto m = LoadInline({{"locales/en.po", kEn},
                       {"locales/lv.po", kLv},
                       {"locales/ru.po", RuWith("")},
                       {"locales/uk.po", kUk}});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.error().detail, HasSubstr("locales/uk.po:2:"));
  EXPECT_THAT(m.error().detail, HasSubstr("Ukrainian must never fall back to Russian"));
}

TEST(I18nMessagesLoad, UkrainianReachingRussianThroughAnotherLanguageIsRejected) {
  constexpr std::string_view kUk = R"(msgid ""
msgstr "X-Endonym: Українська\nX-Fallback: lv\n"
)";
  constexpr std::string_view kLvToRu = R"(msgid ""
msgstr "X-Endonym: Latviešu\nX-Fallback: ru\n"
)";
  auto m = LoadInline({{"en.po", kEn}, {"lv.po", kLvToRu}, {"ru.po", RuWith("")}, {"uk.po", kUk}});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.error().detail, HasSubstr("uk → lv → ru"));
}

TEST(I18nMessagesLoad, ArgumentNamesMustMatchEnglish) {
  auto m = LoadInline({{"en.po", kEn}, {"lv.po", kLv}, {"ru.po", RuWith(R"(msgid "greeting"
msgstr "Здравствуйте, {nmae}!"
)")}});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.error().detail,
              HasSubstr("ru.po:8: arguments of \"greeting\" are {nmae} but en has {name}"));
}

TEST(I18nMessagesLoad, PluralsMustListExactlyTheLanguagesCategories) {
  auto missing_many =
      LoadInline({{"en.po", kEn}, {"lv.po", kLv}, {"ru.po", RuWith(R"(msgid "search.count"
msgstr "{count, plural, one {# результат} few {# результата} other {# результатов}}"
)")}});
  ASSERT_FALSE(missing_many.ok());
  EXPECT_THAT(missing_many.error().detail, HasSubstr("missing plural category \"many\""));

  constexpr std::string_view kLvFew = R"(msgid ""
msgstr "X-Endonym: Latviešu\n"

msgid "search.count"
msgstr "{count, plural, zero {a} one {b} few {c} other {d}}"
)";
  auto unknown_few = LoadInline({{"en.po", kEn}, {"lv.po", kLvFew}});
  ASSERT_FALSE(unknown_few.ok());
  EXPECT_THAT(unknown_few.error().detail,
              HasSubstr("lv.po:5: plural category \"few\" does not exist in lv"));
}

TEST(I18nMessagesLoad, ExplicitValueCasesAreAllowed) {
  constexpr std::string_view kEnExact = R"(msgid ""
msgstr "X-Endonym: English\n"

msgid "k"
msgstr "{n, plural, =0 {No results} one {# result} other {# results}}"
)";
  auto m = LoadInline({{"en.po", kEnExact}});
  ASSERT_TRUE(m.ok()) << Detail(m);
  EXPECT_EQ(m.value().Tr("en", "k", {{"n", 0}}), "No results");
  EXPECT_EQ(m.value().Tr("en", "k", {{"n", 1}}), "1 result");
}

TEST(I18nMessagesLoad, RejectsDateNumberedAndChoiceArguments) {
  const std::pair<const char*, const char*> cases[] = {
      {"{when, date, long}", "argument type \"date\" is not allowed"},
      {"{0} items", "numbered argument {0}"},
      {"{n, choice, 0#none|1#one}", "choice arguments are not allowed"},
  };
  for (const auto& [text, expected] : cases) {
    std::string en = "msgid \"\"\nmsgstr \"X-Endonym: English\\n\"\n\nmsgid \"k\"\nmsgstr \"" +
                     std::string(text) + "\"\n";
    auto m = LoadInline({{"en.po", en}});
    ASSERT_FALSE(m.ok()) << text;
    EXPECT_THAT(m.error().detail, HasSubstr(expected)) << text;
    EXPECT_THAT(m.error().detail, HasSubstr("en.po:5:")) << text;
  }
}

TEST(I18nMessagesLoad, EnglishIsRequired) {
  auto m = LoadInline({{"locales/lv.po", kLv}});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.error().detail, HasSubstr("no en.po"));
}

TEST(I18nMessagesLoad, KeysMustExistInEnglish) {
  auto m = LoadInline({{"en.po", kEn}, {"lv.po", kLv}, {"ru.po", RuWith(R"(msgid "plian"
msgstr "Часы работы"
)")}});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.error().detail, HasSubstr("ru.po:8: key \"plian\" is not in en.po"));
}

TEST(I18nMessagesLoad, RejectsDuplicateAndMalformedKeys) {
  auto m = LoadInline({{"en.po", std::string(kEn) + R"(
msgid "plain"
msgstr "Again"

msgid "Opening hours"
msgstr "Opening hours"
)"}});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.error().detail, HasSubstr("en.po:16: duplicate key \"plain\" (first at line 13)"));
  EXPECT_THAT(m.error().detail, HasSubstr("en.po:19: key \"Opening hours\" must be made of"));
}

TEST(I18nMessagesLoad, ChecksTheHeader) {
  const std::pair<const char*, const char*> cases[] = {
      {"Language: lv\\n", "header lacks X-Endonym"},
      {"Language: ru\\nX-Endonym: Latviešu\\n", "Language \"ru\" does not match the file name"},
      {"X-Endonym: Latviešu\\nX-Direction: up\\n", "X-Direction must be ltr or rtl"},
      {"X-Endonym: Latviešu\\nX-Fallback: de\\n",
       "X-Fallback names \"de\", which has no catalogue"},
      {"X-Endonym: Latviešu\\nX-Fallback: lv\\n", "X-Fallback entry \"lv\" is malformed"},
      {"X-Endonym: Latviešu\\nContent-Type: text/plain; charset=ISO-8859-13\\n",
       "charset must be UTF-8"},
  };
  for (const auto& [header, expected] : cases) {
    std::string lv = "msgid \"\"\nmsgstr \"" + std::string(header) + "\"\n";
    auto m = LoadInline({{"en.po", kEn}, {"locales/lv.po", lv}});
    ASSERT_FALSE(m.ok()) << header;
    EXPECT_THAT(m.error().detail, HasSubstr("locales/lv.po:2: " + std::string(expected))) << header;
  }
  auto no_header = LoadInline({{"en.po", kEn}, {"lv.po", "msgid \"plain\"\nmsgstr \"x\"\n"}});
  ASSERT_FALSE(no_header.ok());
  EXPECT_THAT(no_header.error().detail, HasSubstr("lv.po:1: no header entry"));
}

TEST(I18nMessagesLoad, RejectsBadFileNamesAndInvalidUtf8) {
  auto bad_name = LoadInline({{"en.po", kEn}, {"Latvian.po", kLv}});
  ASSERT_FALSE(bad_name.ok());
  EXPECT_THAT(bad_name.error().detail, HasSubstr("is not a locale code"));

  auto bad_bytes = LoadInline({{"en.po", kEn}, {"lv.po", "msgid \"\"\nmsgstr \"\xC4\"\n"}});
  ASSERT_FALSE(bad_bytes.ok());
  EXPECT_THAT(bad_bytes.error().detail, HasSubstr("lv.po:2: not valid UTF-8"));
}

TEST(I18nMessagesLoad, ReferenceMayNotBeEmptyOrFuzzy) {
  auto m = LoadInline({{"en.po", std::string(kEn) + R"(
msgid "todo"
msgstr ""
)"}});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.error().detail, HasSubstr("empty message \"todo\" in the reference catalogue"));
}

TEST(I18nMessagesLoad, ReportsEveryProblemAtOnce) {
  auto m = LoadInline({{"en.po", kEn},
                       {"lv.po", "msgid \"\"\nmsgstr \"X-Endonym: L\\n\"\nmsgid \"plain\n"},
                       {"ru.po", RuWith("msgid \"plain\"\nmsgstr \"{oops\"\n")}});
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.error().detail, HasSubstr("lv.po:3: unterminated string"));
  EXPECT_THAT(m.error().detail, HasSubstr("ru.po:8: unbalanced brace in \"plain\""));
}

// ---------------------------------------------------------------------------------------------
// Concurrency

TEST(I18nMessages, TrIsSafeFromManyThreads) {
  const Messages& m = Shipped();
  struct Expected {
    const char* locale;
    int64_t count;
    std::string text;
  };
  std::vector<Expected> expected;
  for (const char* locale : {"lv", "ru", "uk", "en"}) {
    for (int64_t count = 0; count < 30; ++count) {
      expected.push_back({locale, count, m.Tr(locale, "test.libraries_count", {{"count", count}})});
    }
  }
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3000; ++i) {
        const Expected& e = expected[(static_cast<size_t>(i) * 7 + t) % expected.size()];
        if (m.Tr(e.locale, "test.libraries_count", {{"count", e.count}}) != e.text) ++mismatches;
        if (m.Tr(e.locale, "test.greeting", {{"name", "X"}}).empty()) ++mismatches;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace tilti::web::i18n
