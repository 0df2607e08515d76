#include "core/riga_time.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <ostream>

namespace tilti {

// Readable failure messages: 2026-03-30 10:00:00 (1).
static void PrintTo(const CivilDateTime& t, std::ostream* os) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d (%d)", t.year, t.month, t.day,
                t.hour, t.minute, t.second, t.weekday);
  *os << buf;
}

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// ctest runs the tests with TZ=America/New_York; set it here too so the test means the same
// when run by hand. Nothing here may depend on it.
class RigaTime : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("TZ", "America/New_York", 1);
    tzset();
  }
};

SysTime Utc(int y, unsigned m, unsigned d, int h, int min, int s = 0) {
  using namespace std::chrono;
  return SysTime{sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s}};
}

year_month_day Date(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

CivilDateTime Wall(int y, int mo, int d, int h, int mi, int s, int wd) {
  return CivilDateTime{y, mo, d, h, mi, s, wd};
}

TEST_F(RigaTime, SpringForward29March2026) {
  EXPECT_EQ(ToRiga(Utc(2026, 3, 28, 23, 59, 59)), Wall(2026, 3, 29, 1, 59, 59, 7));
  EXPECT_EQ(ToRiga(Utc(2026, 3, 29, 0, 59, 59)), Wall(2026, 3, 29, 2, 59, 59, 7));
  EXPECT_EQ(ToRiga(Utc(2026, 3, 29, 1, 0)), Wall(2026, 3, 29, 4, 0, 0, 7));
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 3, 29, 0, 59, 59)), hours{2});
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 3, 29, 1, 0)), hours{3});
}

TEST_F(RigaTime, FallBack25October2026) {
  EXPECT_EQ(ToRiga(Utc(2026, 10, 24, 23, 30)), Wall(2026, 10, 25, 2, 30, 0, 7));
  EXPECT_EQ(ToRiga(Utc(2026, 10, 25, 0, 30)), Wall(2026, 10, 25, 3, 30, 0, 7));  // EEST
  EXPECT_EQ(ToRiga(Utc(2026, 10, 25, 0, 59, 59)), Wall(2026, 10, 25, 3, 59, 59, 7));
  EXPECT_EQ(ToRiga(Utc(2026, 10, 25, 1, 0)), Wall(2026, 10, 25, 3, 0, 0, 7));  // EET: again
  EXPECT_EQ(ToRiga(Utc(2026, 10, 25, 1, 30)), Wall(2026, 10, 25, 3, 30, 0, 7));
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 10, 25, 0, 59, 59)), hours{3});
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 10, 25, 1, 0)), hours{2});
}

TEST_F(RigaTime, SpringForward28March2027) {
  EXPECT_EQ(ToRiga(Utc(2027, 3, 28, 0, 30)), Wall(2027, 3, 28, 2, 30, 0, 7));
  EXPECT_EQ(ToRiga(Utc(2027, 3, 28, 1, 30)), Wall(2027, 3, 28, 4, 30, 0, 7));
  EXPECT_EQ(FromRiga(2027, 3, 28, 3, 30), Utc(2027, 3, 28, 1, 30));
}

TEST_F(RigaTime, WinterIsTwoHoursAndSummerThree) {
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 1, 15, 12, 0)), hours{2});
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 7, 15, 12, 0)), hours{3});
  EXPECT_EQ(ToRiga(Utc(2026, 7, 1, 15, 0)), Wall(2026, 7, 1, 18, 0, 0, 3));
  EXPECT_EQ(ToRiga(Utc(2026, 12, 24, 16, 0)), Wall(2026, 12, 24, 18, 0, 0, 4));
}

TEST_F(RigaTime, ChangesOnTheLastSundaysOfMarchAndOctoberEveryYear) {
  // 2001 is the first year of the EU rule; 2000 had no summer time at all.
  EXPECT_EQ(RigaUtcOffset(Utc(2000, 7, 1, 12, 0)), hours{2});
  EXPECT_EQ(RigaUtcOffset(Utc(2001, 3, 25, 0, 59)), hours{2});
  EXPECT_EQ(RigaUtcOffset(Utc(2001, 3, 25, 1, 0)), hours{3});
  EXPECT_EQ(RigaUtcOffset(Utc(2001, 10, 28, 0, 59)), hours{3});
  EXPECT_EQ(RigaUtcOffset(Utc(2001, 10, 28, 1, 0)), hours{2});
  // 31 March and 31 October are themselves Sundays in 2024 and 2021.
  EXPECT_EQ(RigaUtcOffset(Utc(2024, 3, 31, 1, 0)), hours{3});
  EXPECT_EQ(RigaUtcOffset(Utc(2024, 3, 24, 12, 0)), hours{2});
  EXPECT_EQ(RigaUtcOffset(Utc(2021, 10, 31, 0, 59)), hours{3});
  EXPECT_EQ(RigaUtcOffset(Utc(2021, 10, 31, 1, 0)), hours{2});
  EXPECT_EQ(RigaUtcOffset(Utc(2100, 3, 28, 1, 0)), hours{3});
}

TEST_F(RigaTime, KnowsRigasHistoryBefore2001) {
  EXPECT_EQ(ToRiga(Utc(1969, 12, 31, 23, 0)), Wall(1970, 1, 1, 2, 0, 0, 4));    // Moscow time
  EXPECT_EQ(RigaUtcOffset(Utc(1985, 7, 1, 0, 0)), hours{4});                    // Moscow summer
  EXPECT_EQ(RigaUtcOffset(Utc(1943, 7, 1, 0, 0)), hours{2});                    // CEST
  EXPECT_EQ(RigaUtcOffset(Utc(1930, 7, 1, 0, 0)), hours{2});                    // EET, no DST
  EXPECT_EQ(RigaUtcOffset(Utc(1910, 1, 1, 0, 0)), std::chrono::seconds{5794});  // Riga MT
}

TEST_F(RigaTime, FromRigaReadsOrdinaryTimes) {
  EXPECT_EQ(FromRiga(2026, 3, 29, 2, 30), Utc(2026, 3, 29, 0, 30));
  EXPECT_EQ(FromRiga(2026, 3, 29, 4, 30), Utc(2026, 3, 29, 1, 30));
  EXPECT_EQ(FromRiga(2026, 10, 25, 2, 30), Utc(2026, 10, 24, 23, 30));
  EXPECT_EQ(FromRiga(2026, 10, 25, 4, 30), Utc(2026, 10, 25, 2, 30));
  EXPECT_EQ(FromRiga(2026, 3, 30, 10, 0), Utc(2026, 3, 30, 7, 0));
  EXPECT_EQ(FromRiga(2026, 12, 24, 18, 0), Utc(2026, 12, 24, 16, 0));
}

TEST_F(RigaTime, FromRigaInTheSpringGapUsesTheOffsetBeforeTheGap) {
  EXPECT_EQ(FromRiga(2026, 3, 29, 3, 0), Utc(2026, 3, 29, 1, 0));
  EXPECT_EQ(FromRiga(2026, 3, 29, 3, 30), Utc(2026, 3, 29, 1, 30));
  EXPECT_EQ(FromRiga(2026, 3, 29, 3, 59), Utc(2026, 3, 29, 1, 59));
}

TEST_F(RigaTime, FromRigaInTheRepeatedHourMeansTheFirstOccurrence) {
  EXPECT_EQ(FromRiga(2026, 10, 25, 3, 0), Utc(2026, 10, 25, 0, 0));
  EXPECT_EQ(FromRiga(2026, 10, 25, 3, 30), Utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(FromRiga(2026, 10, 25, 3, 59), Utc(2026, 10, 25, 0, 59));
}

TEST_F(RigaTime, FromRigaRollsOverOutOfRangeFields) {
  EXPECT_EQ(FromRiga(2026, 4, 31, 12, 0), FromRiga(2026, 5, 1, 12, 0));
  EXPECT_EQ(FromRiga(2026, 13, 1, 12, 0), FromRiga(2027, 1, 1, 12, 0));
  EXPECT_EQ(FromRiga(2026, 0, 1, 12, 0), FromRiga(2025, 12, 1, 12, 0));
  EXPECT_EQ(FromRiga(2026, 5, 1, 24, 0), FromRiga(2026, 5, 2, 0, 0));
}

TEST_F(RigaTime, FromRigaTakesADateAndMinutesAfterMidnight) {
  EXPECT_EQ(FromRiga(Date(2026, 3, 30), minutes{600}), Utc(2026, 3, 30, 7, 0));
  EXPECT_EQ(FromRiga(Date(2026, 3, 29), minutes{210}), Utc(2026, 3, 29, 1, 30));  // in the gap
  EXPECT_EQ(FromRiga(Date(2026, 10, 24), minutes{1440}), Utc(2026, 10, 24, 21, 0));
}

TEST_F(RigaTime, RoundTripsEveryMinuteOfTheClockChangeDays) {
  for (SysTime day : {Utc(2026, 3, 28, 12, 0), Utc(2026, 10, 24, 12, 0), Utc(2027, 3, 27, 12, 0)}) {
    for (SysTime t = day; t < day + hours{24}; t += minutes{1}) {
      CivilDateTime c = ToRiga(t);
      SysTime back = FromRiga(c.year, c.month, c.day, c.hour, c.minute);
      // Only the second pass through the repeated autumn hour maps back an hour earlier.
      if (back != t) {
        EXPECT_EQ(back, t - hours{1}) << t.time_since_epoch().count();
        EXPECT_EQ(c.hour, 3);
      }
    }
  }
}

TEST_F(RigaTime, CalendarDateIsRigasNotUtcs) {
  // 22:30Z on 31 December is already New Year's Day in Riga.
  EXPECT_EQ(RigaDate(Utc(2026, 12, 31, 22, 30)), Date(2027, 1, 1));
  EXPECT_EQ(RigaDate(Utc(2026, 12, 31, 21, 59)), Date(2026, 12, 31));
  EXPECT_EQ(RigaDate(Utc(2026, 6, 30, 21, 0)), Date(2026, 7, 1));  // summer: +3
  EXPECT_EQ(DateOf(ToRiga(Utc(2026, 3, 28, 22, 0))), Date(2026, 3, 29));
}

TEST_F(RigaTime, WeekdaysAndDayArithmetic) {
  EXPECT_EQ(IsoWeekday(Date(2026, 3, 30)), 1);
  EXPECT_EQ(IsoWeekday(Date(2026, 3, 29)), 7);
  EXPECT_EQ(IsoWeekday(Date(2026, 11, 18)), 3);
  EXPECT_EQ(AddDays(Date(2026, 12, 31), 1), Date(2027, 1, 1));
  EXPECT_EQ(AddDays(Date(2028, 3, 1), -1), Date(2028, 2, 29));
  EXPECT_EQ(AddDays(Date(2026, 3, 28), 14), Date(2026, 4, 11));
}

}  // namespace
}  // namespace tilti
