#include "programme/initiative_form.h"

#include <algorithm>

#include "core/text.h"
#include "programme/budget.h"

namespace tilti::programme {

Status CheckInitiative(const InitiativeForm& form) {
  std::vector<FieldError> errors;
  const std::string name = TrimSpace(form.name);
  if (name.empty()) {
    errors.push_back({"name", "programme.error.name_missing"});
  } else if (Utf8Length(name) > kMaxInitiativeName) {
    errors.push_back({"name", "programme.error.name_too_long"});
  }
  for (const auto& [field, value] : {std::pair<const char*, const std::string&>{"short_name", form.short_name},
                                     {"programme", form.programme},
                                     {"call_code", form.call_code}}) {
    if (Utf8Length(TrimSpace(value)) > kMaxInitiativeCode) errors.push_back({field, "programme.error.code_too_long"});
  }
  if (Utf8Length(form.description) > kMaxInitiativeDescription) {
    errors.push_back({"description", "programme.error.initiative_description_too_long"});
  }
  const bool starts_bad = !TrimSpace(form.typed_starts_on).empty() && !form.starts_on;
  const bool ends_bad = !TrimSpace(form.typed_ends_on).empty() && !form.ends_on;
  if (starts_bad) errors.push_back({"starts_on", "programme.error.date"});
  if (ends_bad) errors.push_back({"ends_on", "programme.error.date"});
  if (form.starts_on && form.ends_on && *form.ends_on < *form.starts_on) {
    errors.push_back({"ends_on", "programme.error.dates_order"});
  }
  for (size_t i = 0; i < form.results.size(); ++i) {
    const std::string prefix = "results." + std::to_string(i) + ".";
    const std::string text = TrimSpace(form.results[i].first);
    if (text.empty()) errors.push_back({prefix + "text", "programme.error.result_missing"});
    else if (Utf8Length(text) > kMaxInitiativeName) errors.push_back({prefix + "text", "programme.error.result_too_long"});
    if (std::find(kResultStatuses.begin(), kResultStatuses.end(), form.results[i].second) == kResultStatuses.end()) {
      errors.push_back({prefix + "status", "programme.error.result_status"});
    }
  }
  if (!form.funding.empty() || !TrimSpace(form.typed_total).empty()) {
    const Status budget = CheckBudget(form.funding, form.typed_total);
    if (!budget.ok()) {
      for (const auto& e : budget.error().fields) errors.push_back(e);
    }
  }
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "initiative", std::move(errors)};
}

Status CheckNews(const NewsForm& form) {
  std::vector<FieldError> errors;
  if (!form.published_on) errors.push_back({"published_on", "programme.error.date"});
  const std::string title = TrimSpace(form.title);
  if (title.empty()) errors.push_back({"title", "programme.error.news_title_missing"});
  else if (Utf8Length(title) > kMaxInitiativeName) errors.push_back({"title", "programme.error.name_too_long"});
  if (Utf8Length(form.body) > kMaxInitiativeDescription) {
    errors.push_back({"body", "programme.error.initiative_description_too_long"});
  }
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "news", std::move(errors)};
}

}  // namespace tilti::programme
