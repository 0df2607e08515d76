#include "directory/holidays.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace tilti::directory {
namespace {

using std::chrono::sys_days;

using std::chrono::year_month_day;

year_month_day D(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

std::optional<std::string> KeyOn(year_month_day date) {
  auto h = LatvianHolidayOn(date);
  if (!h) return std::nullopt;
  return h->name_key;
}

TEST(HolidayEaster, KnownYears) {
  EXPECT_EQ(WesternEaster(2024), D(2024, 3, 31));
  EXPECT_EQ(WesternEaster(2025), D(2025, 4, 20));
  EXPECT_EQ(WesternEaster(2026), D(2026, 4, 5));
  EXPECT_EQ(WesternEaster(2027), D(2027, 3, 28));
  // The extremes of the Gregorian computus.
  EXPECT_EQ(WesternEaster(2285), D(2285, 3, 22));
  EXPECT_EQ(WesternEaster(2038), D(2038, 4, 25));
  EXPECT_EQ(WesternEaster(1943), D(1943, 4, 25));
  EXPECT_EQ(WesternEaster(2000), D(2000, 4, 23));
}

TEST(HolidayEaster, MovableFeastsFollowEaster2026) {
  EXPECT_EQ(KeyOn(D(2026, 4, 3)), "holiday.good_friday");
  EXPECT_EQ(KeyOn(D(2026, 4, 5)), "holiday.easter");
  EXPECT_EQ(KeyOn(D(2026, 4, 6)), "holiday.easter_monday");
  EXPECT_EQ(KeyOn(D(2026, 5, 24)), "holiday.whitsun");
  EXPECT_FALSE(IsHoliday(D(2026, 4, 4)));   // Holy Saturday is not a holiday
  EXPECT_FALSE(IsHoliday(D(2026, 5, 25)));  // nor Whit Monday
}

TEST(HolidayCalendar, The2026ListInOrder) {
  const std::vector<Holiday> expected = {
      {D(2026, 1, 1), "holiday.new_year"},
      {D(2026, 4, 3), "holiday.good_friday"},
      {D(2026, 4, 5), "holiday.easter"},
      {D(2026, 4, 6), "holiday.easter_monday"},
      {D(2026, 5, 1), "holiday.labour_day"},
      {D(2026, 5, 4), "holiday.independence_restoration"},
      {D(2026, 5, 10), "holiday.mothers_day"},
      {D(2026, 5, 24), "holiday.whitsun"},
      {D(2026, 6, 23), "holiday.ligo"},
      {D(2026, 6, 24), "holiday.jani"},
      {D(2026, 11, 18), "holiday.proclamation"},
      {D(2026, 12, 24), "holiday.christmas_eve"},
      {D(2026, 12, 25), "holiday.christmas"},
      {D(2026, 12, 26), "holiday.second_christmas"},
      {D(2026, 12, 31), "holiday.new_years_eve"},
  };
  EXPECT_EQ(LatvianHolidays(2026), expected);
}

TEST(HolidayTransfer, FourthOfMayOnSaturdayMovesToMonday) {
  auto h = LatvianHolidayOn(D(2024, 5, 6));
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->name_key, "holiday.independence_restoration_transfer");
  EXPECT_TRUE(h->is_transfer);
  EXPECT_EQ(KeyOn(D(2024, 5, 4)), "holiday.independence_restoration");
  EXPECT_FALSE(IsHoliday(D(2024, 5, 5)));
  EXPECT_FALSE(IsHoliday(D(2024, 5, 7)));
}

TEST(HolidayTransfer, FourthOfMayOnSundayMovesToMonday) {
  EXPECT_EQ(KeyOn(D(2025, 5, 5)), "holiday.independence_restoration_transfer");
}

TEST(HolidayTransfer, FourthOfMayOnMondayHasNoTransfer) {
  auto h = LatvianHolidayOn(D(2026, 5, 4));
  ASSERT_TRUE(h.has_value());
  EXPECT_FALSE(h->is_transfer);
  EXPECT_FALSE(IsHoliday(D(2026, 5, 5)));
  EXPECT_EQ(LatvianHolidays(2026).size(), 15u);
}

TEST(HolidayTransfer, EighteenthOfNovemberOnSaturdayMovesToMonday) {
  EXPECT_EQ(KeyOn(D(2023, 11, 18)), "holiday.proclamation");
  auto h = LatvianHolidayOn(D(2023, 11, 20));
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->name_key, "holiday.proclamation_transfer");
  EXPECT_TRUE(h->is_transfer);
  EXPECT_FALSE(IsHoliday(D(2023, 11, 19)));
}

TEST(HolidayTransfer, EighteenthOfNovemberOnSundayMovesToMonday) {
  EXPECT_EQ(KeyOn(D(2029, 11, 19)), "holiday.proclamation_transfer");
  EXPECT_FALSE(IsHoliday(D(2029, 11, 20)));
}

TEST(HolidayCalendar, MothersDayIsTheSecondSundayOfMay) {
  EXPECT_EQ(KeyOn(D(2026, 5, 10)), "holiday.mothers_day");
  EXPECT_EQ(KeyOn(D(2024, 5, 12)), "holiday.mothers_day");
  EXPECT_EQ(KeyOn(D(2027, 5, 9)), "holiday.mothers_day");
  EXPECT_FALSE(IsHoliday(D(2026, 5, 3)));  // the first Sunday
}

TEST(HolidayCalendar, OrdinaryDaysAreNotHolidays) {
  EXPECT_FALSE(IsHoliday(D(2026, 1, 2)));
  EXPECT_FALSE(IsHoliday(D(2026, 6, 22)));
  EXPECT_FALSE(IsHoliday(D(2026, 12, 27)));
  EXPECT_FALSE(IsHoliday(D(2026, 11, 17)));
}

// Only Mother's Day and Whit Sunday may share a date (both Sundays, e.g. 10 May 1913).
TEST(HolidayCalendar, EveryYearIsInDateOrderWithoutRepeats) {
  for (int year = 1900; year <= 2300; ++year) {
    const auto list = LatvianHolidays(year);
    std::set<std::chrono::sys_days> dates;
    for (const auto& h : list) {
      EXPECT_EQ(static_cast<int>(h.date.year()), year);
      dates.insert(std::chrono::sys_days{h.date});
    }
    const sys_days mothers{D(year, 5, 8)};
    const bool shared =
        sys_days{WesternEaster(year)} + std::chrono::days{49} ==
        mothers + (std::chrono::Sunday - std::chrono::weekday{mothers});
    EXPECT_EQ(dates.size() + (shared ? 1 : 0), list.size()) << year;
    EXPECT_TRUE(std::is_sorted(list.begin(), list.end(), [](const Holiday& a, const Holiday& b) {
      return a.date < b.date;
    })) << year;
    EXPECT_GE(list.size(), 15u);
    EXPECT_LE(list.size(), 17u);
    for (const auto& h : list) EXPECT_TRUE(IsHoliday(h.date)) << year;
  }
}

}  // namespace
}  // namespace tilti::directory
