#include "web/i18n_riga_time.h"

#include <gtest/gtest.h>
#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/tztrans.h>

#include <cstdlib>
#include <ctime>
#include <memory>

namespace tilti::web::i18n {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;

// ctest runs the tests with TZ=America/New_York; set it here too so the test means the same
// when run by hand. Nothing in Riga time may depend on it.
class I18nRigaTime : public ::testing::Test {
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

struct Wall {
  int year, month, day, hour, minute, weekday;
};

void ExpectWall(SysTime t, Wall w) {
  CivilTime c = CivilRiga(t);
  EXPECT_EQ(c.year, w.year);
  EXPECT_EQ(c.month, w.month);
  EXPECT_EQ(c.day, w.day);
  EXPECT_EQ(c.hour, w.hour);
  EXPECT_EQ(c.minute, w.minute);
  EXPECT_EQ(c.weekday, w.weekday);
}

TEST_F(I18nRigaTime, SpringForward2026) {
  ExpectWall(Utc(2026, 3, 28, 23, 59), {2026, 3, 29, 1, 59, 7});
  ExpectWall(Utc(2026, 3, 29, 0, 30), {2026, 3, 29, 2, 30, 7});
  ExpectWall(Utc(2026, 3, 29, 0, 59), {2026, 3, 29, 2, 59, 7});
  ExpectWall(Utc(2026, 3, 29, 1, 0), {2026, 3, 29, 4, 0, 7});
  ExpectWall(Utc(2026, 3, 29, 1, 30), {2026, 3, 29, 4, 30, 7});
}

TEST_F(I18nRigaTime, FallBack2026) {
  ExpectWall(Utc(2026, 10, 24, 23, 30), {2026, 10, 25, 2, 30, 7});
  ExpectWall(Utc(2026, 10, 25, 0, 30), {2026, 10, 25, 3, 30, 7});  // EEST
  ExpectWall(Utc(2026, 10, 25, 0, 59), {2026, 10, 25, 3, 59, 7});
  ExpectWall(Utc(2026, 10, 25, 1, 0), {2026, 10, 25, 3, 0, 7});  // EET: the hour again
  ExpectWall(Utc(2026, 10, 25, 1, 30), {2026, 10, 25, 3, 30, 7});
  ExpectWall(Utc(2026, 10, 25, 2, 30), {2026, 10, 25, 4, 30, 7});
}

TEST_F(I18nRigaTime, SpringForward2027) {
  ExpectWall(Utc(2027, 3, 28, 0, 30), {2027, 3, 28, 2, 30, 7});
  ExpectWall(Utc(2027, 3, 28, 1, 30), {2027, 3, 28, 4, 30, 7});
}

TEST_F(I18nRigaTime, CrossesDayAndYearBoundaries) {
  ExpectWall(Utc(2026, 12, 31, 22, 30), {2027, 1, 1, 0, 30, 5});
  ExpectWall(Utc(2026, 6, 30, 21, 0), {2026, 7, 1, 0, 0, 3});
  ExpectWall(Utc(1969, 12, 31, 23, 0), {1970, 1, 1, 2, 0, 4});  // before the epoch; Riga was +3
}

TEST_F(I18nRigaTime, OffsetIsTwoHoursInWinterAndThreeInSummer) {
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 1, 15, 12, 0)), hours{2});
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 7, 15, 12, 0)), hours{3});
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 3, 29, 0, 59)), hours{2});
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 3, 29, 1, 0)), hours{3});
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 10, 25, 0, 59)), hours{3});
  EXPECT_EQ(RigaUtcOffset(Utc(2026, 10, 25, 1, 0)), hours{2});
}

TEST_F(I18nRigaTime, FromCivilOrdinaryTimes) {
  EXPECT_EQ(FromCivilRiga(2026, 3, 29, 2, 30), Utc(2026, 3, 29, 0, 30));
  EXPECT_EQ(FromCivilRiga(2026, 3, 29, 4, 30), Utc(2026, 3, 29, 1, 30));
  EXPECT_EQ(FromCivilRiga(2026, 10, 25, 2, 30), Utc(2026, 10, 24, 23, 30));
  EXPECT_EQ(FromCivilRiga(2026, 10, 25, 4, 30), Utc(2026, 10, 25, 2, 30));
  EXPECT_EQ(FromCivilRiga(2026, 7, 1, 18, 0), Utc(2026, 7, 1, 15, 0));
  EXPECT_EQ(FromCivilRiga(2026, 12, 24, 18, 0), Utc(2026, 12, 24, 16, 0));
}

TEST_F(I18nRigaTime, FromCivilInTheSpringGapUsesTheOffsetBeforeTheGap) {
  // 03:30 never happens on 29 March 2026; RFC 5545 reads it as 01:30Z (04:30 on the clock).
  EXPECT_EQ(FromCivilRiga(2026, 3, 29, 3, 0), Utc(2026, 3, 29, 1, 0));
  EXPECT_EQ(FromCivilRiga(2026, 3, 29, 3, 30), Utc(2026, 3, 29, 1, 30));
  EXPECT_EQ(FromCivilRiga(2027, 3, 28, 3, 30), Utc(2027, 3, 28, 1, 30));
}

TEST_F(I18nRigaTime, FromCivilInTheRepeatedHourMeansTheFirstOccurrence) {
  EXPECT_EQ(FromCivilRiga(2026, 10, 25, 3, 0), Utc(2026, 10, 25, 0, 0));
  EXPECT_EQ(FromCivilRiga(2026, 10, 25, 3, 30), Utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(FromCivilRiga(2026, 10, 25, 3, 59), Utc(2026, 10, 25, 0, 59));
}

TEST_F(I18nRigaTime, FromCivilRollsOverOutOfRangeFields) {
  EXPECT_EQ(FromCivilRiga(2026, 4, 31, 12, 0), FromCivilRiga(2026, 5, 1, 12, 0));
  EXPECT_EQ(FromCivilRiga(2026, 13, 1, 12, 0), FromCivilRiga(2027, 1, 1, 12, 0));
  EXPECT_EQ(FromCivilRiga(2026, 0, 1, 12, 0), FromCivilRiga(2025, 12, 1, 12, 0));
  EXPECT_EQ(FromCivilRiga(2026, 5, 1, 24, 0), FromCivilRiga(2026, 5, 2, 0, 0));
}

TEST_F(I18nRigaTime, RoundTripsEveryMinuteOfTheClockChangeDays) {
  for (SysTime day : {Utc(2026, 3, 28, 12, 0), Utc(2026, 10, 24, 12, 0), Utc(2027, 3, 27, 12, 0)}) {
    for (SysTime t = day; t < day + hours{24}; t += minutes{1}) {
      CivilTime c = CivilRiga(t);
      SysTime back = FromCivilRiga(c.year, c.month, c.day, c.hour, c.minute);
      // Only the second pass through the repeated autumn hour maps back an hour earlier.
      if (back != t) {
        EXPECT_EQ(back, t - hours{1}) << t.time_since_epoch().count();
        EXPECT_EQ(c.hour, 3);
      }
    }
  }
}

// The rules are plain C++ in core/riga_time; ICU's zone data is the independent witness.
// Every offset change ICU knows from 1900 to 2100 must happen at the same second, and twice a
// day in between the offsets must agree (that catches a change ICU does not have).
TEST_F(I18nRigaTime, AgreesWithIcuFrom1900To2100) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("Europe/Riga"));
  auto* basic = dynamic_cast<icu::BasicTimeZone*>(zone.get());
  ASSERT_NE(basic, nullptr);
  auto icu_offset = [&](SysTime t) {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    zone->getOffset(static_cast<UDate>(t.time_since_epoch().count()) * 1000.0, false, raw, dst,
                    status);
    EXPECT_TRUE(U_SUCCESS(status));
    return std::chrono::seconds{(raw + dst) / 1000};
  };
  const SysTime start = Utc(1900, 1, 1, 0, 0), end = Utc(2100, 12, 31, 0, 0);
  int changes = 0;
  icu::TimeZoneTransition transition;
  for (UDate u = static_cast<UDate>(start.time_since_epoch().count()) * 1000.0;
       basic->getNextTransition(u, false, transition);) {
    u = transition.getTime();
    const SysTime t{std::chrono::seconds{static_cast<int64_t>(u / 1000)}};
    if (t >= end) break;
    ++changes;
    EXPECT_EQ(RigaUtcOffset(t), icu_offset(t)) << t.time_since_epoch().count();
    EXPECT_EQ(RigaUtcOffset(t - std::chrono::seconds{1}), icu_offset(t - std::chrono::seconds{1}))
        << t.time_since_epoch().count();
  }
  EXPECT_GT(changes, 250);  // two a year since 1981, and the history before
  for (SysTime t = start + minutes{30}; t < end; t += hours{12}) {
    ASSERT_EQ(RigaUtcOffset(t), icu_offset(t)) << t.time_since_epoch().count();
  }
}

}  // namespace
}  // namespace tilti::web::i18n
