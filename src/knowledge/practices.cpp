#include "knowledge/practices.h"

#include <algorithm>

#include "core/text.h"

namespace tilti::knowledge {
namespace {

template <typename List>
bool Contains(const List& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Adds `missing` when the trimmed text is empty (and `missing` is given), or the length error
// when it is longer than `max` characters.
void CheckText(std::vector<FieldError>& errors, const char* field, std::string_view text, long max,
               const char* missing) {
  const std::string trimmed = TrimSpace(text);
  if (trimmed.empty()) {
    if (missing) errors.push_back({field, missing});
    return;
  }
  if (Utf8Length(trimmed) > max) {
    errors.push_back({field, "practices.error.too_long_" + std::to_string(max)});
  }
}

}  // namespace

bool IsPracticeCategory(std::string_view s) { return Contains(kPracticeCategories, s); }
bool IsPracticeCountry(std::string_view s) { return Contains(kPracticeCountries, s); }

Status CheckPractice(const PracticeForm& form) {
  std::vector<FieldError> errors;
  CheckText(errors, "title", form.title, kMaxPracticeTitle, "practices.error.title_missing");
  if (!IsPracticeCategory(form.category)) errors.push_back({"category", "practices.error.category"});
  const bool named = !TrimSpace(form.library_name).empty();
  if (form.organization_id.empty()) {
    if (!named) errors.push_back({"organization", "practices.error.library"});
    CheckText(errors, "library_name", form.library_name, kMaxPracticeShort, nullptr);
  }
  if (!IsPracticeCountry(form.country)) errors.push_back({"country", "practices.error.country"});
  CheckText(errors, "problem", form.problem, kMaxPracticeText, "practices.error.problem_missing");
  CheckText(errors, "audience", form.audience, kMaxPracticeShort, nullptr);
  CheckText(errors, "what_done", form.what_done, kMaxPracticeText, "practices.error.what_done_missing");
  CheckText(errors, "cost", form.cost, kMaxPracticeShort, nullptr);
  CheckText(errors, "results", form.results, kMaxPracticeText, nullptr);
  CheckText(errors, "watch_out", form.watch_out, kMaxPracticeText, nullptr);
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "practice", std::move(errors)};
}

Status CheckReview(std::string_view decision, std::string_view note) {
  std::vector<FieldError> errors;
  if (decision != "publish" && decision != "return" && decision != "unpublish") {
    errors.push_back({"decision", "practices.error.decision"});
  } else {
    CheckText(errors, "note", note, kMaxReviewNote, decision == "publish" ? nullptr : "practices.error.note_missing");
  }
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "practice review", std::move(errors)};
}

std::string_view StateAfter(std::string_view decision) {
  return decision == "publish" ? kPublished : kReturned;
}

}  // namespace tilti::knowledge
