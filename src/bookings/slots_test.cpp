#include "bookings/slots.h"

#include <gtest/gtest.h>

#include "core/riga_time.h"

namespace tilti::bookings {
namespace {

using namespace std::chrono;
using directory::DayHours;
using directory::TimeRange;

DayHours Open(int weekday, std::vector<TimeRange> periods) {
  DayHours d;
  d.date = 2026y / December / 7;
  d.weekday = weekday;
  d.periods = std::move(periods);
  d.closed = d.periods.empty();
  return d;
}

TEST(Slots, FollowTheLibraryHoursWhenTheResourceHasNoneOfItsOwn) {
  EXPECT_EQ(BookableRanges(Open(1, {{600, 1080}}), {}), (std::vector<TimeRange>{{600, 1080}}));
  EXPECT_TRUE(BookableRanges(Open(1, {}), {}).empty()) << "a closed day (holiday, exception) has none";
}

TEST(Slots, OwnHoursNarrowTheLibraryHoursAndQuietHoursAreCutOut) {
  const std::vector<ResourcePeriod> periods = {
      {1, 540, 840, false},   // Monday 09:00–14:00 (the library opens at 10:00)
      {1, 900, 1200, false},  // Monday 15:00–20:00 (the library closes at 18:00)
      {1, 720, 780, true},    // quiet 12:00–13:00
      {2, 600, 700, false}};  // another weekday: not used on Monday
  EXPECT_EQ(BookableRanges(Open(1, {{600, 1080}}), periods),
            (std::vector<TimeRange>{{600, 720}, {780, 840}, {900, 1080}}));
  // Own hours on other weekdays only: Monday has none.
  EXPECT_TRUE(BookableRanges(Open(1, {{600, 1080}}), {{2, 600, 700, false}}).empty());
  // Quiet hours alone cut the library's hours.
  EXPECT_EQ(BookableRanges(Open(1, {{600, 1080}}), {{1, 600, 660, true}}),
            (std::vector<TimeRange>{{660, 1080}}));
}

TEST(Slots, AreLaidWithTheBufferAndEndByTheRangesEnd) {
  const TimeZone riga;
  const SlotRules rules{45, 15, 28, 60};  // 45 minutes, then 15 to air the room
  const auto slots = LaySlots(2026y / December / 7, {{600, 780}, {840, 900}}, rules, riga);
  std::vector<std::pair<int, int>> times;
  for (const Slot& s : slots) times.emplace_back(s.starts_min, s.ends_min);
  EXPECT_EQ(times, (std::vector<std::pair<int, int>>{{600, 645}, {660, 705}, {720, 765}, {840, 885}}));
  EXPECT_EQ(FormatRfc3339(slots[0].starts_at), "2026-12-07T08:00:00Z");
}

TEST(Slots, KeepTheWallClockAcrossTheClockChanges) {
  const TimeZone riga;
  const SlotRules rules{60, 0, 28, 0};
  // 29 March 2026 (summer time starts) and 25 October 2026 (it ends): 10:00 is 10:00 by the clock.
  const auto spring = LaySlots(2026y / March / 29, {{600, 720}}, rules, riga);
  EXPECT_EQ(FormatRfc3339(spring[0].starts_at), "2026-03-29T07:00:00Z");
  const auto autumn = LaySlots(2026y / October / 25, {{600, 720}}, rules, riga);
  EXPECT_EQ(FormatRfc3339(autumn[0].starts_at), "2026-10-25T08:00:00Z");
  EXPECT_EQ(autumn.size(), 2u);
}

TEST(Slots, TheBookingWindowHasAMinimumNoticeAndALastDay) {
  const TimeZone riga;
  const SlotRules rules{60, 0, 7, 120};
  const SysTime now = FromRiga(2026, 12, 7, 9, 30);
  const auto today = LaySlots(2026y / December / 7, {{600, 780}}, rules, riga);
  EXPECT_FALSE(WithinBookingWindow(today[0], rules, riga, now)) << "10:00 is within two hours";
  EXPECT_FALSE(WithinBookingWindow(today[1], rules, riga, now)) << "11:00 too: 11:30 is the earliest start";
  EXPECT_TRUE(WithinBookingWindow(today[2], rules, riga, now));
  const auto last = LaySlots(2026y / December / 14, {{600, 660}}, rules, riga);
  EXPECT_TRUE(WithinBookingWindow(last[0], rules, riga, now));
  const auto beyond = LaySlots(2026y / December / 15, {{600, 660}}, rules, riga);
  EXPECT_FALSE(WithinBookingWindow(beyond[0], rules, riga, now));
  EXPECT_EQ(BookableDates(rules, riga, now).size(), 8u);
  EXPECT_EQ(BookableDates(rules, riga, now).front(), 2026y / December / 7);
}

TEST(Slots, OverlapIsHalfOpen) {
  const TimeZone riga;
  const auto slots = LaySlots(2026y / December / 7, {{600, 720}}, {60, 0, 7, 0}, riga);
  const Busy block{FromRiga(2026, 12, 7, 11, 0), FromRiga(2026, 12, 7, 11, 30)};
  EXPECT_FALSE(Overlaps(slots[0], block)) << "10:00–11:00 ends as the block starts";
  EXPECT_TRUE(Overlaps(slots[1], block));
}

TEST(Slots, RulesAreCheckedWithMessages) {
  EXPECT_TRUE(ValidateRules({60, 15, 28, 60}, {{1, 600, 700, false}}).ok());
  const Status bad = ValidateRules({5, 300, 0, -1}, {{8, 600, 700, false}, {1, 700, 600, true}});
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> keys;
  for (const auto& f : bad.error().fields) keys.push_back(f.field + ":" + f.message_key);
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "slot_minutes:bookings.error.slot_minutes",
                      "buffer_minutes:bookings.error.buffer_minutes",
                      "book_ahead_days:bookings.error.book_ahead_days",
                      "min_notice_minutes:bookings.error.min_notice",
                      "periods.0.closes_at:bookings.error.period",
                      "periods.1.closes_at:bookings.error.period"}));
  EXPECT_EQ(ParseResourceKind("room"), ResourceKind::kRoom);
  EXPECT_EQ(ResourceKindName(ResourceKind::kInterpreterSession), "interpreter_session");
  EXPECT_FALSE(ParseResourceKind("sauna"));
}

}  // namespace
}  // namespace tilti::bookings
