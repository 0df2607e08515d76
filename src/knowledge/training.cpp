#include "knowledge/training.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"

namespace tilti::knowledge {
namespace {

// "" -> nullopt (no error); a whole number 1..999 -> it; anything else -> an error.
bool ParsePosition(const std::string& typed_raw, std::optional<int64_t>& out) {
  const std::string typed = TrimSpace(typed_raw);
  if (typed.empty()) return true;
  int64_t n = 0;
  auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), n);
  if (ec != std::errc() || end != typed.data() + typed.size() || n < 1 || n > kMaxPosition) {
    return false;
  }
  out = n;
  return true;
}

void CheckTitle(const std::string& title, std::vector<FieldError>& errors) {
  if (title.empty()) {
    errors.push_back({"title", "training.error.title_missing"});
  } else if (Utf8Length(title) > kMaxTitle) {
    errors.push_back({"title", "training.error.title_too_long"});
  }
}

bool IsSlug(std::string_view s) {
  if (s.empty() || static_cast<long>(s.size()) > kMaxSlug) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

std::vector<std::string> Ordered(std::vector<OrderKey> items) {
  std::sort(items.begin(), items.end(), [](const OrderKey& a, const OrderKey& b) {
    if (a.position != b.position) return a.position < b.position;
    if (a.created != b.created) return a.created < b.created;
    return a.id < b.id;
  });
  std::vector<std::string> out;
  out.reserve(items.size());
  for (auto& i : items) out.push_back(std::move(i.id));
  return out;
}

std::optional<std::string> NextOf(const std::vector<std::string>& ordered, std::string_view id) {
  auto it = std::find(ordered.begin(), ordered.end(), id);
  if (it == ordered.end() || it + 1 == ordered.end()) return std::nullopt;
  return *(it + 1);
}

std::optional<std::string> PreviousOf(const std::vector<std::string>& ordered,
                                      std::string_view id) {
  auto it = std::find(ordered.begin(), ordered.end(), id);
  if (it == ordered.end() || it == ordered.begin()) return std::nullopt;
  return *(it - 1);
}

int64_t NextPosition(const std::vector<int64_t>& positions) {
  if (positions.empty()) return 1;
  return std::min(kMaxPosition, *std::max_element(positions.begin(), positions.end()) + 1);
}

bool TakesSeveral(const QuestionKey& question) { return question.right_ids.size() > 1; }

bool IsRight(const QuestionKey& question, const std::set<std::string>& picked) {
  return !question.right_ids.empty() && picked == question.right_ids;
}

LessonCheck CheckLesson(const std::vector<QuestionKey>& questions,
                        const std::map<std::string, std::vector<std::string>>& picked) {
  LessonCheck out;
  out.all_right = true;
  for (const QuestionKey& q : questions) {
    std::set<std::string> mine;
    if (auto it = picked.find(q.id); it != picked.end()) {
      for (const std::string& id : it->second) {
        if (std::find(q.choice_ids.begin(), q.choice_ids.end(), id) != q.choice_ids.end()) {
          mine.insert(id);
        }
      }
    }
    // A question with one right answer takes one choice: a forged form sending two is wrong.
    const bool right = IsRight(q, mine);
    if (mine.empty()) out.unanswered.push_back(q.id);
    out.right[q.id] = right;
    out.all_right = out.all_right && right;
    out.picked[q.id] = std::move(mine);
  }
  return out;
}

ModuleProgress ProgressOf(const std::vector<std::string>& lesson_ids,
                          const std::set<std::string>& done_lessons,
                          const std::vector<std::string>& question_ids,
                          const std::set<std::string>& right_questions) {
  ModuleProgress p;
  p.lessons = static_cast<int64_t>(lesson_ids.size());
  for (const auto& id : lesson_ids) p.lessons_done += done_lessons.contains(id) ? 1 : 0;
  p.questions = static_cast<int64_t>(question_ids.size());
  for (const auto& id : question_ids) p.questions_right += right_questions.contains(id) ? 1 : 0;
  p.complete = p.lessons > 0 && p.lessons_done == p.lessons && p.questions_right == p.questions;
  return p;
}

std::set<std::string> LessonsDone(const std::set<std::string>& recorded_done,
                                  const std::map<std::string, std::vector<std::string>>& questions,
                                  const std::set<std::string>& right_questions) {
  std::set<std::string> out;
  for (const std::string& lesson : recorded_done) {
    auto it = questions.find(lesson);
    const bool all_right =
        it == questions.end() ||
        std::all_of(it->second.begin(), it->second.end(),
                    [&](const std::string& q) { return right_questions.contains(q); });
    if (all_right) out.insert(lesson);
  }
  return out;
}

std::optional<std::string> FirstNotDone(const std::vector<std::string>& ordered,
                                        const std::set<std::string>& done_lessons) {
  for (const auto& id : ordered) {
    if (!done_lessons.contains(id)) return id;
  }
  return std::nullopt;
}

Result<ModuleValues> CheckModule(const ModuleForm& form) {
  std::vector<FieldError> errors;
  ModuleValues v;
  if (form.new_module) {
    v.slug = TrimSpace(form.slug);
    if (!IsSlug(v.slug)) errors.push_back({"slug", "training.error.slug"});
  }
  v.title = TrimSpace(form.title);
  CheckTitle(v.title, errors);
  v.summary = TrimSpace(form.summary);
  if (Utf8Length(v.summary) > kMaxSummary) {
    errors.push_back({"summary", "training.error.summary_too_long"});
  }
  if (!ParsePosition(form.typed_position, v.position)) {
    errors.push_back({"position", "training.error.position"});
  }
  if (!errors.empty()) return Error{ErrorCode::kInvalidInput, "training module", std::move(errors)};
  return v;
}

Result<LessonValues> CheckLessonForm(const LessonForm& form) {
  std::vector<FieldError> errors;
  LessonValues v;
  v.title = TrimSpace(form.title);
  CheckTitle(v.title, errors);
  // Markdown keeps its own whitespace inside; only the ends are trimmed.
  v.body = TrimSpace(form.body);
  if (v.body.empty()) {
    errors.push_back({"body", "training.error.body_missing"});
  } else if (Utf8Length(v.body) > kMaxBody) {
    errors.push_back({"body", "training.error.body_too_long"});
  }
  if (!ParsePosition(form.typed_position, v.position)) {
    errors.push_back({"position", "training.error.position"});
  }
  if (!errors.empty()) return Error{ErrorCode::kInvalidInput, "training lesson", std::move(errors)};
  return v;
}

Result<QuestionValues> CheckQuestionForm(const QuestionForm& form) {
  std::vector<FieldError> errors;
  QuestionValues v;
  v.prompt = TrimSpace(form.prompt);
  if (v.prompt.empty()) {
    errors.push_back({"prompt", "training.error.prompt_missing"});
  } else if (Utf8Length(v.prompt) > kMaxPrompt) {
    errors.push_back({"prompt", "training.error.prompt_too_long"});
  }
  if (!ParsePosition(form.typed_position, v.position)) {
    errors.push_back({"position", "training.error.position"});
  }
  std::vector<FieldError> row_errors;
  for (size_t i = 0; i < form.choices.size(); ++i) {
    const std::string prefix = "choices." + std::to_string(i) + ".";
    ChoiceInput c{TrimSpace(form.choices[i].label), TrimSpace(form.choices[i].feedback),
                  form.choices[i].right};
    if (c.label.empty() && c.feedback.empty() && !c.right) continue;
    if (c.label.empty()) {
      row_errors.push_back({prefix + "label", "training.error.choice_label_missing"});
    } else if (Utf8Length(c.label) > kMaxChoiceLabel) {
      row_errors.push_back({prefix + "label", "training.error.choice_too_long"});
    }
    if (Utf8Length(c.feedback) > kMaxFeedback) {
      row_errors.push_back({prefix + "feedback", "training.error.feedback_too_long"});
    }
    v.choices.push_back(std::move(c));
  }
  // The two whole-question mistakes are named only when the rows themselves are fine, so that
  // one mistake is not reported twice.
  if (row_errors.empty()) {
    if (v.choices.size() < kMinChoices) {
      errors.push_back({"choices.0.label", "training.error.too_few_choices"});
    } else if (std::none_of(v.choices.begin(), v.choices.end(),
                            [](const ChoiceInput& c) { return c.right; })) {
      errors.push_back({"choices.0.right", "training.error.no_right_choice"});
    }
  }
  errors.insert(errors.end(), row_errors.begin(), row_errors.end());
  if (!errors.empty()) {
    return Error{ErrorCode::kInvalidInput, "training question", std::move(errors)};
  }
  return v;
}

}  // namespace tilti::knowledge
