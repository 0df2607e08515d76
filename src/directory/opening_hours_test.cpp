#include "directory/opening_hours.h"

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
}  // namespace tilti

namespace tilti::directory {
namespace {

using std::chrono::year_month_day;

// ctest runs the tests with TZ=America/New_York; set it here too so the test means the same
// when run by hand. Nothing here may depend on it.
class OpeningHours : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("TZ", "America/New_York", 1);
    tzset();
  }
};

year_month_day D(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

SysTime Utc(int y, unsigned m, unsigned d, int h, int min, int s = 0) {
  using namespace std::chrono;
  return SysTime{sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s}};
}

// The instant the Riga wall clock shows y-m-d h:min:s.
SysTime Riga(int y, int m, int d, int h, int min, int s = 0) {
  return FromRiga(y, m, d, h, min) + std::chrono::seconds{s};
}

int Min(int h, int m = 0) { return h * 60 + m; }

Period P(int weekday, int opens, int closes) { return MakePeriod(weekday, opens, closes).value(); }

// Monday to Friday 10:00–18:00, Saturday 10:00–15:00, Sunday closed; Latvian holidays.
std::vector<Period> UsualWeek() {
  std::vector<Period> p;
  for (int wd = 1; wd <= 5; ++wd) p.push_back(P(wd, Min(10), Min(18)));
  p.push_back(P(6, Min(10), Min(15)));
  return p;
}

WeeklyHours Usual(std::vector<Exception> exceptions = {}) {
  return WeeklyHours(UsualWeek(), std::move(exceptions), LatvianPublicHolidays());
}

CivilDateTime Local(int y, int mo, int d, int h, int mi) {
  return CivilDateTime{y, mo, d, h, mi, 0, IsoWeekday(D(y, mo, d))};
}

TEST_F(OpeningHours, OpensInclusiveClosesExclusive) {
  const WeeklyHours hours = Usual();
  // Monday 16 November 2026, winter time (UTC+2).
  OpenStatus s = hours.StatusAt(Utc(2026, 11, 16, 7, 59, 59));
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.next_opening, Local(2026, 11, 16, 10, 0));
  EXPECT_EQ(s.closes_at, std::nullopt);

  s = hours.StatusAt(Utc(2026, 11, 16, 8, 0));
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.closes_at, Local(2026, 11, 16, 18, 0));
  EXPECT_EQ(s.next_opening, std::nullopt);

  EXPECT_TRUE(hours.StatusAt(Riga(2026, 11, 16, 17, 59, 59)).open);
  s = hours.StatusAt(Riga(2026, 11, 16, 18, 0));
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.next_opening, Local(2026, 11, 17, 10, 0));
}

TEST_F(OpeningHours, LunchBreakIsTwoPeriods) {
  const WeeklyHours hours({P(2, Min(10), Min(13)), P(2, Min(14), Min(19))}, {}, {});
  // Tuesday 17 November 2026.
  OpenStatus s = hours.StatusAt(Riga(2026, 11, 17, 12, 59));
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.closes_at, Local(2026, 11, 17, 13, 0));
  s = hours.StatusAt(Riga(2026, 11, 17, 13, 0));
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.next_opening, Local(2026, 11, 17, 14, 0));
  EXPECT_EQ(DescribeStatus(s), (HoursMessage{.key = "hours.closed_opens_today", .time = "14:00"}));
  s = hours.StatusAt(Riga(2026, 11, 17, 14, 0));
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.closes_at, Local(2026, 11, 17, 19, 0));
}

TEST_F(OpeningHours, OverlappingAndTouchingPeriodsAreOneOpening) {
  const WeeklyHours hours({P(3, Min(14), Min(15)), P(3, Min(10), Min(12)), P(3, Min(11), Min(14))},
                          {}, {});
  const DayHours day = hours.Day(D(2026, 11, 11));
  EXPECT_EQ(day.periods, (std::vector<TimeRange>{{Min(10), Min(15)}}));
  EXPECT_EQ(hours.StatusAt(Riga(2026, 11, 11, 13, 0)).closes_at, Local(2026, 11, 11, 15, 0));
}

TEST_F(OpeningHours, SaturdayEveningWithSundayClosedOpensOnMonday) {
  const WeeklyHours hours = Usual();
  const OpenStatus s = hours.StatusAt(Riga(2026, 11, 21, 20, 0));  // Saturday
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.next_opening, Local(2026, 11, 23, 10, 0));
  EXPECT_EQ(DescribeStatus(s),
            (HoursMessage{.key = "hours.closed_opens_on", .time = "10:00", .weekday = "mon"}));
  // On Sunday evening Monday is tomorrow.
  EXPECT_EQ(DescribeStatus(hours.StatusAt(Riga(2026, 11, 22, 20, 0))),
            (HoursMessage{.key = "hours.closed_opens_tomorrow", .time = "10:00"}));
}

TEST_F(OpeningHours, SaturdayEveningOpensTomorrowWhenSundayIsOpen) {
  auto periods = UsualWeek();
  periods.push_back(P(7, Min(10), Min(14)));
  const WeeklyHours hours(periods, {}, LatvianPublicHolidays());
  EXPECT_EQ(DescribeStatus(hours.StatusAt(Riga(2026, 11, 21, 20, 0))),
            (HoursMessage{.key = "hours.closed_opens_tomorrow", .time = "10:00"}));
}

TEST_F(OpeningHours, AHolidayClosesTheLibraryAndSaysWhenItReopens) {
  const WeeklyHours hours = Usual();
  // Wednesday 18 November 2026, Proclamation Day.
  OpenStatus s = hours.StatusAt(Riga(2026, 11, 18, 12, 0));
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.next_opening, Local(2026, 11, 19, 10, 0));
  EXPECT_EQ(DescribeStatus(s).key, "hours.closed_opens_tomorrow");
  // From Tuesday evening the next opening skips the holiday.
  s = hours.StatusAt(Riga(2026, 11, 17, 19, 0));
  EXPECT_EQ(s.next_opening, Local(2026, 11, 19, 10, 0));
  EXPECT_EQ(DescribeStatus(s),
            (HoursMessage{.key = "hours.closed_opens_on", .time = "10:00", .weekday = "thu"}));

  const DayHours day = hours.Day(D(2026, 11, 18));
  EXPECT_TRUE(day.closed);
  EXPECT_EQ(day.holiday_key, "holiday.proclamation");
  EXPECT_FALSE(day.is_exception);
}

TEST_F(OpeningHours, AnExceptionWithSpecialHoursOverridesAHoliday) {
  const WeeklyHours hours = Usual({Exception{.date = D(2026, 11, 18),
                                             .closed = false,
                                             .periods = std::vector<TimeRange>{{Min(12), Min(16)}},
                                             .note = "Svētku koncerts"}});
  OpenStatus s = hours.StatusAt(Riga(2026, 11, 18, 13, 0));
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.closes_at, Local(2026, 11, 18, 16, 0));
  s = hours.StatusAt(Riga(2026, 11, 18, 11, 0));
  EXPECT_EQ(s.next_opening, Local(2026, 11, 18, 12, 0));

  const DayHours day = hours.Day(D(2026, 11, 18));
  EXPECT_FALSE(day.closed);
  EXPECT_TRUE(day.is_exception);
  EXPECT_EQ(day.note, "Svētku koncerts");
  EXPECT_EQ(day.holiday_key, "holiday.proclamation");
  EXPECT_EQ(day.periods, (std::vector<TimeRange>{{Min(12), Min(16)}}));
}

TEST_F(OpeningHours, AnExceptionCanKeepTheUsualHoursOnAHoliday) {
  const WeeklyHours hours = Usual({Exception{.date = D(2026, 11, 18), .closed = false}});
  const OpenStatus s = hours.StatusAt(Riga(2026, 11, 18, 13, 0));
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.closes_at, Local(2026, 11, 18, 18, 0));
}

TEST_F(OpeningHours, AClosedExceptionClosesAnOrdinaryDay) {
  const WeeklyHours hours =
      Usual({Exception{.date = D(2026, 11, 19), .closed = true, .note = "Inventarizācija"}});
  const OpenStatus s = hours.StatusAt(Riga(2026, 11, 19, 12, 0));
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.next_opening, Local(2026, 11, 20, 10, 0));
  const DayHours day = hours.Day(D(2026, 11, 19));
  EXPECT_TRUE(day.closed);
  EXPECT_TRUE(day.is_exception);
  EXPECT_EQ(day.note, "Inventarizācija");
  EXPECT_EQ(day.holiday_key, std::nullopt);
}

TEST_F(OpeningHours, ClosedSaturdayNightBeforeSpringForwardOpensMonday) {
  const WeeklyHours hours = Usual();
  // Saturday 28 March 2026 21:00 in Riga is 19:00Z (still winter time).
  const OpenStatus s = hours.StatusAt(Utc(2026, 3, 28, 19, 0));
  EXPECT_EQ(s.at, Local(2026, 3, 28, 21, 0));
  EXPECT_FALSE(s.open);
  ASSERT_TRUE(s.next_opening.has_value());
  EXPECT_EQ(*s.next_opening, Local(2026, 3, 30, 10, 0));
  const auto& n = *s.next_opening;
  EXPECT_EQ(FromRiga(n.year, n.month, n.day, n.hour, n.minute), Utc(2026, 3, 30, 7, 0));
  EXPECT_EQ(DescribeStatus(s),
            (HoursMessage{.key = "hours.closed_opens_on", .time = "10:00", .weekday = "mon"}));
}

TEST_F(OpeningHours, OpenOnTheSpringForwardSundayByTheWallClock) {
  const WeeklyHours hours({P(7, Min(10), Min(18))}, {}, {});
  // 29 March 2026 is in summer time from 01:00Z on: 10:00 is 07:00Z, 18:00 is 15:00Z.
  OpenStatus s = hours.StatusAt(Utc(2026, 3, 29, 6, 59, 59));
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.next_opening, Local(2026, 3, 29, 10, 0));
  s = hours.StatusAt(Utc(2026, 3, 29, 7, 0));
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.closes_at, Local(2026, 3, 29, 18, 0));
  EXPECT_TRUE(hours.StatusAt(Utc(2026, 3, 29, 14, 59, 59)).open);
  EXPECT_FALSE(hours.StatusAt(Utc(2026, 3, 29, 15, 0)).open);
  // Before the change, 00:30Z is 02:30 on the same Sunday.
  s = hours.StatusAt(Utc(2026, 3, 29, 0, 30));
  EXPECT_EQ(DescribeStatus(s), (HoursMessage{.key = "hours.closed_opens_today", .time = "10:00"}));
}

TEST_F(OpeningHours, OpenOnTheFallBackSundayByTheWallClock) {
  const WeeklyHours hours({P(7, Min(10), Min(18))}, {}, {});
  // 25 October 2026 is in winter time from 01:00Z on: 10:00 is 08:00Z, 18:00 is 16:00Z.
  EXPECT_FALSE(hours.StatusAt(Utc(2026, 10, 25, 7, 59, 59)).open);
  EXPECT_TRUE(hours.StatusAt(Utc(2026, 10, 25, 8, 0)).open);
  EXPECT_TRUE(hours.StatusAt(Utc(2026, 10, 25, 15, 59, 59)).open);
  EXPECT_FALSE(hours.StatusAt(Utc(2026, 10, 25, 16, 0)).open);
  // 03:30 happens twice; both times the library opens today at 10:00.
  for (SysTime t : {Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 1, 30)}) {
    const OpenStatus s = hours.StatusAt(t);
    EXPECT_EQ(s.at, Local(2026, 10, 25, 3, 30));
    EXPECT_EQ(s.next_opening, Local(2026, 10, 25, 10, 0));
  }
}

TEST_F(OpeningHours, SpringForwardOnEasterSunday2027) {
  const WeeklyHours hours = Usual();
  // Saturday 27 March 2027 16:00. The clocks change on Sunday 28 March, which is Easter; Monday
  // is Easter Monday, so the library opens on Tuesday at 10:00 summer time, 07:00Z.
  const OpenStatus s = hours.StatusAt(Riga(2027, 3, 27, 16, 0));
  ASSERT_TRUE(s.next_opening.has_value());
  EXPECT_EQ(*s.next_opening, Local(2027, 3, 30, 10, 0));
  const auto& n = *s.next_opening;
  EXPECT_EQ(FromRiga(n.year, n.month, n.day, n.hour, n.minute), Utc(2027, 3, 30, 7, 0));
  EXPECT_EQ(hours.Day(D(2027, 3, 29)).holiday_key, "holiday.easter_monday");
}

TEST_F(OpeningHours, AnOpeningUntilMidnightContinuesIntoTheNextDay) {
  const WeeklyHours late({P(5, Min(20), Min(24))}, {}, {});
  OpenStatus s = late.StatusAt(Riga(2026, 11, 20, 23, 0));  // Friday
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.closes_at, Local(2026, 11, 21, 0, 0));
  EXPECT_EQ(DescribeStatus(s), (HoursMessage{.key = "hours.open_now_closes", .time = "24:00"}));

  const WeeklyHours night({P(5, Min(20), Min(24)), P(6, 0, Min(2))}, {}, {});
  s = night.StatusAt(Riga(2026, 11, 20, 23, 0));
  EXPECT_EQ(s.closes_at, Local(2026, 11, 21, 2, 0));
  EXPECT_EQ(DescribeStatus(s),
            (HoursMessage{.key = "hours.open_now_closes_tomorrow", .time = "02:00"}));
  EXPECT_TRUE(night.StatusAt(Riga(2026, 11, 21, 1, 59)).open);
  EXPECT_FALSE(night.StatusAt(Riga(2026, 11, 21, 2, 0)).open);
}

TEST_F(OpeningHours, OpenAroundTheClockHasNoClosingTime) {
  std::vector<Period> always;
  for (int wd = 1; wd <= 7; ++wd) always.push_back(P(wd, 0, Min(24)));
  const WeeklyHours hours(always, {}, {});
  const OpenStatus s = hours.StatusAt(Riga(2026, 11, 20, 12, 0));
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.closes_at, std::nullopt);
  EXPECT_EQ(DescribeStatus(s), HoursMessage{.key = "hours.open_now"});
  // Closed on Wednesday 25 November by an exception: the run ends as that day begins.
  const WeeklyHours closed_wednesday(always, {Exception{.date = D(2026, 11, 25)}}, {});
  EXPECT_EQ(closed_wednesday.StatusAt(Riga(2026, 11, 20, 12, 0)).closes_at,
            Local(2026, 11, 25, 0, 0));
  EXPECT_EQ(DescribeStatus(closed_wednesday.StatusAt(Riga(2026, 11, 20, 12, 0))),
            (HoursMessage{.key = "hours.open_now_closes_on", .time = "00:00", .weekday = "wed"}));
}

TEST_F(OpeningHours, LooksFourteenDaysAheadAndNoFurther) {
  // Weekly on Monday only; closed by exceptions on the next Mondays.
  const SysTime now = Riga(2026, 11, 16, 19, 0);  // Monday evening
  const WeeklyHours two_weeks({P(1, Min(10), Min(18))}, {Exception{.date = D(2026, 11, 23)}}, {});
  OpenStatus s = two_weeks.StatusAt(now);
  EXPECT_EQ(s.next_opening, Local(2026, 11, 30, 10, 0));  // 14 days ahead
  EXPECT_EQ(DescribeStatus(s),
            (HoursMessage{
                .key = "hours.closed_opens_on_date", .time = "10:00", .date = D(2026, 11, 30)}));

  const WeeklyHours three_weeks(
      {P(1, Min(10), Min(18))},
      {Exception{.date = D(2026, 11, 23)}, Exception{.date = D(2026, 11, 30)}}, {});
  s = three_weeks.StatusAt(now);
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.next_opening, std::nullopt);
  EXPECT_EQ(DescribeStatus(s), HoursMessage{.key = "hours.closed"});
}

TEST_F(OpeningHours, UnknownHoursHaveTheirOwnMessage) {
  EXPECT_EQ(DescribeStatus(std::nullopt), HoursMessage{.key = "hours.unknown"});
}

TEST_F(OpeningHours, PeriodsApplyOnlyBetweenTheirDates) {
  Period winter = P(1, Min(10), Min(18));
  winter.valid_to = D(2026, 5, 31);
  Period summer = P(1, Min(10), Min(15));
  summer.valid_from = D(2026, 6, 1);
  summer.valid_to = D(2026, 8, 31);
  const WeeklyHours hours({winter, summer}, {}, {});
  EXPECT_EQ(hours.Day(D(2026, 5, 25)).periods, (std::vector<TimeRange>{{Min(10), Min(18)}}));
  EXPECT_EQ(hours.Day(D(2026, 6, 1)).periods, (std::vector<TimeRange>{{Min(10), Min(15)}}));
  EXPECT_TRUE(hours.Day(D(2026, 9, 7)).closed);
  // On the last Monday of May, the next opening is the first of summer.
  EXPECT_EQ(hours.StatusAt(Riga(2026, 5, 25, 19, 0)).next_opening, Local(2026, 6, 1, 10, 0));
}

TEST_F(OpeningHours, WeekStartsOnTheRigaDate) {
  const WeeklyHours hours = Usual();
  // 22:30Z on Sunday 22 November is already Monday 00:30 in Riga.
  const auto week = hours.Week(Utc(2026, 11, 22, 22, 30));
  ASSERT_EQ(week.size(), 7u);
  EXPECT_EQ(week[0].date, D(2026, 11, 23));
  EXPECT_EQ(week[0].weekday, 1);
  EXPECT_TRUE(week[0].is_today);
  for (size_t i = 1; i < week.size(); ++i) EXPECT_FALSE(week[i].is_today);
  EXPECT_EQ(week[6].date, D(2026, 11, 29));
  EXPECT_EQ(week[5].periods, (std::vector<TimeRange>{{Min(10), Min(15)}}));  // Saturday
  EXPECT_TRUE(week[6].closed);                                               // Sunday
}

TEST_F(OpeningHours, WeekShowsHolidaysAndExceptions) {
  const WeeklyHours hours =
      Usual({Exception{.date = D(2026, 11, 20), .closed = true, .note = "Seminārs"}});
  const auto week = hours.Week(Riga(2026, 11, 16, 9, 0));
  ASSERT_EQ(week.size(), 7u);
  EXPECT_FALSE(week[0].closed);
  EXPECT_EQ(week[2].holiday_key, "holiday.proclamation");
  EXPECT_TRUE(week[2].closed);
  EXPECT_TRUE(week[4].is_exception);
  EXPECT_EQ(week[4].note, "Seminārs");
  EXPECT_TRUE(week[4].closed);
}

TEST_F(OpeningHours, WeekAcrossTheClockChangeHasSevenDistinctDays) {
  const WeeklyHours hours = Usual();
  const auto week = hours.Week(Utc(2026, 10, 22, 12, 0));
  ASSERT_EQ(week.size(), 7u);
  for (size_t i = 0; i < week.size(); ++i) {
    EXPECT_EQ(week[i].date, AddDays(D(2026, 10, 22), static_cast<int>(i)));
    EXPECT_EQ(week[i].weekday, IsoWeekday(week[i].date));
  }
}

TEST_F(OpeningHours, InvalidPeriodsAreIgnored) {
  const WeeklyHours hours({Period{.weekday = 1, .opens_min = Min(18), .closes_min = Min(10)},
                           Period{.weekday = 9, .opens_min = Min(10), .closes_min = Min(12)}},
                          {Exception{.date = D(2026, 11, 17),
                                     .closed = false,
                                     .periods = std::vector<TimeRange>{{Min(15), Min(14)}}}},
                          {});
  EXPECT_TRUE(hours.periods().empty());
  EXPECT_TRUE(hours.Day(D(2026, 11, 16)).closed);
  EXPECT_TRUE(hours.Day(D(2026, 11, 17)).closed);
}

TEST(OpeningHoursValidation, MakePeriodRejectsClosingAtOrBeforeOpening) {
  auto same = MakePeriod(1, Min(10), Min(10));
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(same.error().fields.size(), 1u);
  EXPECT_EQ(same.error().fields[0].field, "closes_at");
  EXPECT_EQ(same.error().fields[0].message_key, "hours.error.closes_not_after_opens");
  EXPECT_FALSE(MakePeriod(1, Min(18), Min(10)).ok());
}

TEST(OpeningHoursValidation, MakePeriodChecksEveryField) {
  auto bad = MakePeriod(8, -1, Min(24, 1));
  ASSERT_FALSE(bad.ok());
  const auto& f = bad.error().fields;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].field, "weekday");
  EXPECT_EQ(f[0].message_key, "hours.error.weekday");
  EXPECT_EQ(f[1].field, "opens_at");
  EXPECT_EQ(f[2].field, "closes_at");
  EXPECT_EQ(f[2].message_key, "hours.error.time");
  EXPECT_FALSE(MakePeriod(0, Min(10), Min(12)).ok());
  EXPECT_FALSE(MakePeriod(1, Min(24), Min(24)).ok());
}

TEST(OpeningHoursValidation, MakePeriodAcceptsAWholeDay) {
  auto p = MakePeriod(7, 0, Min(24));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value().closes_min, 1440);
  EXPECT_TRUE(MakeTimeRange(Min(23, 59), Min(24)).ok());
  EXPECT_FALSE(MakeTimeRange(Min(12), Min(11)).ok());
}

TEST(OpeningHoursValidation, ValidatePeriodsFindsOverlapsOnTheSameDay) {
  EXPECT_TRUE(
      ValidatePeriods({P(1, Min(10), Min(12)), P(1, Min(12), Min(14)), P(2, Min(11), Min(13))})
          .ok());
  auto overlap =
      ValidatePeriods({P(1, Min(10), Min(13)), P(2, Min(10), Min(13)), P(1, Min(12), Min(14))});
  ASSERT_FALSE(overlap.ok());
  ASSERT_EQ(overlap.error().fields.size(), 1u);
  EXPECT_EQ(overlap.error().fields[0].field, "periods.2.opens_at");
  EXPECT_EQ(overlap.error().fields[0].message_key, "hours.error.overlap");
}

TEST(OpeningHoursValidation, ValidatePeriodsAllowsTheSameHoursInDifferentSeasons) {
  Period winter = P(1, Min(10), Min(18));
  winter.valid_to = D(2026, 5, 31);
  Period summer = P(1, Min(10), Min(15));
  summer.valid_from = D(2026, 6, 1);
  EXPECT_TRUE(ValidatePeriods({winter, summer}).ok());
  summer.valid_from = D(2026, 5, 31);
  EXPECT_FALSE(ValidatePeriods({winter, summer}).ok());
}

TEST(OpeningHoursValidation, ValidatePeriodsChecksDatesAndNamesTheField) {
  Period p = P(1, Min(10), Min(18));
  p.valid_from = D(2026, 9, 1);
  p.valid_to = D(2026, 6, 1);
  Period q{.weekday = 2, .opens_min = Min(10), .closes_min = Min(8)};
  q.valid_from = D(2026, 2, 30);
  auto r = ValidatePeriods({p, q});
  ASSERT_FALSE(r.ok());
  const auto& f = r.error().fields;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].field, "periods.0.valid_to");
  EXPECT_EQ(f[0].message_key, "hours.error.valid_to_before_valid_from");
  EXPECT_EQ(f[1].field, "periods.1.closes_at");
  EXPECT_EQ(f[2].field, "periods.1.valid_from");
  EXPECT_EQ(f[2].message_key, "hours.error.date");
}

TEST(OpeningHoursClock, ParsesAndFormatsTimes) {
  EXPECT_EQ(ParseClockTime("10:00"), 600);
  EXPECT_EQ(ParseClockTime("00:00"), 0);
  EXPECT_EQ(ParseClockTime("09:30:00"), 570);
  EXPECT_EQ(ParseClockTime("24:00"), 1440);
  EXPECT_EQ(ParseClockTime("24:01"), std::nullopt);
  EXPECT_EQ(ParseClockTime("10:60"), std::nullopt);
  EXPECT_EQ(ParseClockTime("9:30"), std::nullopt);
  EXPECT_EQ(ParseClockTime("09:30:15"), std::nullopt);
  EXPECT_EQ(ParseClockTime("ab:cd"), std::nullopt);
  EXPECT_EQ(ParseClockTime(""), std::nullopt);
  EXPECT_EQ(FormatClockTime(0), "00:00");
  EXPECT_EQ(FormatClockTime(570), "09:30");
  EXPECT_EQ(FormatClockTime(1440), "24:00");
}

// --- Locations outside Latvia: the timetable is read on the location's own clock.

TimeZone Zone(std::string_view id) {
  auto z = TimeZone::Named(id);
  EXPECT_TRUE(z.has_value()) << id;
  return z.value_or(TimeZone{});
}

// Monday to Friday 09:00–17:00.
std::vector<Period> OfficeWeek() {
  std::vector<Period> p;
  for (int wd = 1; wd <= 5; ++wd) p.push_back(P(wd, Min(9), Min(17)));
  return p;
}

TEST_F(OpeningHours, ALondonLibraryIsOpenAt0930LondonTimeWhichIs1130InRiga) {
  const WeeklyHours h(OfficeWeek(), {}, {}, Zone("Europe/London"));
  // Monday 2026-11-23, winter: London is UTC+0, Riga UTC+2.
  const SysTime at = Riga(2026, 11, 23, 11, 30);
  EXPECT_EQ(at, Utc(2026, 11, 23, 9, 30));
  const OpenStatus s = h.StatusAt(at);
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.at, (CivilDateTime{2026, 11, 23, 9, 30, 0, 1}));
  ASSERT_TRUE(s.closes_at.has_value());
  EXPECT_EQ(*s.closes_at, (CivilDateTime{2026, 11, 23, 17, 0, 0, 1}));
  // 09:30 in Riga is 07:30 in London: closed, opens at 09:00 London time.
  const OpenStatus early = h.StatusAt(Riga(2026, 11, 23, 9, 30));
  EXPECT_FALSE(early.open);
  ASSERT_TRUE(early.next_opening.has_value());
  EXPECT_EQ(*early.next_opening, (CivilDateTime{2026, 11, 23, 9, 0, 0, 1}));
  // 17:30 Riga is 15:30 London: still open; a Riga library with these hours is closed.
  EXPECT_TRUE(h.StatusAt(Riga(2026, 11, 23, 17, 30)).open);
  EXPECT_FALSE(WeeklyHours(OfficeWeek(), {}, {}).StatusAt(Riga(2026, 11, 23, 17, 30)).open);
  EXPECT_EQ(DescribeStatus(early),
            (HoursMessage{.key = "hours.closed_opens_today", .time = "09:00"}));
}

TEST_F(OpeningHours, LondonAcrossTheSpringAndAutumnClockChanges) {
  std::vector<Period> p = OfficeWeek();
  p.push_back(P(7, Min(1), Min(3)));  // Sunday 01:00–03:00, to meet the change itself
  const WeeklyHours h(p, {}, {}, Zone("Europe/London"));
  // Friday before the change: 09:30 GMT = 09:30Z = 11:30 Riga (EET).
  EXPECT_TRUE(h.StatusAt(Utc(2026, 3, 27, 9, 30)).open);
  EXPECT_FALSE(h.StatusAt(Utc(2026, 3, 27, 8, 59)).open);
  // Monday after: 09:30 BST = 08:30Z = 11:30 Riga (EEST); 08:59Z is 09:59 BST.
  EXPECT_TRUE(h.StatusAt(Utc(2026, 3, 30, 8, 30)).open);
  EXPECT_TRUE(h.StatusAt(Utc(2026, 3, 30, 8, 0)).open);
  EXPECT_FALSE(h.StatusAt(Utc(2026, 3, 30, 7, 59)).open);
  EXPECT_FALSE(h.StatusAt(Utc(2026, 3, 30, 16, 0)).open);  // 17:00 BST
  // Sunday 2026-03-29: 01:00–01:59 never happens in London. 00:59Z is 00:59 GMT (closed),
  // 01:00Z is already 02:00 BST (open until 03:00 BST, 02:00Z).
  EXPECT_FALSE(h.StatusAt(Utc(2026, 3, 29, 0, 59)).open);
  EXPECT_TRUE(h.StatusAt(Utc(2026, 3, 29, 1, 0)).open);
  EXPECT_FALSE(h.StatusAt(Utc(2026, 3, 29, 2, 0)).open);  // 03:00 BST
  // Autumn, Sunday 2026-10-25: 01:00–01:59 happens twice; open through both, until 03:00 GMT
  // (03:00Z): three hours of elapsed time.
  EXPECT_TRUE(h.StatusAt(Utc(2026, 10, 25, 0, 0)).open);   // 01:00 BST
  EXPECT_TRUE(h.StatusAt(Utc(2026, 10, 25, 1, 30)).open);  // 01:30 GMT, the second time
  EXPECT_TRUE(h.StatusAt(Utc(2026, 10, 25, 2, 59)).open);  // 02:59 GMT
  EXPECT_FALSE(h.StatusAt(Utc(2026, 10, 25, 3, 0)).open);
  // Monday after: 09:30 GMT = 09:30Z = 11:30 Riga (EET again).
  EXPECT_TRUE(h.StatusAt(Utc(2026, 10, 26, 9, 30)).open);
  EXPECT_FALSE(h.StatusAt(Utc(2026, 10, 26, 8, 30)).open);
}

TEST_F(OpeningHours, AZurichLibraryKeepsZurichHours) {
  const WeeklyHours h(OfficeWeek(), {}, {}, Zone("Europe/Zurich"));
  // Monday 2026-11-23: Zurich is UTC+1, an hour behind Riga.
  EXPECT_TRUE(h.StatusAt(Riga(2026, 11, 23, 10, 0)).open);   // 09:00 in Zurich
  EXPECT_FALSE(h.StatusAt(Riga(2026, 11, 23, 9, 59)).open);  // 08:59
  EXPECT_TRUE(h.StatusAt(Riga(2026, 11, 23, 17, 59)).open);  // 16:59
  EXPECT_FALSE(h.StatusAt(Riga(2026, 11, 23, 18, 0)).open);
  // Summer: still an hour behind Riga, the zones change together.
  EXPECT_TRUE(h.StatusAt(Riga(2026, 7, 6, 10, 0)).open);
  EXPECT_FALSE(h.StatusAt(Riga(2026, 7, 6, 9, 59)).open);
}

TEST_F(OpeningHours, AChicagoLibraryChangesClocksOnUsDates) {
  const WeeklyHours h(OfficeWeek(), {}, {}, Zone("America/Chicago"));
  // Friday 2026-03-06, CST (UTC-6): 09:00 is 15:00Z, 17:00 Riga.
  EXPECT_FALSE(h.StatusAt(Utc(2026, 3, 6, 14, 59)).open);
  EXPECT_TRUE(h.StatusAt(Utc(2026, 3, 6, 15, 0)).open);
  // Monday 2026-03-09, CDT (UTC-5) since the second Sunday of March, while Europe still keeps
  // winter time: 09:00 is 14:00Z, 16:00 Riga.
  EXPECT_TRUE(h.StatusAt(Utc(2026, 3, 9, 14, 0)).open);
  EXPECT_FALSE(h.StatusAt(Utc(2026, 3, 9, 13, 59)).open);
  EXPECT_TRUE(h.StatusAt(Riga(2026, 3, 9, 16, 0)).open);
  // Monday 2026-03-09 22:30 Chicago is Tuesday 06:30 in Riga; the week starts on Chicago's
  // Monday and the next opening is Tuesday 09:00 Chicago time.
  const SysTime late = Utc(2026, 3, 10, 3, 30);
  EXPECT_EQ(RigaDate(late), D(2026, 3, 10));
  EXPECT_EQ(h.Week(late).front().date, D(2026, 3, 9));
  const OpenStatus s = h.StatusAt(late);
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.at, (CivilDateTime{2026, 3, 9, 22, 30, 0, 1}));
  ASSERT_TRUE(s.next_opening.has_value());
  EXPECT_EQ(*s.next_opening, (CivilDateTime{2026, 3, 10, 9, 0, 0, 2}));
}

TEST_F(OpeningHours, ALatvianHolidayDoesNotCloseASwissLibraryWithoutHolidays) {
  // Wednesday 2026-11-18 is Latvia's Independence Day.
  const SysTime noon_in_zurich = Utc(2026, 11, 18, 11, 0);
  const WeeklyHours swiss(OfficeWeek(), {}, {}, Zone("Europe/Zurich"));
  EXPECT_TRUE(swiss.StatusAt(noon_in_zurich).open);
  EXPECT_FALSE(swiss.Day(D(2026, 11, 18)).holiday_key.has_value());
  const WeeklyHours latvian(OfficeWeek(), {}, LatvianPublicHolidays());
  EXPECT_FALSE(latvian.StatusAt(noon_in_zurich).open);
}

}  // namespace
}  // namespace tilti::directory
