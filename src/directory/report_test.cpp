#include "directory/report.h"

#include <gtest/gtest.h>

namespace tilti::directory {
namespace {

std::vector<std::string> Keys(const Result<Report>& r) {
  std::vector<std::string> out;
  for (const auto& f : r.error().fields) out.push_back(f.field + ":" + f.message_key);
  return out;
}

TEST(ValidateReport, AcceptsATopicAndAMessageAndTrimsIt) {
  auto r = ValidateReport({"hours", "  Sestdienās slēgts kopš oktobra.\n"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().topic, "hours");
  EXPECT_EQ(r.value().message, "Sestdienās slēgts kopš oktobra.");
}

TEST(ValidateReport, EmptyFormNamesBothFieldsInFormOrder) {
  auto r = ValidateReport({"", "   "});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Keys(r), (std::vector<std::string>{"topic:report.error.topic_missing",
                                               "message:report.error.message_missing"}));
}

TEST(ValidateReport, UnknownTopicIsLikeNone) {
  EXPECT_EQ(Keys(ValidateReport({"<script>", "a long enough message"})),
            (std::vector<std::string>{"topic:report.error.topic_missing"}));
}

TEST(ValidateReport, LengthCountsCharactersNotBytes) {
  // Nine Cyrillic letters are 18 bytes but still too short; ten are enough.
  EXPECT_EQ(Keys(ValidateReport({"other", "Закрыто!!"})),
            (std::vector<std::string>{"message:report.error.message_too_short"}));
  EXPECT_TRUE(ValidateReport({"other", "Закрыто!!!"}).ok());
  EXPECT_TRUE(ValidateReport({"other", std::string(2000, 'a')}).ok());
  EXPECT_EQ(Keys(ValidateReport({"other", std::string(2001, 'a')})),
            (std::vector<std::string>{"message:report.error.message_too_long"}));
}

TEST(ValidateReport, InvalidUtf8IsRefused) {
  EXPECT_EQ(Keys(ValidateReport({"other", "abcdefghij\xff\xfe"})),
            (std::vector<std::string>{"message:report.error.message_invalid"}));
}

}  // namespace
}  // namespace tilti::directory
