#include "directory/holidays.h"

#include <algorithm>
#include <utility>

namespace tilti::directory {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day Date(int year, unsigned month, unsigned day) {
  return std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day};
}

// Adds `date`, and when it falls on a weekend also the following Monday as a transfer.
void AddWithWeekendTransfer(std::vector<Holiday>& out, year_month_day date, const char* key,
                            const char* transfer_key) {
  out.push_back({date, key, false});
  const sys_days d{date};
  const std::chrono::weekday wd{d};
  if (wd == std::chrono::Saturday || wd == std::chrono::Sunday) {
    const sys_days monday = d + (std::chrono::Monday - wd);
    out.push_back({year_month_day{monday}, transfer_key, true});
  }
}

}  // namespace

year_month_day WesternEaster(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher), all in non-negative integers.
  const int a = year % 19;
  const int b = year / 100, c = year % 100;
  const int d = b / 4, e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<Holiday> LatvianHolidays(int year) {
  const sys_days easter{WesternEaster(year)};
  std::vector<Holiday> out;
  out.reserve(16);
  out.push_back({Date(year, 1, 1), "holiday.new_year"});
  out.push_back({year_month_day{easter - days{2}}, "holiday.good_friday"});
  out.push_back({year_month_day{easter}, "holiday.easter"});
  out.push_back({year_month_day{easter + days{1}}, "holiday.easter_monday"});
  out.push_back({Date(year, 5, 1), "holiday.labour_day"});
  AddWithWeekendTransfer(out, Date(year, 5, 4), "holiday.independence_restoration",
                         "holiday.independence_restoration_transfer");
  // The second Sunday of May: the first Sunday on or after 8 May.
  const sys_days may8{Date(year, 5, 8)};
  out.push_back({year_month_day{may8 + (std::chrono::Sunday - std::chrono::weekday{may8})},
                 "holiday.mothers_day"});
  out.push_back({year_month_day{easter + days{49}}, "holiday.whitsun"});
  out.push_back({Date(year, 6, 23), "holiday.ligo"});
  out.push_back({Date(year, 6, 24), "holiday.jani"});
  AddWithWeekendTransfer(out, Date(year, 11, 18), "holiday.proclamation",
                         "holiday.proclamation_transfer");
  out.push_back({Date(year, 12, 24), "holiday.christmas_eve"});
  out.push_back({Date(year, 12, 25), "holiday.christmas"});
  out.push_back({Date(year, 12, 26), "holiday.second_christmas"});
  out.push_back({Date(year, 12, 31), "holiday.new_years_eve"});
  // Mother's Day (8-14 May) and Whit Sunday (10 May - 13 June) can come in either order, and
  // can even fall on the same Sunday; everything else is already in date order.
  std::stable_sort(out.begin(), out.end(),
                   [](const Holiday& a, const Holiday& b) { return sys_days{a.date} < sys_days{b.date}; });
  return out;
}

std::optional<Holiday> LatvianHolidayOn(year_month_day date) {
  for (Holiday& h : LatvianHolidays(static_cast<int>(date.year()))) {
    if (h.date == date) return std::move(h);
  }
  return std::nullopt;
}

bool IsHoliday(year_month_day date) { return LatvianHolidayOn(date).has_value(); }

}  // namespace tilti::directory
