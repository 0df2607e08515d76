#include "events/event_rules.h"

#include <gtest/gtest.h>

#include "events/recurrence.h"

namespace tilti::events {
namespace {

using namespace std::chrono;

EventContext Context() {
  EventContext c;
  c.categories = {{"conversation-club", "cat-1"}, {"training", "cat-2"}};
  c.audiences = {{"seniors", "aud-1"}, {"families", "aud-2"}};
  c.languages = {"lv", "ru", "uk", "en"};
  c.has_location = true;
  return c;
}

EventInput Valid() {
  EventInput in;
  in.title = " Latviešu sarunu klubs ";
  in.category = "conversation-club";
  in.audiences = {"seniors"};
  in.languages = {"lv"};
  in.interpreted = {"uk"};
  in.on_site = "1";
  in.registration = "open";
  in.capacity = "12";
  in.date = "4.12.2026";
  in.start_time = "16:00";
  in.end_time = "17:30";
  return in;
}

std::vector<std::string> Keys(const Result<EventDraft>& r) {
  std::vector<std::string> keys;
  for (const auto& f : r.error().fields) keys.push_back(f.field + ":" + f.message_key);
  return keys;
}

TEST(EventRules, ASingleDateTypedTheLatvianWay) {
  auto r = ValidateEvent(Valid(), Context());
  ASSERT_TRUE(r.ok());
  const EventDraft& d = r.value();
  EXPECT_EQ(d.title, "Latviešu sarunu klubs");
  EXPECT_EQ(d.category_id, "cat-1");
  EXPECT_EQ(d.audience_ids, std::vector<std::string>{"aud-1"});
  EXPECT_EQ(d.series.first.date, (year_month_day{2026y, December, 4d}));
  EXPECT_EQ(d.series.first.time, minutes{16 * 60});
  EXPECT_EQ(d.series.duration_minutes, 90);
  EXPECT_EQ(d.series.rrule, "");
  EXPECT_EQ(d.capacity, 12);
  EXPECT_EQ(d.registration, RegistrationMode::kOpen);
}

TEST(EventRules, TypedDates) {
  EXPECT_EQ(ParseTypedDate("2026-12-04"), (year_month_day{2026y, December, 4d}));
  EXPECT_EQ(ParseTypedDate("04.12.2026."), (year_month_day{2026y, December, 4d}));
  EXPECT_EQ(ParseTypedDate(" 4.12.2026 "), (year_month_day{2026y, December, 4d}));
  for (const char* bad : {"31.2.2026", "4.12.26", "2026-13-01", "tomorrow", "4.12.2026x", ""}) {
    EXPECT_FALSE(ParseTypedDate(bad)) << bad;
  }
}

TEST(EventRules, TheSeedsFridaySessionsForFifteenMonths) {
  // Seed 003: every Friday 16:00–17:00 for 15 months.
  auto in = Valid();
  in.date = "2.1.2026";
  in.end_time = "17:00";
  in.repeat = "weekly";
  in.weekdays = {"5"};
  in.ends = "until";
  in.until = "2.4.2027";
  auto r = ValidateEvent(in, Context());
  ASSERT_TRUE(r.ok()) << Keys(r).front();
  EXPECT_EQ(r.value().series.rrule, "FREQ=WEEKLY;BYDAY=FR;UNTIL=20270402T205959Z");
  EXPECT_EQ(r.value().series.duration_minutes, 60);
  const auto dates = ExpandRule(r.value().series, year_month_day{2026y, January, 1d},
                                year_month_day{2027y, December, 31d});
  EXPECT_EQ(dates.size(), 66u);  // the Fridays from 2 January 2026 to 2 April 2027
}

TEST(EventRules, MonthlyOnTheSecondTuesdayEveryTwoMonthsTenTimes) {
  auto in = Valid();
  in.date = "2026-12-08";  // the second Tuesday
  in.repeat = "monthly-weekday";
  in.interval = "2";
  in.ends = "count";
  in.count = "10";
  auto r = ValidateEvent(in, Context());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().series.rrule, "FREQ=MONTHLY;BYDAY=2TU;INTERVAL=2;COUNT=10");
  // And back into the form's choices.
  const EventInput back = InputOf(r.value(), Context().categories, Context().audiences);
  EXPECT_EQ(back.repeat, "monthly-weekday");
  EXPECT_EQ(back.interval, "2");
  EXPECT_EQ(back.ends, "count");
  EXPECT_EQ(back.count, "10");
  EXPECT_EQ(back.category, "conversation-club");
  EXPECT_EQ(back.end_time, "17:30");
}

TEST(EventRules, WeeklyUntilReadsBackTheSameDate) {
  auto in = Valid();
  in.repeat = "weekly";
  in.weekdays = {"2", "5"};
  in.ends = "until";
  in.until = "2027-06-30";
  auto r = ValidateEvent(in, Context());
  ASSERT_TRUE(r.ok());
  const EventInput back = InputOf(r.value(), Context().categories, Context().audiences);
  EXPECT_EQ(back.weekdays, (std::vector<std::string>{"2", "5"}));
  EXPECT_EQ(back.until, "2027-06-30");
}

TEST(EventRules, ACustomRuleIsKept) {
  EventDraft d = ValidateEvent(Valid(), Context()).value();
  d.series.rrule = "FREQ=YEARLY;BYMONTH=12";
  EventInput back = InputOf(d, Context().categories, Context().audiences);
  EXPECT_EQ(back.repeat, "custom");
  auto again = ValidateEvent(back, Context());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().series.rrule, "FREQ=YEARLY;BYMONTH=12");
}

TEST(EventRules, EveryProblemNamedInFormOrder) {
  EventInput in;
  in.title = "";
  in.category = "nope";
  in.audiences = {"aliens"};
  in.on_site = "";
  in.online_url = "http://insecure.example";
  in.languages = {"xx"};
  in.age_min = "10";
  in.age_max = "5";
  in.registration = "open";
  in.date = "31.02.2026";
  in.start_time = "25:00";
  in.end_time = "10:00";
  auto r = ValidateEvent(in, Context());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Keys(r), (std::vector<std::string>{
                         "title:event.error.title_missing", "category:event.error.category",
                         "audiences:event.error.choice", "online_url:event.error.online_url",
                         "languages:event.error.choice",
                         "age_max:event.error.age_order", "capacity:event.error.capacity_needed",
                         "date:event.error.date", "start_time:event.error.time"}));
}

TEST(EventRules, TimesRepetitionAndLimits) {
  auto in = Valid();
  in.end_time = "15:00";
  EXPECT_EQ(Keys(ValidateEvent(in, Context())),
            std::vector<std::string>{"end_time:event.error.end_before_start"});
  in = Valid();
  in.repeat = "weekly";
  in.ends = "until";
  in.until = "1.11.2026";
  EXPECT_EQ(Keys(ValidateEvent(in, Context())),
            std::vector<std::string>{"until:event.error.until_before_start"});
  in.ends = "count";
  in.count = "501";
  EXPECT_EQ(Keys(ValidateEvent(in, Context())), std::vector<std::string>{"count:event.error.count"});
  in = Valid();
  in.repeat = "hourly";
  EXPECT_EQ(Keys(ValidateEvent(in, Context())), std::vector<std::string>{"repeat:event.error.choice"});
  in = Valid();
  in.capacity = "0";
  in.title = std::string(201, 'a');
  EXPECT_EQ(Keys(ValidateEvent(in, Context())),
            (std::vector<std::string>{"title:event.error.title_too_long", "capacity:event.error.capacity"}));
  in = Valid();
  in.on_site = "1";
  EventContext no_place = Context();
  no_place.has_location = false;
  EXPECT_EQ(Keys(ValidateEvent(in, no_place)), std::vector<std::string>{"on_site:event.error.no_location"});
  in.on_site = "";
  in.online_url = "https://meet.example/club";
  EXPECT_TRUE(ValidateEvent(in, no_place).ok()) << "online only needs no place";
}

}  // namespace
}  // namespace tilti::events
