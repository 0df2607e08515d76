#include "web/i18n_collate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace tilti::web::i18n {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Sorted(const Collator& c, std::vector<std::string> words) {
  std::sort(words.begin(), words.end(),
            [&](const std::string& a, const std::string& b) { return c.Less(a, b); });
  return words;
}

TEST(I18nCollator, LatvianPlaceNames) {
  const Collator lv("lv");
  EXPECT_THAT(Sorted(lv, {"Čiekurkalns", "Cēsis", "Dobele", "Ādaži", "Zilupe", "Ēdole"}),
              ElementsAre("Ādaži", "Cēsis", "Čiekurkalns", "Dobele", "Ēdole", "Zilupe"));
  // Long vowels sort with their short ones; č after every c; ž after z.
  EXPECT_THAT(Sorted(lv, {"Balvi", "Ādaži", "Alūksne", "Abava", "Čaka", "Cibla", "Cēsis", "Engure",
                          "Ēdole", "Žagari", "Zilupe"}),
              ElementsAre("Abava", "Ādaži", "Alūksne", "Balvi", "Cēsis", "Cibla", "Čaka", "Ēdole",
                          "Engure", "Zilupe", "Žagari"));
}

TEST(I18nCollator, LatvianTailoringDiffersFromEnglish) {
  EXPECT_TRUE(Collator("lv").Less("Cibla", "Čaka"));
  EXPECT_TRUE(Collator("en").Less("Čaka", "Cibla"));  // č is only an accented c in English
}

TEST(I18nCollator, AccentsAndCaseBreakTiesOnly) {
  const Collator lv("lv");
  EXPECT_TRUE(lv.Less("Adaži", "Ādaži"));
  EXPECT_TRUE(lv.Less("ādaži", "Ādaži"));
  EXPECT_EQ(lv.Compare("Rīga", "Rīga"), 0);
  EXPECT_GT(lv.Compare("Rīga", "Rēzekne"), 0);
  EXPECT_GT(lv.Compare("Valmiera", "Rīga"), 0);
}

TEST(I18nCollator, CyrillicSortsInRussianAndUkrainian) {
  EXPECT_THAT(Sorted(Collator("ru"), {"Юрмала", "Рига", "Ёлка", "Даугавпилс", "Елгава"}),
              ElementsAre("Даугавпилс", "Елгава", "Ёлка", "Рига", "Юрмала"));
  // Ukrainian: і and ї follow и; ґ follows г.
  EXPECT_THAT(Sorted(Collator("uk"), {"їжак", "іній", "ґанок", "гора", "ирій"}),
              ElementsAre("гора", "ґанок", "ирій", "іній", "їжак"));
}

TEST(I18nCollator, SortKeysOrderLikeLess) {
  const Collator lv("lv");
  const std::vector<std::string> words = {"Čiekurkalns", "Cēsis", "Dobele", "Ādaži", "Zilupe",
                                          "Ēdole",       "Adaži", "ādaži",  "",      "Rīga"};
  for (const auto& a : words) {
    for (const auto& b : words) {
      EXPECT_EQ(lv.SortKey(a) < lv.SortKey(b), lv.Less(a, b)) << a << " vs " << b;
    }
  }
  EXPECT_EQ(lv.SortKey("Rīga"), lv.SortKey("Rīga"));
  EXPECT_EQ(lv.SortKey("Rīga").find('\0'), std::string::npos);
  std::string long_word(500, 'z');
  EXPECT_TRUE(lv.SortKey("a") < lv.SortKey(long_word));
}

TEST(I18nCollator, IsSafeFromManyThreads) {
  const Collator lv("lv");
  const std::vector<std::string> words = {"Čiekurkalns", "Cēsis",  "Dobele",
                                          "Ādaži",       "Zilupe", "Ēdole"};
  const std::vector<std::string> expected = Sorted(lv, words);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (Sorted(lv, words) != expected) ++mismatches;
        if (lv.SortKey(words[i % words.size()]).empty()) ++mismatches;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace tilti::web::i18n
