#include "core/time_zone.h"

#include <gtest/gtest.h>

#include <chrono>

namespace tilti {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::year_month_day;

year_month_day D(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

// An instant given in UTC.
SysTime Utc(int y, unsigned mo, unsigned d, int h, int mi = 0) {
  return std::chrono::sys_days{D(y, mo, d)} + hours{h} + minutes{mi};
}

CivilDateTime Civil(int y, int mo, int d, int h, int mi, int weekday) {
  return {.year = y, .month = mo, .day = d, .hour = h, .minute = mi, .second = 0,
          .weekday = weekday};
}

TimeZone Zone(std::string_view id) {
  auto z = TimeZone::Named(id);
  EXPECT_TRUE(z.has_value()) << id;
  return z.value_or(TimeZone{});
}

TEST(TimeZone, DefaultAndEuropeRigaAreThePureRigaZone) {
  EXPECT_TRUE(TimeZone{}.IsRiga());
  EXPECT_EQ(TimeZone{}.id(), "Europe/Riga");
  auto riga = TimeZone::Named("Europe/Riga");
  ASSERT_TRUE(riga.has_value());
  EXPECT_TRUE(riga->IsRiga());
  EXPECT_FALSE(Zone("Europe/London").IsRiga());
  EXPECT_EQ(Zone("Europe/London").id(), "Europe/London");
}

TEST(TimeZone, UnknownIdsAreNotZones) {
  EXPECT_FALSE(TimeZone::Named("").has_value());
  EXPECT_FALSE(TimeZone::Named("Mars/Olympus_Mons").has_value());
  EXPECT_FALSE(TimeZone::Named("Etc/Unknown").has_value());
  EXPECT_FALSE(TimeZone::Named("GMT+3").has_value());
  EXPECT_FALSE(TimeZone::Named("Europe/London\n").has_value());
}

TEST(TimeZone, LondonAcrossTheUkClockChanges) {
  const TimeZone london = Zone("Europe/London");
  // Winter (GMT) and summer (BST); clocks change at 01:00 UTC on the last Sundays of March and
  // October, as in the EU.
  EXPECT_EQ(london.ToLocal(Utc(2026, 1, 15, 9, 30)), Civil(2026, 1, 15, 9, 30, 4));
  EXPECT_EQ(london.ToLocal(Utc(2026, 3, 29, 0, 59)), Civil(2026, 3, 29, 0, 59, 7));
  EXPECT_EQ(london.ToLocal(Utc(2026, 3, 29, 1, 0)), Civil(2026, 3, 29, 2, 0, 7));
  EXPECT_EQ(london.ToLocal(Utc(2026, 7, 1, 8, 30)), Civil(2026, 7, 1, 9, 30, 3));
  EXPECT_EQ(london.ToLocal(Utc(2026, 10, 25, 0, 30)), Civil(2026, 10, 25, 1, 30, 7));
  EXPECT_EQ(london.ToLocal(Utc(2026, 10, 25, 1, 30)), Civil(2026, 10, 25, 1, 30, 7));
  EXPECT_EQ(london.UtcOffset(Utc(2026, 1, 15, 12)), std::chrono::seconds{0});
  EXPECT_EQ(london.UtcOffset(Utc(2026, 7, 1, 12)), std::chrono::seconds{3600});

  EXPECT_EQ(london.FromLocal(D(2026, 1, 15), hours{9} + minutes{30}), Utc(2026, 1, 15, 9, 30));
  EXPECT_EQ(london.FromLocal(D(2026, 7, 1), hours{9} + minutes{30}), Utc(2026, 7, 1, 8, 30));
  EXPECT_EQ(london.LocalDate(Utc(2026, 7, 1, 23, 30)), D(2026, 7, 2));
  EXPECT_EQ(london.FromLocal(D(2026, 7, 1), hours{24}), Utc(2026, 7, 1, 23, 0));
}

TEST(TimeZone, AWallClockTimeInTheGapOrTheRepeatedHourFollowsRigasRule) {
  const TimeZone london = Zone("Europe/London");
  // 01:30 does not happen on 2026-03-29 in London: read with the offset before the gap (GMT),
  // it is 01:30Z, which the clock shows as 02:30. Riga's 03:30 that day works the same way.
  EXPECT_EQ(london.FromLocal(D(2026, 3, 29), hours{1} + minutes{30}), Utc(2026, 3, 29, 1, 30));
  EXPECT_EQ(FromRiga(D(2026, 3, 29), hours{3} + minutes{30}), Utc(2026, 3, 29, 1, 30));
  // 01:30 happens twice on 2026-10-25: the first time, in summer time (00:30Z).
  EXPECT_EQ(london.FromLocal(D(2026, 10, 25), hours{1} + minutes{30}), Utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(FromRiga(D(2026, 10, 25), hours{3} + minutes{30}), Utc(2026, 10, 25, 0, 30));
}

TEST(TimeZone, ChicagoChangesOnUsDates) {
  const TimeZone chicago = Zone("America/Chicago");
  // CST (UTC-6) until 02:00 on the second Sunday of March (2026-03-08), CDT (UTC-5) until
  // 02:00 on the first Sunday of November (2026-11-01).
  EXPECT_EQ(chicago.ToLocal(Utc(2026, 3, 8, 7, 59)), Civil(2026, 3, 8, 1, 59, 7));
  EXPECT_EQ(chicago.ToLocal(Utc(2026, 3, 8, 8, 0)), Civil(2026, 3, 8, 3, 0, 7));
  EXPECT_EQ(chicago.FromLocal(D(2026, 3, 6), hours{9}), Utc(2026, 3, 6, 15, 0));
  EXPECT_EQ(chicago.FromLocal(D(2026, 3, 9), hours{9}), Utc(2026, 3, 9, 14, 0));
  EXPECT_EQ(chicago.FromLocal(D(2026, 3, 8), hours{2} + minutes{30}), Utc(2026, 3, 8, 8, 30));
  EXPECT_EQ(chicago.FromLocal(D(2026, 11, 1), hours{1} + minutes{30}), Utc(2026, 11, 1, 6, 30));
  // Late evening in Chicago is already the next day in UTC.
  EXPECT_EQ(chicago.LocalDate(Utc(2026, 3, 10, 3, 0)), D(2026, 3, 9));
}

TEST(TimeZone, ZurichFollowsTheEuRule) {
  const TimeZone zurich = Zone("Europe/Zurich");
  EXPECT_EQ(zurich.ToLocal(Utc(2026, 3, 29, 0, 59)), Civil(2026, 3, 29, 1, 59, 7));
  EXPECT_EQ(zurich.ToLocal(Utc(2026, 3, 29, 1, 0)), Civil(2026, 3, 29, 3, 0, 7));
  EXPECT_EQ(zurich.FromLocal(D(2026, 11, 23), hours{9}), Utc(2026, 11, 23, 8, 0));
}

// The ICU zone for Europe/Riga and the pure one agree, around every clock change.
TEST(TimeZone, IcuAndPureRigaAgreeFrom1990To2100) {
  auto icu_riga = TimeZone::NamedFromIcuForTesting("Europe/Riga");
  ASSERT_TRUE(icu_riga.has_value());
  ASSERT_FALSE(icu_riga->IsRiga());
  for (int y = 1990; y <= 2100; ++y) {
    for (unsigned m : {3u, 10u}) {
      for (unsigned d = 24; d <= 31; ++d) {
        for (int h = 0; h < 24; ++h) {
          for (int mi : {0, 30, 59}) {
            const SysTime t = Utc(y, m, d, h, mi);
            ASSERT_EQ(icu_riga->ToLocal(t), ToRiga(t)) << y << "-" << m << "-" << d << " " << h;
            const auto since = hours{h} + minutes{mi};
            ASSERT_EQ(icu_riga->FromLocal(D(y, m, d), since), FromRiga(D(y, m, d), since))
                << y << "-" << m << "-" << d << " " << h << ":" << mi;
          }
        }
      }
    }
  }
}

TEST(TimeZoneCache, LoadsEachZoneOnceAndRemembersUnknownOnes) {
  TimeZoneCache cache;
  auto a = cache.Get("Europe/London");
  auto b = cache.Get("Europe/London");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->ToLocal(Utc(2026, 7, 1, 8)), b->ToLocal(Utc(2026, 7, 1, 8)));
  EXPECT_FALSE(cache.Get("Nowhere/Special").has_value());
  EXPECT_TRUE(cache.Get("Europe/Riga")->IsRiga());
}

}  // namespace
}  // namespace tilti
