#include "knowledge/training.h"

#include <gtest/gtest.h>

namespace tilti::knowledge {
namespace {

std::vector<std::string> Fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
  return out;
}

TEST(TrainingRules, LessonsAreOrderedByPositionThenByCreation) {
  const auto ordered = Ordered({{"c", 2, "2026-01-03"},
                                {"a", 1, "2026-01-05"},
                                {"b", 2, "2026-01-01"},
                                {"d", 10, "2026-01-01"}});
  EXPECT_EQ(ordered, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(NextOf(ordered, "a"), "b");
  EXPECT_EQ(NextOf(ordered, "d"), std::nullopt);
  EXPECT_EQ(NextOf(ordered, "x"), std::nullopt);
  EXPECT_EQ(PreviousOf(ordered, "b"), "a");
  EXPECT_EQ(PreviousOf(ordered, "a"), std::nullopt);
}

TEST(TrainingRules, ANewItemGoesLast) {
  EXPECT_EQ(NextPosition({}), 1);
  EXPECT_EQ(NextPosition({3, 1, 7}), 8);
  EXPECT_EQ(NextPosition({999}), 999);
}

QuestionKey One() { return {"q1", {"a", "b", "c"}, {"b"}}; }
QuestionKey Several() { return {"q2", {"x", "y", "z"}, {"x", "z"}}; }

TEST(TrainingRules, AnAnswerIsRightOnlyWithExactlyTheRightChoices) {
  EXPECT_FALSE(TakesSeveral(One()));
  EXPECT_TRUE(TakesSeveral(Several()));
  EXPECT_TRUE(IsRight(One(), {"b"}));
  EXPECT_FALSE(IsRight(One(), {"a"}));
  EXPECT_FALSE(IsRight(One(), {"a", "b"}));  // a forged form picking two
  EXPECT_FALSE(IsRight(One(), {}));
  EXPECT_TRUE(IsRight(Several(), {"x", "z"}));
  EXPECT_FALSE(IsRight(Several(), {"x"}));
  EXPECT_FALSE(IsRight(Several(), {"x", "y", "z"}));
  EXPECT_FALSE(IsRight({"q", {"a"}, {}}, {}));  // a question without a right choice never is
}

TEST(TrainingRules, CheckingALessonNamesEachQuestionAndDropsForeignChoices) {
  const auto check = CheckLesson({One(), Several()}, {{"q1", {"b", "x"}}, {"q3", {"a"}}});
  EXPECT_EQ(check.picked.at("q1"), (std::set<std::string>{"b"}));  // "x" is q2's
  EXPECT_TRUE(check.right.at("q1"));
  EXPECT_FALSE(check.right.at("q2"));
  EXPECT_EQ(check.unanswered, (std::vector<std::string>{"q2"}));
  EXPECT_FALSE(check.all_right);
  const auto good = CheckLesson({One(), Several()}, {{"q1", {"b"}}, {"q2", {"z", "x"}}});
  EXPECT_TRUE(good.all_right);
  EXPECT_TRUE(good.unanswered.empty());
  EXPECT_TRUE(CheckLesson({}, {}).all_right);  // a lesson without questions
}

TEST(TrainingRules, AModuleIsCompleteWhenEveryLessonIsDoneAndEveryAnswerRight) {
  auto p = ProgressOf({"l1", "l2"}, {"l1"}, {"q1", "q2"}, {"q1", "q2"});
  EXPECT_EQ(p.lessons_done, 1);
  EXPECT_FALSE(p.complete);
  p = ProgressOf({"l1", "l2"}, {"l1", "l2"}, {"q1", "q2"}, {"q1"});
  EXPECT_FALSE(p.complete) << "a question answered wrong since";
  p = ProgressOf({"l1", "l2"}, {"l1", "l2", "other"}, {"q1", "q2"}, {"q1", "q2", "q9"});
  EXPECT_TRUE(p.complete);
  EXPECT_EQ(p.questions_right, 2);
  EXPECT_FALSE(ProgressOf({}, {}, {}, {}).complete) << "an empty module is never complete";
  EXPECT_EQ(FirstNotDone({"l1", "l2", "l3"}, {"l1", "l3"}), "l2");
  EXPECT_EQ(FirstNotDone({"l1"}, {"l1"}), std::nullopt);
}

TEST(TrainingRules, ALessonWithAQuestionAddedSinceIsOpenAgain) {
  const std::map<std::string, std::vector<std::string>> questions{{"l1", {"q1"}},
                                                                  {"l2", {"q2", "q3"}}};
  EXPECT_EQ(LessonsDone({"l1", "l2", "l3"}, questions, {"q1", "q2"}),
            (std::set<std::string>{"l1", "l3"}));  // q3 is new; l3 has no questions
  EXPECT_EQ(LessonsDone({"l1"}, questions, {"q1", "q2", "q3"}), (std::set<std::string>{"l1"}))
      << "answers alone never make a lesson done";
}

TEST(TrainingRules, EveryMistakeOfAModuleIsNamed) {
  auto ok = CheckModule({" hakatoni ", "  Hakatonu organizēšana ", "", "2", true});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().slug, "hakatoni");
  EXPECT_EQ(ok.value().title, "Hakatonu organizēšana");
  EXPECT_EQ(ok.value().position, 2);
  auto bad = CheckModule({"Hakatoni!", " ", std::string(2001, 's'), "0", true});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(Fields(bad.error()),
            (std::vector<std::string>{
                "slug:training.error.slug", "title:training.error.title_missing",
                "summary:training.error.summary_too_long", "position:training.error.position"}));
  // Editing keeps the slug: it is not checked.
  EXPECT_TRUE(CheckModule({"", "Nosaukums", "", "", false}).ok());
  // 200 characters of Cyrillic are within the limit: characters count, not bytes.
  std::string cyrillic;
  for (int i = 0; i < 200; ++i) cyrillic += "ж";
  EXPECT_TRUE(CheckModule({"x", cyrillic, "", "", true}).ok());
  EXPECT_FALSE(CheckModule({"x", cyrillic + "ж", "", "", true}).ok());
  for (const char* p : {"1.5", "-1", "1000", "divi", "3 "}) {
    auto r = CheckModule({"x", "T", "", p, true});
    EXPECT_EQ(r.ok(), std::string(p) == "3 ") << p;
  }
}

TEST(TrainingRules, ALessonNeedsATitleAndABody) {
  auto ok = CheckLessonForm({"Kas ir hakatons", "  Hakatons ir...\n\n- punkts\n", ""});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().body, "Hakatons ir...\n\n- punkts");
  EXPECT_EQ(ok.value().position, std::nullopt);
  auto bad = CheckLessonForm({std::string(201, 't'), " \n ", "x"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(Fields(bad.error()), (std::vector<std::string>{"title:training.error.title_too_long",
                                                           "body:training.error.body_missing",
                                                           "position:training.error.position"}));
  auto long_body = CheckLessonForm({"T", std::string(50001, 'b'), ""});
  ASSERT_FALSE(long_body.ok());
  EXPECT_EQ(Fields(long_body.error()),
            (std::vector<std::string>{"body:training.error.body_too_long"}));
}

TEST(TrainingRules, AQuestionNeedsTwoChoicesAndARightOne) {
  QuestionForm form{
      " Cik hakatonu notika? ",
      "",
      {{"5", "Pareizi.", true}, {" 3 ", "", false}, {"", "", false}, {"", "", false}}};
  auto ok = CheckQuestionForm(form);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().prompt, "Cik hakatonu notika?");
  ASSERT_EQ(ok.value().choices.size(), 2u) << "empty rows are dropped";
  EXPECT_EQ(ok.value().choices[1].label, "3");

  auto none_right = CheckQuestionForm({"Q", "", {{"a", "", false}, {"b", "", false}}});
  ASSERT_FALSE(none_right.ok());
  EXPECT_EQ(Fields(none_right.error()),
            (std::vector<std::string>{"choices.0.right:training.error.no_right_choice"}));
  auto one = CheckQuestionForm({"Q", "", {{"", "", false}, {"a", "", true}}});
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(Fields(one.error()),
            (std::vector<std::string>{"choices.0.label:training.error.too_few_choices"}));
  // Rows are named as they were sent: row 2 has feedback but no label.
  auto rows = CheckQuestionForm(
      {"", "1000", {{"a", "", true}, {"b", std::string(1001, 'f'), false}, {"", "Labi", true}}});
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(Fields(rows.error()),
            (std::vector<std::string>{"prompt:training.error.prompt_missing",
                                      "position:training.error.position",
                                      "choices.1.feedback:training.error.feedback_too_long",
                                      "choices.2.label:training.error.choice_label_missing"}));
}

}  // namespace
}  // namespace tilti::knowledge
