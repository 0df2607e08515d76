#include "bookings/resource_rules.h"

#include <gtest/gtest.h>

namespace tilti::bookings {
namespace {

ResourceInput Typical() {
  ResourceInput in;
  in.kind = "room";
  in.name = "  Sensorā lasītava ";
  in.what_to_expect = "Jūs sagaida bibliotekārs.\nTelpu izvēdina.";
  in.capacity = "3";
  in.slot_minutes = "45";
  in.buffer_minutes = "15";
  in.book_ahead_days = "28";
  in.min_notice_minutes = "120";
  in.hours[1] = "11:00–13:00, 14:00-17:00";  // Tuesday, an en dash and a hyphen
  in.quiet[3] = "13:00–14:00";               // Thursday
  in.languages = {"lv", "ru"};
  in.features = {"quiet-space"};
  return in;
}

const ResourceContext kContext{{{"quiet-space", "t-quiet"}, {"parking", "t-parking"}}, {"lv", "ru", "uk", "en"}};

TEST(ResourceRules, ATypicalFormBecomesADraft) {
  auto d = ValidateResource(Typical(), kContext);
  ASSERT_TRUE(d.ok()) << d.error().fields.front().field;
  EXPECT_EQ(d.value().name, "Sensorā lasītava");
  EXPECT_EQ(d.value().capacity, 3);
  EXPECT_EQ(d.value().rules.buffer_minutes, 15);
  ASSERT_EQ(d.value().periods.size(), 3u);
  EXPECT_EQ(d.value().periods[0].weekday, 2);
  EXPECT_EQ(d.value().periods[1].opens_min, 14 * 60);
  EXPECT_TRUE(d.value().periods[2].quiet);
  EXPECT_EQ(d.value().feature_ids, std::vector<std::string>{"t-quiet"});
  // And back into the form as it would be shown.
  const ResourceInput back = InputOf(d.value(), {{"t-quiet", "quiet-space"}});
  EXPECT_EQ(back.hours[1], "11:00–13:00, 14:00–17:00");
  EXPECT_EQ(back.quiet[3], "13:00–14:00");
  EXPECT_EQ(back.hours[0], "");
  EXPECT_EQ(back.features, std::vector<std::string>{"quiet-space"});
}

TEST(ResourceRules, EveryMistakeIsNamedWithItsField) {
  ResourceInput in = Typical();
  in.kind = "sauna";
  in.name = " ";
  in.capacity = "0";
  in.slot_minutes = "forty";
  in.hours[0] = "18:00–10:00";
  in.quiet[6] = "10:00–12:00, 11:00–13:00";
  in.languages = {"xx"};
  in.features = {"lift"};
  auto d = ValidateResource(in, kContext);
  ASSERT_FALSE(d.ok());
  std::vector<std::string> got;
  for (const auto& e : d.error().fields) got.push_back(e.field + ":" + e.message_key);
  EXPECT_EQ(got, (std::vector<std::string>{
                     "kind:bookings.error.kind", "name:bookings.error.name_missing",
                     "capacity:bookings.error.capacity", "slot_minutes:bookings.error.number",
                     "hours-1:bookings.error.ranges", "quiet-7:bookings.error.ranges",
                     "languages:bookings.error.language", "features:bookings.error.feature"}));
  // Numbers out of range are said by the rules.
  in = Typical();
  in.book_ahead_days = "400";
  auto far = ValidateResource(in, kContext);
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().fields.at(0).message_key, "bookings.error.book_ahead_days");
}

TEST(ResourceRules, DayRangesAreReadForgivinglyButNeverGuessed) {
  EXPECT_EQ(ParseDayRanges("", 1, false)->size(), 0u);
  EXPECT_EQ(ParseDayRanges(" 09:00 - 12:00 ; 13:00-24:00 ", 1, false)->size(), 2u);
  EXPECT_FALSE(ParseDayRanges("9-12", 1, false));
  EXPECT_FALSE(ParseDayRanges("10:00", 1, false));
  EXPECT_FALSE(ParseDayRanges("10:00–10:00", 1, false));
}

}  // namespace
}  // namespace tilti::bookings
