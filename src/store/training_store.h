#pragma once
// Self-paced training for library staff (issue 8, migration 0020): modules, ordered lessons,
// check questions, and each account's progress. Texts come in the reader's locale chain
// (LocalizedText says which locale each one is in) and, for the coordinators' forms, as stored
// in their source locale. Progress is per account: no function here reads or writes another
// account's answers than the one it is given.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/localized_text.h"
#include "knowledge/training.h"
#include "store/sql.h"

namespace tilti::store {

struct TrainingModuleSummary {
  std::string id, slug;
  LocalizedText title, summary;
  bool is_sample = false;
  knowledge::ModuleProgress progress;  // the account's
  std::string completed_at;            // RFC 3339; "" when the account has not completed it
};
// Every module in order (position, then title), with `account_id`'s progress.
std::vector<TrainingModuleSummary> TrainingModules(Connection& c, std::string_view account_id,
                                                   const LocaleChain& chain);

struct TrainingLessonSummary {
  std::string id;
  LocalizedText title;
  int64_t position = 0;
  int64_t questions = 0;
  bool done = false;  // by the account
};
struct TrainingModuleDetail {
  std::string id, slug, source_locale;
  LocalizedText title, summary;
  std::string source_title, source_summary;  // as stored, in source_locale (edit forms)
  int64_t position = 0;
  bool is_sample = false;
  std::vector<TrainingLessonSummary> lessons;  // in order (knowledge::Ordered)
  knowledge::ModuleProgress progress;
  std::string completed_at;  // "" when not completed by the account
};
// The module with this slug and the account's progress in it; nullopt when there is none.
std::optional<TrainingModuleDetail> LoadTrainingModule(Connection& c, std::string_view slug,
                                                       std::string_view account_id,
                                                       const LocaleChain& chain);

struct TrainingChoiceView {
  std::string id;
  LocalizedText label, feedback;
  std::string source_label, source_feedback;
  bool right = false;
};
struct TrainingQuestionView {
  std::string id, source_locale, source_prompt;
  LocalizedText prompt;
  int64_t position = 0;
  std::vector<TrainingChoiceView> choices;  // in order
  knowledge::QuestionKey Key() const;
};
struct TrainingLessonDetail {
  std::string id, module_id, source_locale, source_title, source_body;
  LocalizedText title, body;
  int64_t position = 0;
  std::vector<TrainingQuestionView> questions;  // in order
};
// A lesson of the module with its questions; nullopt when there is none or it is another
// module's.
std::optional<TrainingLessonDetail> LoadTrainingLesson(Connection& c, std::string_view module_id,
                                                       std::string_view lesson_id,
                                                       const LocaleChain& chain);

// The account's last answers to the lesson's questions: question id -> picked choice ids.
std::map<std::string, std::vector<std::string>> AnswersTo(Connection& c,
                                                          std::string_view account_id,
                                                          std::string_view lesson_id);

struct LessonOutcome {
  knowledge::LessonCheck check;
  bool lesson_done = false;       // every question of the lesson answered right
  bool module_completed = false;  // the module is completed (now or before)
  bool completed_now = false;     // this answer completed it
};
// Checks `picked` (question id -> choice ids, as the form sent them) against the lesson's
// questions and keeps the account's answers to the questions it answered. When every question
// is right, the lesson is done (else it is not, even if it was); when then every lesson of the
// module is done and every question right, the module is completed as of `now` (once: a later
// wrong answer does not take a certificate away). Run inside a write transaction. kNotFound
// when the lesson is not the module's.
Result<LessonOutcome> RecordLessonAnswers(
    Connection& c, std::string_view account_id, std::string_view module_id,
    std::string_view lesson_id, const std::map<std::string, std::vector<std::string>>& picked,
    std::string_view now);

// ---- the coordinators' forms ----

// Writes a checked module: new when `id` is empty (last when no position is given; its texts
// in `source_locale`), else its title, summary and position (the slug never changes; texts stay
// in their stored source locale). Errors: kInvalidInput "slug" training.error.slug_taken when
// another module has the slug; kNotFound when `id` is no module. Nothing is written on error.
Result<std::string> SaveTrainingModule(Connection& c, std::string_view id,
                                       const knowledge::ModuleValues& values,
                                       std::string_view source_locale, std::string_view now);
// Writes a checked lesson of the module (new when `id` is empty). kNotFound when `id` is not
// one of the module's lessons.
Result<std::string> SaveTrainingLesson(Connection& c, std::string_view module_id,
                                       std::string_view id, const knowledge::LessonValues& values,
                                       std::string_view source_locale, std::string_view now);
// Writes a checked question of the lesson with its choices (new when `id` is empty). A changed
// question keeps the ids of its choices row by row, so answers already given stay meaningful.
// kNotFound when `id` is not one of the lesson's questions.
Result<std::string> SaveTrainingQuestion(Connection& c, std::string_view lesson_id,
                                         std::string_view id,
                                         const knowledge::QuestionValues& values,
                                         std::string_view source_locale, std::string_view now);

}  // namespace tilti::store
