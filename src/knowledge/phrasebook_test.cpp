#include "knowledge/phrasebook.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace tilti::knowledge {
namespace {

const std::vector<std::string> kLocales = {"lv", "ru", "uk", "en"};

std::string ReadRepoFile(const std::string& path) {
  std::ifstream in(std::string(TILTI_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The phrasebook the site ships: it parses with every locale, so every title and phrase has
// a text in each of them; ids are unique; and there are the situations of issue 8.
TEST(Phrasebook, ShippedDataHasEveryLocaleAndUniqueIds) {
  auto book = ParsePhrasebook(ReadRepoFile("web/phrasebook/phrases.json"), kLocales);
  ASSERT_TRUE(book.ok()) << book.error().detail;
  std::set<std::string> situations, phrases;
  for (const Situation& s : book.value().situations) {
    EXPECT_TRUE(situations.insert(s.id).second) << s.id;
    for (const std::string& l : kLocales) EXPECT_FALSE(s.title.at(l).empty()) << s.id << " " << l;
    for (const Phrase& p : s.phrases) {
      EXPECT_TRUE(phrases.insert(p.id).second) << p.id;
      ASSERT_EQ(p.text.size(), kLocales.size()) << p.id;
      for (const std::string& l : kLocales) {
        EXPECT_FALSE(p.text.at(l).empty()) << p.id << " " << l;
        EXPECT_LE(p.text.at(l).size(), 300u) << p.id << " " << l << ": a phrase, not a text";
      }
      // The same phrase in two languages is a copy-paste slip (the Cyrillic ones differ too).
      EXPECT_NE(p.text.at("ru"), p.text.at("uk")) << p.id;
      EXPECT_NE(p.text.at("lv"), p.text.at("en")) << p.id;
    }
  }
  for (const char* id : {"greeting", "library-card", "internet-computers", "opening-hours",
                         "events", "sensory-room", "help"}) {
    EXPECT_TRUE(situations.contains(id)) << id;
  }
  EXPECT_EQ(book.value().PhraseCount(), phrases.size());
  EXPECT_GE(phrases.size(), 30u);
}

TEST(Phrasebook, FindsPhraseAndItsSituation) {
  auto book = ParsePhrasebook(ReadRepoFile("web/phrasebook/phrases.json"), kLocales);
  ASSERT_TRUE(book.ok());
  auto [situation, phrase] = book.value().Find("card-free");
  ASSERT_NE(phrase, nullptr);
  EXPECT_EQ(situation->id, "library-card");
  EXPECT_EQ(book.value().Find("no-such-phrase").second, nullptr);
}

constexpr std::string_view kSmall = R"({"situations": [
  {"id": "greeting", "title": {"lv": "Sveiciens", "en": "Greeting"},
   "phrases": [{"id": "hello", "lv": "Labdien! Kā varu palīdzēt?", "en": "Hello! How can I help?"},
               {"id": "card", "lv": "Lasītāja karte ir bez maksas.", "en": "A library card is free."}]}]})";

TEST(Phrasebook, RefusesAMissingLocale) {
  auto book = ParsePhrasebook(kSmall, {"lv", "en", "uk"});
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(book.error().detail.find("'uk'"), std::string::npos) << book.error().detail;
}

TEST(Phrasebook, RefusesAnEmptyText) {
  std::string json(kSmall);
  json.replace(json.find("\"Hello! How can I help?\""), 24, "\"\"");
  auto book = ParsePhrasebook(json, {"lv", "en"});
  ASSERT_FALSE(book.ok());
  EXPECT_NE(book.error().detail.find("hello"), std::string::npos) << book.error().detail;
}

TEST(Phrasebook, RefusesRepeatedPhraseIds) {
  std::string json(kSmall);
  json.replace(json.find("\"card\""), 6, "\"hello\"");
  auto book = ParsePhrasebook(json, {"lv", "en"});
  ASSERT_FALSE(book.ok());
  EXPECT_NE(book.error().detail.find("twice"), std::string::npos) << book.error().detail;
}

TEST(Phrasebook, RefusesIdsThatAreNotUrlSafe) {
  std::string json(kSmall);
  json.replace(json.find("\"card\""), 6, "\"Card/1\"");
  EXPECT_FALSE(ParsePhrasebook(json, {"lv", "en"}).ok());
}

TEST(Phrasebook, RefusesBrokenJsonAndUnknownKeys) {
  EXPECT_FALSE(ParsePhrasebook("{\"situations\": [", {"lv"}).ok());
  EXPECT_FALSE(ParsePhrasebook("[]", {"lv"}).ok());
  EXPECT_FALSE(ParsePhrasebook(R"({"situations": []})", {"lv"}).ok());
  EXPECT_FALSE(ParsePhrasebook(R"({"situation": []})", {"lv"}).ok());
}

std::vector<std::string> Ids(const std::vector<PhraseHit>& hits) {
  std::vector<std::string> out;
  for (const PhraseHit& h : hits) out.push_back(h.phrase->id);
  return out;
}

TEST(PhrasebookSearch, FoldsCaseAndDiacriticsAcrossLanguages) {
  auto book = ParsePhrasebook(kSmall, {"lv", "en"});
  ASSERT_TRUE(book.ok());
  EXPECT_EQ(Ids(SearchPhrases(book.value(), "lasitaja karte")), std::vector<std::string>{"card"});
  EXPECT_EQ(Ids(SearchPhrases(book.value(), "LASĪTĀJA")), std::vector<std::string>{"card"});
  EXPECT_EQ(Ids(SearchPhrases(book.value(), "library card")), std::vector<std::string>{"card"});
  // A situation's title finds its phrases.
  EXPECT_EQ(Ids(SearchPhrases(book.value(), "sveiciens")),
            (std::vector<std::string>{"hello", "card"}));
}

TEST(PhrasebookSearch, CyrillicQueryFindsTheRussianAndUkrainianTexts) {
  auto book = ParsePhrasebook(ReadRepoFile("web/phrasebook/phrases.json"), kLocales);
  ASSERT_TRUE(book.ok());
  auto ids = Ids(SearchPhrases(book.value(), "ЧИТАТЕЛЬСКИЙ БИЛЕТ"));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "card-free"), ids.end());
  ids = Ids(SearchPhrases(book.value(), "безкоштовно"));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "internet-free"), ids.end());
}

TEST(PhrasebookSearch, NothingMatchesNonsenseOrAnEmptyQuery) {
  auto book = ParsePhrasebook(kSmall, {"lv", "en"});
  ASSERT_TRUE(book.ok());
  EXPECT_TRUE(SearchPhrases(book.value(), "zzqxj").empty());
  EXPECT_TRUE(SearchPhrases(book.value(), "").empty());
  EXPECT_TRUE(SearchPhrases(book.value(), "  !? ").empty());
  // Every word must match: one good word and one unknown is no match.
  EXPECT_TRUE(SearchPhrases(book.value(), "karte zzqxj").empty());
}

}  // namespace
}  // namespace tilti::knowledge
