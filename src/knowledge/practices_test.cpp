#include "knowledge/practices.h"

#include <gtest/gtest.h>

namespace tilti::knowledge {
namespace {

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  if (s.ok()) return out;
  for (const auto& f : s.error().fields) out.push_back(f.field + ":" + f.message_key);
  return out;
}

PracticeForm Good() {
  PracticeForm f;
  f.category = "children-families";
  f.title = "Nāc, pievienojies!";
  f.problem = "Bērniem no sociālā riska ģimenēm trūkst vietas, kur mācīties un spēlēties.";
  f.what_done = "Nodarbības katru piektdienu.";
  f.organization_id = "org-1";
  f.country = "LV";
  return f;
}

TEST(PracticeChecks, AGoodPracticePasses) {
  EXPECT_TRUE(CheckPractice(Good()).ok());
  PracticeForm abroad = Good();
  abroad.organization_id = "";
  abroad.library_name = "Rokiškio rajono savivaldybės Juozo Keliuočio viešoji biblioteka";
  abroad.country = "LT";
  EXPECT_TRUE(CheckPractice(abroad).ok());
}

TEST(PracticeChecks, EveryMistakeIsNamedInTheFormsOrder) {
  PracticeForm f;
  f.title = " ";
  f.category = "cooking";
  f.country = "US";
  f.problem = "\n";
  EXPECT_EQ(Fields(CheckPractice(f)),
            (std::vector<std::string>{"title:practices.error.title_missing", "category:practices.error.category",
                                      "organization:practices.error.library", "country:practices.error.country",
                                      "problem:practices.error.problem_missing",
                                      "what_done:practices.error.what_done_missing"}));
}

TEST(PracticeChecks, LimitsCountCharactersNotBytes) {
  PracticeForm f = Good();
  std::string title;
  for (int i = 0; i < 200; ++i) title += "ž";
  f.title = title;
  EXPECT_TRUE(CheckPractice(f).ok());
  f.title += "ž";
  f.cost = std::string(1001, 'x');
  f.watch_out = std::string(20001, 'x');
  EXPECT_EQ(Fields(CheckPractice(f)),
            (std::vector<std::string>{"title:practices.error.too_long_200", "cost:practices.error.too_long_1000",
                                      "watch_out:practices.error.too_long_20000"}));
  // A chosen library makes a typed name unused: its length is not checked.
  f = Good();
  f.library_name = std::string(5000, 'x');
  EXPECT_TRUE(CheckPractice(f).ok());
}

TEST(PracticeChecks, ReviewsNeedADecisionAndReturnsANote) {
  EXPECT_TRUE(CheckReview("publish", "").ok());
  EXPECT_EQ(Fields(CheckReview("return", "  ")), (std::vector<std::string>{"note:practices.error.note_missing"}));
  EXPECT_EQ(Fields(CheckReview("unpublish", "")), (std::vector<std::string>{"note:practices.error.note_missing"}));
  EXPECT_TRUE(CheckReview("return", "Lūdzu, pievienojiet izmaksas.").ok());
  EXPECT_EQ(Fields(CheckReview("delete", "")), (std::vector<std::string>{"decision:practices.error.decision"}));
  EXPECT_EQ(StateAfter("publish"), kPublished);
  EXPECT_EQ(StateAfter("return"), kReturned);
  EXPECT_EQ(StateAfter("unpublish"), kReturned);
}

TEST(PracticeChecks, TheListsAreClosed) {
  EXPECT_TRUE(IsPracticeCategory("digital-skills"));
  EXPECT_FALSE(IsPracticeCategory("Digital-skills"));
  EXPECT_TRUE(IsPracticeCountry("UA"));
  EXPECT_FALSE(IsPracticeCountry("lv"));
  EXPECT_FALSE(IsPracticeCountry(""));
}

}  // namespace
}  // namespace tilti::knowledge
