#include "events/recurrence.h"

#include <gtest/gtest.h>

namespace tilti::events {
namespace {

using namespace std::chrono;

LocalStart At(int y, unsigned m, unsigned d, int hh, int mm) {
  return LocalStart{year_month_day{year{y}, month{m}, day{d}}, minutes{hh * 60 + mm}};
}

year_month_day D(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}; }

// The seed's children's session: every Friday 16:00–17:00 for 15 months.
Series FridaySessions() {
  Series s;
  s.first = At(2026, 1, 2, 16, 0);
  s.duration_minutes = 60;
  s.rrule = BuildRule(SimpleRule{"weekly", 1, {5}, D(2027, 3, 31), std::nullopt}, s, TimeZone());
  return s;
}

TEST(Recurrence, WeeklyRuleKeepsTheWallClockAcrossClockChanges) {
  const Series s = FridaySessions();
  EXPECT_EQ(s.rrule, "FREQ=WEEKLY;BYDAY=FR;UNTIL=20270331T205959Z");
  const auto occ = Materialise(s, {}, D(2026, 3, 20), D(2026, 4, 3), TimeZone());
  ASSERT_EQ(occ.size(), 3u);
  // 20 March: winter time (UTC+2); 27 March: still winter (the change is on 29 March);
  // 3 April: summer time (UTC+3). 16:00 on the wall clock each time.
  EXPECT_EQ(FormatRfc3339(occ[0].starts_at), "2026-03-20T14:00:00Z");
  EXPECT_EQ(FormatRfc3339(occ[1].starts_at), "2026-03-27T14:00:00Z");
  EXPECT_EQ(FormatRfc3339(occ[2].starts_at), "2026-04-03T13:00:00Z");
  EXPECT_EQ(FormatRfc3339(occ[2].ends_at), "2026-04-03T14:00:00Z");
  const auto autumn = Materialise(s, {}, D(2026, 10, 23), D(2026, 10, 30), TimeZone());
  ASSERT_EQ(autumn.size(), 2u);
  EXPECT_EQ(FormatRfc3339(autumn[0].starts_at), "2026-10-23T13:00:00Z");
  EXPECT_EQ(FormatRfc3339(autumn[1].starts_at), "2026-10-30T14:00:00Z");
}

TEST(Recurrence, UntilIsInclusiveOnTheWallClock) {
  const Series s = FridaySessions();
  const auto all = ExpandRule(s, D(2026, 1, 1), D(2030, 1, 1));
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.front(), At(2026, 1, 2, 16, 0));
  EXPECT_EQ(all.back(), At(2027, 3, 26, 16, 0));  // the last Friday before 31 March 2027
  EXPECT_EQ(all.size(), 65u);
}

TEST(Recurrence, ExceptionsCancelRemoveAndMove) {
  const Series s = FridaySessions();
  SeriesException cancelled{At(2026, 5, 1, 16, 0), ExceptionKind::kCancelled, "Holiday", {}, {}, 1, {}};
  SeriesException removed{At(2026, 5, 8, 16, 0), ExceptionKind::kRemoved, "", {}, {}, 1, {}};
  SeriesException moved{At(2026, 5, 15, 16, 0), ExceptionKind::kChanged, "", At(2026, 5, 14, 18, 30), 90, 1, {}};
  const auto occ = Materialise(s, {cancelled, removed, moved}, D(2026, 5, 1), D(2026, 5, 22), TimeZone());
  ASSERT_EQ(occ.size(), 3u);
  EXPECT_TRUE(occ[0].cancelled);
  EXPECT_EQ(occ[0].cancel_reason, "Holiday");
  EXPECT_EQ(occ[1].original, At(2026, 5, 15, 16, 0));
  EXPECT_EQ(occ[1].local, At(2026, 5, 14, 18, 30));
  EXPECT_EQ(FormatRfc3339(occ[1].starts_at), "2026-05-14T15:30:00Z");
  EXPECT_EQ(FormatRfc3339(occ[1].ends_at), "2026-05-14T17:00:00Z");
  EXPECT_EQ(occ[2].original, At(2026, 5, 22, 16, 0));
}

TEST(Recurrence, SingleDateAndSpringGap) {
  Series s;
  s.first = At(2026, 3, 29, 3, 30);  // in the gap: read with the winter offset (RFC 5545)
  const auto occ = Materialise(s, {}, D(2026, 3, 1), D(2026, 4, 1), TimeZone());
  ASSERT_EQ(occ.size(), 1u);
  EXPECT_EQ(FormatRfc3339(occ[0].starts_at), "2026-03-29T01:30:00Z");
  EXPECT_TRUE(Materialise(s, {}, D(2026, 4, 1), D(2026, 5, 1), TimeZone()).empty());
}

TEST(Recurrence, RulesRefused) {
  Series s;
  s.first = At(2026, 12, 1, 10, 0);
  s.rrule = "FREQ=SOMETIMES";
  EXPECT_EQ(CheckRule(s), RuleError::kMalformed);
  s.rrule = "FREQ=HOURLY";
  EXPECT_EQ(CheckRule(s), RuleError::kTooFrequent);
  s.rrule = "FREQ=DAILY;BYHOUR=9";
  EXPECT_EQ(CheckRule(s), RuleError::kTimeParts);
  s.rrule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30";
  EXPECT_EQ(CheckRule(s), RuleError::kNoInstances);
  s.rrule = "FREQ=WEEKLY;BYDAY=TU;COUNT=4";
  EXPECT_EQ(CheckRule(s), std::nullopt);
  EXPECT_THROW(ExpandRule(Series{s.first, 60, "Europe/Riga", "FREQ=MINUTELY"}, D(2026, 1, 1), D(2027, 1, 1)),
               std::invalid_argument);
}

TEST(Recurrence, FirstInstanceIsTheRulesFirstDate) {
  Series s;
  s.first = At(2026, 11, 25, 16, 0);  // a Wednesday
  s.rrule = "FREQ=WEEKLY;BYDAY=FR;COUNT=3";
  EXPECT_EQ(FirstInstance(s), At(2026, 11, 27, 16, 0));
  s.rrule = "";
  EXPECT_EQ(FirstInstance(s), s.first);
}

TEST(Recurrence, BuildRuleForTheFormChoices) {
  Series s;
  s.first = At(2026, 12, 8, 17, 0);  // the second Tuesday of December 2026
  EXPECT_EQ(BuildRule(SimpleRule{"monthly-weekday", 1, {}, {}, 10}, s, TimeZone()),
            "FREQ=MONTHLY;BYDAY=2TU;COUNT=10");
  EXPECT_EQ(BuildRule(SimpleRule{"monthly", 2, {}, {}, {}}, s, TimeZone()),
            "FREQ=MONTHLY;BYMONTHDAY=8;INTERVAL=2");
  EXPECT_EQ(BuildRule(SimpleRule{"daily", 1, {}, D(2026, 12, 10), {}}, s, TimeZone()),
            "FREQ=DAILY;UNTIL=20261210T215959Z");
  EXPECT_EQ(BuildRule(SimpleRule{"weekly", 1, {4, 2, 2}, {}, 6}, s, TimeZone()),
            "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6");
  EXPECT_EQ(BuildRule(SimpleRule{}, s, TimeZone()), "");
  s.first = At(2026, 12, 29, 17, 0);  // the fifth Tuesday: "the last Tuesday"
  EXPECT_EQ(BuildRule(SimpleRule{"monthly-weekday", 1, {}, {}, {}}, s, TimeZone()),
            "FREQ=MONTHLY;BYDAY=-1TU");
}

}  // namespace
}  // namespace tilti::events
