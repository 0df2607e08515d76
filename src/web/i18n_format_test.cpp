#include "web/i18n_format.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <thread>
#include <vector>

namespace tilti::web::i18n {
namespace {

// ctest sets TZ=America/New_York; set it here as well so a hand run tests the same thing.
class I18nFormatter : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("TZ", "America/New_York", 1);
    tzset();
  }
};

SysTime Utc(int y, unsigned m, unsigned d, int h, int min) {
  using namespace std::chrono;
  return SysTime{sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min}};
}

// Amounts keep their cents exactly (seed 002:11's figures) and follow each language's CLDR rules.
TEST_F(I18nFormatter, EurosWithTwoDecimals) {
  EXPECT_EQ(Formatter("lv").Euros(12456230), "124\u00a0562,30\u00a0€");
  EXPECT_EQ(Formatter("en").Euros(12456230), "€124,562.30");
  EXPECT_EQ(Formatter("ru").Euros(9964984), "99\u00a0649,84\u00a0€");
  EXPECT_EQ(Formatter("uk").Euros(1245623), "12\u00a0456,23\u00a0EUR");  // CLDR uk writes the code
  EXPECT_EQ(Formatter("en").Euros(5), "€0.05");
}

TEST_F(I18nFormatter, PercentFromBasisPoints) {
  EXPECT_EQ(Formatter("en").Percent(6005), "60.05%");
  EXPECT_EQ(Formatter("en").Percent(8000), "80%");
  EXPECT_EQ(Formatter("lv").Percent(6005), "60,05%");
  EXPECT_EQ(Formatter("uk").Percent(1000), "10%");
  EXPECT_EQ(Formatter("ru").Percent(5), "0,05\u00a0%");
}

// CLDR joins the year and "г."/"р." with U+202F NARROW NO-BREAK SPACE so they never wrap apart.
TEST_F(I18nFormatter, LongDateInEachLanguage) {
  const SysTime t = Utc(2026, 3, 29, 1, 30);
  EXPECT_EQ(Formatter("lv").LongDate(t), "2026. gada 29. marts");
  EXPECT_EQ(Formatter("ru").LongDate(t), "29 марта 2026\u202fг.");
  EXPECT_EQ(Formatter("uk").LongDate(t), "29 березня 2026\u202fр.");
  EXPECT_EQ(Formatter("en").LongDate(t), "29 March 2026");
}

TEST_F(I18nFormatter, DateIsRigasDateNotTheProcessZones) {
  // 22:30Z on 28 March is already 29 March in Riga (and still the 28th in New York).
  const SysTime t = Utc(2026, 3, 28, 22, 30);
  EXPECT_EQ(Formatter("lv").LongDate(t), "2026. gada 29. marts");
  EXPECT_EQ(Formatter("en").ShortDate(t), "29/03/2026");
  EXPECT_EQ(Formatter("en").Weekday(t), "Sunday");
  EXPECT_EQ(Formatter("lv").Time(t), "00:30");
}

TEST_F(I18nFormatter, ShortDateHasAFourDigitYear) {
  const SysTime t = Utc(2026, 3, 29, 1, 30);
  EXPECT_EQ(Formatter("lv").ShortDate(t), "29.03.2026");
  EXPECT_EQ(Formatter("ru").ShortDate(t), "29.03.2026");
  EXPECT_EQ(Formatter("uk").ShortDate(t), "29.03.2026");
  EXPECT_EQ(Formatter("en").ShortDate(t), "29/03/2026");
}

TEST_F(I18nFormatter, TimeAcrossTheClockChanges) {
  const Formatter lv("lv");
  EXPECT_EQ(lv.Time(Utc(2026, 3, 29, 0, 30)), "02:30");
  EXPECT_EQ(lv.Time(Utc(2026, 3, 29, 1, 30)), "04:30");
  EXPECT_EQ(lv.Time(Utc(2026, 10, 25, 0, 30)), "03:30");  // EEST
  EXPECT_EQ(lv.Time(Utc(2026, 10, 25, 1, 30)), "03:30");  // EET
  EXPECT_EQ(lv.Time(Utc(2027, 3, 28, 0, 30)), "02:30");
  EXPECT_EQ(lv.Time(Utc(2027, 3, 28, 1, 30)), "04:30");
}

TEST_F(I18nFormatter, TimeIsTwentyFourHourInEveryLanguage) {
  const SysTime afternoon = Utc(2026, 6, 1, 11, 5);  // 14:05 in Riga
  for (const char* locale : {"lv", "ru", "uk", "en"}) {
    EXPECT_EQ(Formatter(locale).Time(afternoon), "14:05") << locale;
  }
  EXPECT_EQ(Formatter("en").Time(Utc(2026, 1, 1, 7, 0)), "09:00");
}

TEST_F(I18nFormatter, WeekdayAndMonthNames) {
  const SysTime t = Utc(2026, 3, 29, 1, 30);
  EXPECT_EQ(Formatter("lv").Weekday(t), "svētdiena");
  EXPECT_EQ(Formatter("ru").Weekday(t), "воскресенье");
  EXPECT_EQ(Formatter("uk").Weekday(t), "неділя");
  EXPECT_EQ(Formatter("en").Weekday(t), "Sunday");
  EXPECT_EQ(Formatter("lv").Month(t), "marts");
  EXPECT_EQ(Formatter("ru").Month(t), "март");
  EXPECT_EQ(Formatter("uk").Month(t), "березень");
  EXPECT_EQ(Formatter("en").Month(t), "March");
  EXPECT_EQ(Formatter("lv").MonthYear(t), "2026. g. marts");
  EXPECT_EQ(Formatter("ru").MonthYear(t), "март 2026\u202fг.");
  EXPECT_EQ(Formatter("uk").MonthYear(t), "березень 2026\u202fр.");
  EXPECT_EQ(Formatter("en").MonthYear(t), "March 2026");
}

TEST_F(I18nFormatter, NumbersUseLocaleGrouping) {
  EXPECT_EQ(Formatter("en").Number(int64_t{1234567}), "1,234,567");
  EXPECT_EQ(Formatter("lv").Number(int64_t{1234567}), "1\u00a0234\u00a0567");
  EXPECT_EQ(Formatter("ru").Number(int64_t{1234567}), "1\u00a0234\u00a0567");
  EXPECT_EQ(Formatter("uk").Number(int64_t{1234567}), "1\u00a0234\u00a0567");
  EXPECT_EQ(Formatter("lv").Number(int64_t{1234}), "1234");  // lv groups from five digits
  EXPECT_EQ(Formatter("en").Number(int64_t{-42}), "-42");
  EXPECT_EQ(Formatter("en").Number(1234.5), "1,234.5");
  EXPECT_EQ(Formatter("lv").Number(1234.5), "1234,5");
  EXPECT_EQ(Formatter("ru").Number(2.0), "2");
  EXPECT_EQ(Formatter("en").Number(3.14159, 3), "3.142");
  EXPECT_EQ(Formatter("en").Number(3.7, -1), "4");  // clamped to no decimals
}

TEST_F(I18nFormatter, KnowsItsLocaleAndSurvivesAMove) {
  Formatter moved("uk");
  Formatter f = std::move(moved);
  EXPECT_EQ(f.locale(), "uk");
  EXPECT_EQ(f.Month(Utc(2026, 3, 29, 1, 30)), "березень");
}

TEST_F(I18nFormatter, IsSafeFromManyThreads) {
  const Formatter lv("lv");
  std::vector<SysTime> times;
  std::vector<std::string> expected;
  for (int i = 0; i < 48; ++i) {
    times.push_back(Utc(2026, 10, 24, 12, 0) + std::chrono::minutes{37 * i});
    expected.push_back(lv.LongDate(times.back()) + " " + lv.Time(times.back()) + " " +
                       lv.Weekday(times.back()));
  }
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        size_t k = (static_cast<size_t>(i) * 5 + t) % times.size();
        if (lv.LongDate(times[k]) + " " + lv.Time(times[k]) + " " + lv.Weekday(times[k]) !=
            expected[k]) {
          ++mismatches;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace tilti::web::i18n
