#include "core/riga_time.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace tilti {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr int64_t kSecondsPerDay = 86400;
constexpr int32_t kEet = 2 * 3600;
constexpr int32_t kEest = 3 * 3600;

// From this instant (2001-01-01T00:00Z) on, the EU rule decides; Riga kept EET all through
// 2000, so the table's last entry and the rule agree on the whole of January 2001.
constexpr int64_t kEuRuleSince = 978307200;

struct Change {
  int64_t at;      // UTC seconds since the epoch
  int32_t offset;  // seconds east of UTC from `at` on
};

// Riga mean time (+1:36:34), in force before the first change of the table.
constexpr int32_t kBeforeHistory = 5794;

// Every change of Riga's UTC offset before 2001, from the IANA time zone database 2025b
// (`zdump -v Europe/Riga`). The 1989-03-25 entry changes only the name (MSK to EEST).
constexpr Change kHistory[] = {
    {-1632008194, 9394},  // 1918-04-15 00:23:26Z LST
    {-1618702594, 5794},  // 1918-09-16 00:23:26Z RMT
    {-1601681794, 9394},  // 1919-04-01 00:23:26Z LST
    {-1597275394, 5794},  // 1919-05-22 00:23:26Z RMT
    {-1377308194, 7200},  // 1926-05-10 22:23:26Z EET
    {-928029600, 10800},  // 1940-08-04 22:00:00Z MSK
    {-899521200, 7200},   // 1941-06-30 21:00:00Z CEST
    {-857257200, 3600},   // 1942-11-02 01:00:00Z CET
    {-844556400, 7200},   // 1943-03-29 01:00:00Z CEST
    {-828226800, 3600},   // 1943-10-04 01:00:00Z CET
    {-812502000, 7200},   // 1944-04-03 01:00:00Z CEST
    {-796777200, 3600},   // 1944-10-02 01:00:00Z CET
    {-795834000, 10800},  // 1944-10-12 23:00:00Z MSK
    {354920400, 14400},   // 1981-03-31 21:00:00Z MSD
    {370728000, 10800},   // 1981-09-30 20:00:00Z MSK
    {386456400, 14400},   // 1982-03-31 21:00:00Z MSD
    {402264000, 10800},   // 1982-09-30 20:00:00Z MSK
    {417992400, 14400},   // 1983-03-31 21:00:00Z MSD
    {433800000, 10800},   // 1983-09-30 20:00:00Z MSK
    {449614800, 14400},   // 1984-03-31 21:00:00Z MSD
    {465346800, 10800},   // 1984-09-29 23:00:00Z MSK
    {481071600, 14400},   // 1985-03-30 23:00:00Z MSD
    {496796400, 10800},   // 1985-09-28 23:00:00Z MSK
    {512521200, 14400},   // 1986-03-29 23:00:00Z MSD
    {528246000, 10800},   // 1986-09-27 23:00:00Z MSK
    {543970800, 14400},   // 1987-03-28 23:00:00Z MSD
    {559695600, 10800},   // 1987-09-26 23:00:00Z MSK
    {575420400, 14400},   // 1988-03-26 23:00:00Z MSD
    {591145200, 10800},   // 1988-09-24 23:00:00Z MSK
    {606870000, 10800},   // 1989-03-25 23:00:00Z EEST
    {622598400, 7200},    // 1989-09-24 00:00:00Z EET
    {638323200, 10800},   // 1990-03-25 00:00:00Z EEST
    {654652800, 7200},    // 1990-09-30 00:00:00Z EET
    {670377600, 10800},   // 1991-03-31 00:00:00Z EEST
    {686102400, 7200},    // 1991-09-29 00:00:00Z EET
    {701827200, 10800},   // 1992-03-29 00:00:00Z EEST
    {717552000, 7200},    // 1992-09-27 00:00:00Z EET
    {733276800, 10800},   // 1993-03-28 00:00:00Z EEST
    {749001600, 7200},    // 1993-09-26 00:00:00Z EET
    {764726400, 10800},   // 1994-03-27 00:00:00Z EEST
    {780451200, 7200},    // 1994-09-25 00:00:00Z EET
    {796176000, 10800},   // 1995-03-26 00:00:00Z EEST
    {811900800, 7200},    // 1995-09-24 00:00:00Z EET
    {828230400, 10800},   // 1996-03-31 00:00:00Z EEST
    {843955200, 7200},    // 1996-09-29 00:00:00Z EET
    {859683600, 10800},   // 1997-03-30 01:00:00Z EEST
    {877827600, 7200},    // 1997-10-26 01:00:00Z EET
    {891133200, 10800},   // 1998-03-29 01:00:00Z EEST
    {909277200, 7200},    // 1998-10-25 01:00:00Z EET
    {922582800, 10800},   // 1999-03-28 01:00:00Z EEST
    {941331600, 7200},    // 1999-10-31 01:00:00Z EET
};

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// 01:00 UTC on the last Sunday of `month` in `year`, in seconds since the epoch.
int64_t LastSundayAtOneUtc(int year, unsigned month) {
  const sys_days last{std::chrono::year{year} / std::chrono::month{month} / std::chrono::last};
  const sys_days sunday = last - (std::chrono::weekday{last} - std::chrono::Sunday);
  return sunday.time_since_epoch().count() * kSecondsPerDay + 3600;
}

// The offset in force at UTC second `utc`.
int32_t OffsetAt(int64_t utc) {
  if (utc < kEuRuleSince) {
    const auto* it = std::upper_bound(std::begin(kHistory), std::end(kHistory), utc,
                                      [](int64_t t, const Change& c) { return t < c.at; });
    return it == std::begin(kHistory) ? kBeforeHistory : std::prev(it)->offset;
  }
  // The changes fall in March and October, far from New Year, so the UTC year is Riga's year.
  const year_month_day date{sys_days{days{FloorDiv(utc, kSecondsPerDay)}}};
  const int year = static_cast<int>(date.year());
  const bool summer = utc >= LastSundayAtOneUtc(year, 3) && utc < LastSundayAtOneUtc(year, 10);
  return summer ? kEest : kEet;
}

// Seconds since the epoch of local wall-clock y-m-d h:min (as if the wall clock were UTC), with
// out-of-range fields rolled over.
int64_t LocalSeconds(int year, int month, int day, int hour, int minute) {
  const int64_t months = int64_t{year} * 12 + (month - 1);
  const int64_t y = FloorDiv(months, 12);
  const auto m = static_cast<unsigned>(months - y * 12 + 1);
  const sys_days first{std::chrono::year{static_cast<int>(y)} / std::chrono::month{m} / 1};
  return (first.time_since_epoch().count() + day - 1) * kSecondsPerDay + int64_t{hour} * 3600 +
         int64_t{minute} * 60;
}

}  // namespace

CivilDateTime ToRiga(SysTime t) {
  const int64_t utc = t.time_since_epoch().count();
  const int64_t local = utc + OffsetAt(utc);
  const int64_t day = FloorDiv(local, kSecondsPerDay);
  const int64_t second_of_day = local - day * kSecondsPerDay;
  const sys_days date{days{day}};
  const year_month_day ymd{date};
  return CivilDateTime{
      .year = static_cast<int>(ymd.year()),
      .month = static_cast<int>(static_cast<unsigned>(ymd.month())),
      .day = static_cast<int>(static_cast<unsigned>(ymd.day())),
      .hour = static_cast<int>(second_of_day / 3600),
      .minute = static_cast<int>(second_of_day % 3600 / 60),
      .second = static_cast<int>(second_of_day % 60),
      .weekday = static_cast<int>(std::chrono::weekday{date}.iso_encoding()),
  };
}

SysTime FromRiga(int year, int month, int day, int hour, int minute) {
  const int64_t local = LocalSeconds(year, month, day, hour, minute);
  // Riga's offset changes at most once within a day either side of `local`, so there are at
  // most two candidate readings: with the offset before the change and with the one after.
  const int32_t before = OffsetAt(local - kSecondsPerDay);
  const int32_t after = OffsetAt(local + kSecondsPerDay);
  if (before == after) return SysTime{std::chrono::seconds{local - before}};
  const int64_t early = local - before, late = local - after;
  const bool early_exists = OffsetAt(early) == before;
  const bool late_exists = OffsetAt(late) == after;
  int64_t utc = early;  // the gap (neither exists): RFC 5545 reads it with the offset before
  if (early_exists && late_exists) {
    utc = std::min(early, late);  // the repeated hour: its first occurrence
  } else if (late_exists) {
    utc = late;
  }
  return SysTime{std::chrono::seconds{utc}};
}

SysTime FromRiga(year_month_day date, std::chrono::minutes since_midnight) {
  const auto minutes = static_cast<int>(since_midnight.count());
  return FromRiga(static_cast<int>(date.year()), static_cast<int>(unsigned{date.month()}),
                  static_cast<int>(unsigned{date.day()}), 0, minutes);
}

std::chrono::seconds RigaUtcOffset(SysTime t) {
  return std::chrono::seconds{OffsetAt(t.time_since_epoch().count())};
}

year_month_day RigaDate(SysTime t) { return DateOf(ToRiga(t)); }

year_month_day DateOf(const CivilDateTime& t) {
  return std::chrono::year{t.year} / std::chrono::month{static_cast<unsigned>(t.month)} /
         std::chrono::day{static_cast<unsigned>(t.day)};
}

int IsoWeekday(year_month_day date) {
  return static_cast<int>(std::chrono::weekday{sys_days{date}}.iso_encoding());
}

year_month_day AddDays(year_month_day date, int n) {
  return year_month_day{sys_days{date} + days{n}};
}

}  // namespace tilti
