#pragma once
// Self-paced training for library staff (issue 8): the order of lessons, checking the answers to
// a lesson's questions, when a module is completed, and the checks the coordinators' forms must
// pass. Pure: no I/O; the store reads and writes, the web layer renders.
//
// A lesson is done when every one of its questions is answered right (a lesson without
// questions is done when read). A module is completed when it has lessons, every lesson is done
// and every question of it is answered right.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tilti::knowledge {

inline constexpr long kMaxTitle = 200;        // characters: module, lesson
inline constexpr long kMaxSummary = 2000;     // a module's summary
inline constexpr long kMaxBody = 50000;       // a lesson's Markdown
inline constexpr long kMaxPrompt = 1000;      // a question
inline constexpr long kMaxChoiceLabel = 500;  // a choice
inline constexpr long kMaxFeedback = 1000;    // a choice's feedback
inline constexpr long kMaxSlug = 80;
inline constexpr int64_t kMaxPosition = 999;
inline constexpr size_t kMaxChoices = 6;  // rows the question form offers
inline constexpr size_t kMinChoices = 2;

// ---- ordering ----

// Where a lesson (or question) stands: by position, then by when it was made, then by id, so
// that equal positions still give one order.
struct OrderKey {
  std::string id;
  int64_t position = 0;
  std::string created;
};
// The ids in order.
std::vector<std::string> Ordered(std::vector<OrderKey> items);
// The id after / before `id` in `ordered`; nullopt at the end / start or when `id` is not there.
std::optional<std::string> NextOf(const std::vector<std::string>& ordered, std::string_view id);
std::optional<std::string> PreviousOf(const std::vector<std::string>& ordered, std::string_view id);
// The position a new item gets when none is typed: one after the last (1 when there is none).
int64_t NextPosition(const std::vector<int64_t>& positions);

// ---- answers ----

struct QuestionKey {
  std::string id;
  std::vector<std::string> choice_ids;  // every choice, in order
  std::set<std::string> right_ids;      // the right ones (at least one)
};
// True when the question lets people pick several choices (it has more than one right one).
bool TakesSeveral(const QuestionKey& question);

// Picked choice ids -> whether that is the right answer: exactly the right choices, no other.
bool IsRight(const QuestionKey& question, const std::set<std::string>& picked);

struct LessonCheck {
  // Per question (by id): the choices picked that belong to it (ids of other questions' choices,
  // as a forged form might send, are dropped), and whether that is right.
  std::map<std::string, std::set<std::string>> picked;
  std::map<std::string, bool> right;
  std::vector<std::string> unanswered;  // questions with nothing picked, in the lesson's order
  bool all_right = false;               // every question answered right (true when none)
};
// Checks what was picked (question id -> choice ids) against the lesson's questions.
LessonCheck CheckLesson(const std::vector<QuestionKey>& questions,
                        const std::map<std::string, std::vector<std::string>>& picked);

// ---- completion ----

struct ModuleProgress {
  int64_t lessons = 0, lessons_done = 0;
  int64_t questions = 0, questions_right = 0;
  bool complete = false;
};
// lesson ids of the module; the done ones; every question id of the module; the right-answered.
ModuleProgress ProgressOf(const std::vector<std::string>& lesson_ids,
                          const std::set<std::string>& done_lessons,
                          const std::vector<std::string>& question_ids,
                          const std::set<std::string>& right_questions);
// The lessons that count as done: recorded as done, and each of their questions (lesson id ->
// question ids) answered right now, so that a question added to a lesson afterwards makes it
// open again until it is answered.
std::set<std::string> LessonsDone(const std::set<std::string>& recorded_done,
                                  const std::map<std::string, std::vector<std::string>>& questions,
                                  const std::set<std::string>& right_questions);
// The first lesson (in `ordered`) not yet done: where to continue; nullopt when all are done.
std::optional<std::string> FirstNotDone(const std::vector<std::string>& ordered,
                                        const std::set<std::string>& done_lessons);

// ---- the coordinators' forms ----

struct ModuleForm {
  std::string slug, title, summary, typed_position;  // slug ignored when editing
  bool new_module = true;
};
struct ModuleValues {
  std::string slug, title, summary;  // trimmed
  std::optional<int64_t> position;   // nullopt: last
};
// Field errors (kInvalidInput), in the form's order:
//   "slug"      training.error.slug       (new modules) not 1-80 of a-z, 0-9 and "-"
//   "title"     training.error.title_missing / training.error.title_too_long
//   "summary"   training.error.summary_too_long
//   "position"  training.error.position   not a whole number from 1 to 999
Result<ModuleValues> CheckModule(const ModuleForm& form);

struct LessonForm {
  std::string title, body, typed_position;
};
struct LessonValues {
  std::string title, body;
  std::optional<int64_t> position;
};
// Field errors: "title" as for a module; "body" training.error.body_missing /
// training.error.body_too_long; "position" training.error.position.
Result<LessonValues> CheckLessonForm(const LessonForm& form);

struct ChoiceInput {
  std::string label, feedback;
  bool right = false;
};
struct QuestionForm {
  std::string prompt, typed_position;
  std::vector<ChoiceInput> choices;  // as the rows were sent; empty rows are dropped
};
struct QuestionValues {
  std::string prompt;
  std::optional<int64_t> position;
  std::vector<ChoiceInput> choices;  // trimmed, in order, empty rows dropped
};
// Field errors: "prompt" training.error.prompt_missing / training.error.prompt_too_long;
// "position" training.error.position; for row i (0-based, as sent): "choices.<i>.label"
// training.error.choice_label_missing (feedback or "right" without a label) or
// training.error.choice_too_long, "choices.<i>.feedback" training.error.feedback_too_long;
// "choices.0.label" training.error.too_few_choices (fewer than 2 choices);
// "choices.0.right" training.error.no_right_choice (none marked right).
Result<QuestionValues> CheckQuestionForm(const QuestionForm& form);

}  // namespace tilti::knowledge
