#include "store/training_store.h"

#include <gtest/gtest.h>

#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

constexpr const char* kNow = "2026-11-30T08:00:00Z";

class TrainingStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = std::make_unique<DemoDatabaseForTests>(); }
  static void TearDownTestSuite() { demo_.reset(); }
  Database& db() { return demo_->db(); }
  std::string One(const std::string& sql) {
    auto lease = db().Read();
    Statement st = lease->Prepare(sql);
    return st.Step() ? st.Text(0) : "";
  }
  // An account of its own for each test, so that progress never leaks between tests.
  std::string Account(const std::string& key) {
    const std::string id = "acc-" + key;
    db().Write([&](Connection& c) {
      Statement st = c.Prepare(
          "INSERT INTO account (id, email, display_name, role, password_hash, created_at, "
          "updated_at, password_changed_at) VALUES (?1, ?2, 'Test', 'librarian', 'x', ?3, ?3, ?3)");
      st.Bind(1, id).Bind(2, key + "@example.lv").Bind(3, kNow).Run();
    });
    return id;
  }
  static inline std::unique_ptr<DemoDatabaseForTests> demo_;
};

// The right choices of every question of a lesson, as a form would send them.
std::map<std::string, std::vector<std::string>> RightAnswers(const TrainingLessonDetail& l) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& q : l.questions) {
    for (const auto& ch : q.choices) {
      if (ch.right) out[q.id].push_back(ch.id);
    }
  }
  return out;
}

TEST_F(TrainingStore, TheDemoHasTheFourModulesOfSeed004InOrder) {
  const auto modules = TrainingModules(*db().Read(), "nobody", {"lv"});
  ASSERT_EQ(modules.size(), 4u);
  EXPECT_EQ(modules[0].slug, "partneribas-rokasgramata");
  EXPECT_EQ(modules[2].title.text, "Hakatonu organizēšana");
  EXPECT_EQ(modules[2].title.locale, "lv");
  for (const auto& m : modules) {
    EXPECT_TRUE(m.is_sample) << m.slug;
    EXPECT_EQ(m.progress.lessons_done, 0);
    EXPECT_GE(m.progress.lessons, 2);
    EXPECT_FALSE(m.progress.complete);
  }
  // English titles are the team's translation; a Ukrainian reader gets Ukrainian.
  const auto en = TrainingModules(*db().Read(), "nobody", {"en", "lv"});
  EXPECT_EQ(en[2].title.text, "How to organise a hackathon");
  const auto uk = TrainingModules(*db().Read(), "nobody", {"uk", "en", "lv"});
  EXPECT_EQ(uk[2].title.locale, "uk");
}

TEST_F(TrainingStore, ALessonBodyWithoutATranslationFallsBackAlongTheChain) {
  auto m = LoadTrainingModule(*db().Read(), "hakatonu-organizesana", "nobody", {"ru", "en", "lv"});
  ASSERT_TRUE(m.has_value());
  ASSERT_EQ(m->lessons.size(), 2u);
  auto l = LoadTrainingLesson(*db().Read(), m->id, m->lessons[0].id, {"ru", "en", "lv"});
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->title.locale, "ru");
  EXPECT_EQ(l->body.locale, "en") << "Russian body not written: English, marked as such";
  EXPECT_NE(l->body.text.find("124 participants"), std::string::npos);
  EXPECT_EQ(l->source_locale, "lv");
  EXPECT_NE(l->source_body.find("124 dalībnieki"), std::string::npos);
  ASSERT_EQ(l->questions.size(), 2u);
  EXPECT_EQ(l->questions[0].choices.size(), 3u);
  // Another module's lesson is not found through this module.
  auto other = LoadTrainingModule(*db().Read(), "partneribas-rokasgramata", "nobody", {"lv"});
  EXPECT_FALSE(LoadTrainingLesson(*db().Read(), other->id, m->lessons[0].id, {"lv"}).has_value());
}

TEST_F(TrainingStore, AWrongAnswerIsKeptButMarksNothingDone) {
  const std::string me = Account("wrong");
  auto m = LoadTrainingModule(*db().Read(), "hakatonu-organizesana", me, {"lv"});
  auto l = LoadTrainingLesson(*db().Read(), m->id, m->lessons[0].id, {"lv"});
  auto answers = RightAnswers(*l);
  const auto& q0 = l->questions[0];
  answers[q0.id] = {q0.choices[0].id};  // "4" hackathons: wrong
  auto out = db().Write(
      [&](Connection& c) { return RecordLessonAnswers(c, me, m->id, l->id, answers, kNow); });
  ASSERT_TRUE(out.ok());
  EXPECT_FALSE(out.value().lesson_done);
  EXPECT_FALSE(out.value().check.right.at(q0.id));
  EXPECT_TRUE(out.value().check.right.at(l->questions[1].id));
  EXPECT_EQ(AnswersTo(*db().Read(), me, l->id).at(q0.id),
            (std::vector<std::string>{q0.choices[0].id}));
  EXPECT_EQ(One("SELECT count(*) FROM training_lesson_done WHERE account_id = '" + me + "'"), "0");
  EXPECT_EQ(One("SELECT count(*) FROM training_completion WHERE account_id = '" + me + "'"), "0");
}

TEST_F(TrainingStore, RightAnswersToEveryLessonCompleteTheModuleOnceAndOnlyForThatAccount) {
  const std::string me = Account("right");
  const std::string other = Account("other");
  auto m = LoadTrainingModule(*db().Read(), "vietejas-diagnostikas-izstrade", me, {"lv"});
  ASSERT_TRUE(m.has_value());
  ASSERT_EQ(m->lessons.size(), 2u);
  for (size_t i = 0; i < m->lessons.size(); ++i) {
    auto l = LoadTrainingLesson(*db().Read(), m->id, m->lessons[i].id, {"lv"});
    auto out = db().Write([&](Connection& c) {
      return RecordLessonAnswers(c, me, m->id, l->id, RightAnswers(*l), kNow);
    });
    ASSERT_TRUE(out.ok());
    EXPECT_TRUE(out.value().lesson_done);
    EXPECT_EQ(out.value().completed_now, i + 1 == m->lessons.size()) << i;
  }
  auto done = LoadTrainingModule(*db().Read(), m->slug, me, {"lv"});
  EXPECT_TRUE(done->progress.complete);
  EXPECT_EQ(done->completed_at, kNow);
  EXPECT_TRUE(done->lessons[0].done && done->lessons[1].done);
  // The other account has nothing.
  auto theirs = LoadTrainingModule(*db().Read(), m->slug, other, {"lv"});
  EXPECT_EQ(theirs->progress.lessons_done, 0);
  EXPECT_TRUE(theirs->completed_at.empty());
  // A later wrong answer undoes the lesson but never the certificate's date.
  auto l = LoadTrainingLesson(*db().Read(), m->id, m->lessons[1].id, {"lv"});
  std::map<std::string, std::vector<std::string>> wrong{
      {l->questions[0].id, {l->questions[0].choices[1].id}}};
  auto out = db().Write([&](Connection& c) {
    return RecordLessonAnswers(c, me, m->id, l->id, wrong, "2026-12-01T08:00:00Z");
  });
  EXPECT_FALSE(out.value().lesson_done);
  EXPECT_TRUE(out.value().module_completed);
  EXPECT_FALSE(out.value().completed_now);
  EXPECT_EQ(LoadTrainingModule(*db().Read(), m->slug, me, {"lv"})->completed_at, kNow);
}

TEST_F(TrainingStore, ChoicesOfAnotherQuestionNeverCount) {
  const std::string me = Account("forged");
  auto m = LoadTrainingModule(*db().Read(), "ietekme-un-ilgtspeja", me, {"lv"});
  auto l = LoadTrainingLesson(*db().Read(), m->id, m->lessons[1].id, {"lv"});
  ASSERT_EQ(l->questions.size(), 2u);
  // The right choice of question 2 sent as the answer to question 1.
  std::map<std::string, std::vector<std::string>> forged{
      {l->questions[0].id, {l->questions[1].choices[0].id}}};
  auto out = db().Write(
      [&](Connection& c) { return RecordLessonAnswers(c, me, m->id, l->id, forged, kNow); });
  EXPECT_FALSE(out.value().lesson_done);
  EXPECT_TRUE(AnswersTo(*db().Read(), me, l->id).empty()) << "nothing of the question's own";
  auto elsewhere = db().Write([&](Connection& c) {
    return RecordLessonAnswers(c, me, "no-such-module", l->id, forged, kNow);
  });
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
}

TEST_F(TrainingStore, CoordinatorsAddAModuleALessonAndAQuestion) {
  auto taken = db().Write([&](Connection& c) {
    return SaveTrainingModule(c, "", {"hakatonu-organizesana", "Cits", "", std::nullopt}, "en",
                              kNow);
  });
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().fields[0].message_key, "training.error.slug_taken");
  auto mid = db().Write([&](Connection& c) {
    return SaveTrainingModule(c, "", {"test-module", "Test module", "About", std::nullopt}, "en",
                              kNow);
  });
  ASSERT_TRUE(mid.ok());
  EXPECT_EQ(One("SELECT position FROM training_module WHERE slug = 'test-module'"), "5");
  auto lid = db().Write([&](Connection& c) {
    return SaveTrainingLesson(c, mid.value(), "", {"One", "Text **bold**", std::nullopt}, "en",
                              kNow);
  });
  ASSERT_TRUE(lid.ok());
  knowledge::QuestionValues q{"Which?", std::nullopt, {{"A", "Yes", true}, {"B", "No", false}}};
  auto qid = db().Write(
      [&](Connection& c) { return SaveTrainingQuestion(c, lid.value(), "", q, "en", kNow); });
  ASSERT_TRUE(qid.ok());
  auto l = LoadTrainingLesson(*db().Read(), mid.value(), lid.value(), {"lv", "en"});
  ASSERT_EQ(l->questions.size(), 1u);
  EXPECT_EQ(l->questions[0].prompt.text, "Which?");
  EXPECT_EQ(l->questions[0].prompt.locale, "en");
  const std::string first_choice = l->questions[0].choices[0].id;
  // Changing the question keeps the first choice's id, drops the extra row.
  q.choices = {{"A changed", "", true}};
  q.choices.push_back({"B", "", false});
  auto same = db().Write([&](Connection& c) {
    return SaveTrainingQuestion(c, lid.value(), qid.value(), q, "lv", kNow);
  });
  ASSERT_TRUE(same.ok());
  l = LoadTrainingLesson(*db().Read(), mid.value(), lid.value(), {"en"});
  EXPECT_EQ(l->questions[0].choices[0].id, first_choice);
  EXPECT_EQ(l->questions[0].choices[0].label.text, "A changed");
  EXPECT_EQ(l->questions[0].source_locale, "en") << "a change keeps the stored language";
  // A question of another lesson is not changed through this one.
  auto other_lesson =
      LoadTrainingModule(*db().Read(), "hakatonu-organizesana", "", {"lv"})->lessons[0].id;
  auto foreign = db().Write([&](Connection& c) {
    return SaveTrainingQuestion(c, other_lesson, qid.value(), q, "lv", kNow);
  });
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);
}

TEST_F(TrainingStore, AQuestionAddedToADoneLessonOpensItAgain) {
  const std::string me = Account("added");
  auto mid = db().Write([&](Connection& c) {
    return SaveTrainingModule(c, "", {"added-question", "T", "", std::nullopt}, "lv", kNow);
  });
  auto lid = db().Write([&](Connection& c) {
    return SaveTrainingLesson(c, mid.value(), "", {"L", "Teksts", std::nullopt}, "lv", kNow);
  });
  auto out = db().Write([&](Connection& c) {
    return RecordLessonAnswers(c, me, mid.value(), lid.value(), {}, kNow);
  });
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out.value().lesson_done) << "a lesson without questions is done when read";
  EXPECT_TRUE(out.value().completed_now);
  db().Write([&](Connection& c) {
    return SaveTrainingQuestion(
        c, lid.value(), "", {"Q", std::nullopt, {{"A", "", true}, {"B", "", false}}}, "lv", kNow);
  });
  auto m = LoadTrainingModule(*db().Read(), "added-question", me, {"lv"});
  EXPECT_FALSE(m->lessons[0].done) << "the new question is not answered yet";
  EXPECT_EQ(m->progress.lessons_done, 0);
  EXPECT_EQ(m->completed_at, kNow) << "the certificate stays";
}

TEST_F(TrainingStore, LoadingTheDemoAgainKeepsOneCopyAndEveryonesProgress) {
  const std::string me = Account("reload");
  auto m = LoadTrainingModule(*db().Read(), "partneribas-rokasgramata", me, {"lv"});
  auto l = LoadTrainingLesson(*db().Read(), m->id, m->lessons[0].id, {"lv"});
  db().Write([&](Connection& c) {
    return RecordLessonAnswers(c, me, m->id, l->id, RightAnswers(*l), kNow);
  });
  const std::string modules = One("SELECT count(*) FROM training_module WHERE is_sample = 1");
  const std::string choices = One("SELECT count(*) FROM training_choice");
  for (const auto& f : embedded::demo()) {
    if (f.path == "training.json") LoadSampleTraining(db(), f.bytes, "2026-12-01T00:00:00Z");
  }
  EXPECT_EQ(One("SELECT count(*) FROM training_module WHERE is_sample = 1"), modules);
  EXPECT_EQ(One("SELECT count(*) FROM training_choice"), choices);
  EXPECT_TRUE(LoadTrainingModule(*db().Read(), m->slug, me, {"lv"})->lessons[0].done);
}

}  // namespace
}  // namespace tilti::store
