#include "programme/diagnostics.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"

namespace tilti::programme {
namespace {

void CheckTitle(const std::string& typed, std::vector<FieldError>& errors) {
  const std::string title = TrimSpace(typed);
  if (title.empty()) {
    errors.push_back({"title", "diagnostics.error.title_missing"});
  } else if (Utf8Length(title) > kMaxStrategyTitle) {
    errors.push_back({"title", "diagnostics.error.title_too_long"});
  }
}

}  // namespace

bool IsDiagnosticMethod(std::string_view s) {
  return std::find(kDiagnosticMethods.begin(), kDiagnosticMethods.end(), s) !=
         kDiagnosticMethods.end();
}

bool IsStrategyActionStatus(std::string_view s) {
  return std::find(kStrategyActionStatuses.begin(), kStrategyActionStatuses.end(), s) !=
         kStrategyActionStatuses.end();
}

Result<DiagnosticActivityValues> CheckDiagnosticActivity(const DiagnosticActivityForm& form) {
  std::vector<FieldError> errors;
  DiagnosticActivityValues v;
  if (form.held_on) {
    v.held_on = *form.held_on;
  } else {
    errors.push_back({"held_on", "diagnostics.error.date"});
  }
  if (IsDiagnosticMethod(form.method)) {
    v.method = form.method;
  } else {
    errors.push_back({"method", "diagnostics.error.method"});
  }
  for (const auto& [key, typed_raw] : form.typed_counts) {
    const std::string typed = TrimSpace(typed_raw);
    if (typed.empty()) continue;
    int64_t n = -1;
    auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), n);
    if (ec != std::errc() || end != typed.data() + typed.size() || n < 0 ||
        n > kMaxDiagnosticCount) {
      errors.push_back({"count-" + key, "diagnostics.error.count"});
    } else {
      v.counts[key] = n;
    }
  }
  v.notes = TrimSpace(form.notes);
  v.findings = TrimSpace(form.findings);
  if (Utf8Length(v.notes) > kMaxDiagnosticText)
    errors.push_back({"notes", "diagnostics.error.text_too_long"});
  if (Utf8Length(v.findings) > kMaxDiagnosticText) {
    errors.push_back({"findings", "diagnostics.error.text_too_long"});
  }
  if (!errors.empty())
    return Error{ErrorCode::kInvalidInput, "diagnostic activity", std::move(errors)};
  return v;
}

Status CheckDiagnosticReport(const DiagnosticReportForm& form) {
  std::vector<FieldError> errors;
  if (Utf8Length(form.markdown) > kMaxReportMarkdown) {
    errors.push_back({"markdown", "diagnostics.error.report_too_long"});
  } else if (form.published && TrimSpace(form.markdown).empty()) {
    errors.push_back({"markdown", "diagnostics.error.report_empty"});
  }
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "diagnostic report", std::move(errors)};
}

Status CheckStrategyGoal(const StrategyGoalForm& form) {
  std::vector<FieldError> errors;
  CheckTitle(form.title, errors);
  if (Utf8Length(TrimSpace(form.description)) > kMaxStrategyDescription) {
    errors.push_back({"description", "diagnostics.error.text_too_long"});
  }
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "strategy goal", std::move(errors)};
}

Status CheckStrategyAction(const StrategyActionForm& form) {
  std::vector<FieldError> errors;
  if (form.goal_id.empty()) errors.push_back({"goal", "diagnostics.error.goal_missing"});
  CheckTitle(form.title, errors);
  if (!IsStrategyActionStatus(form.status)) {
    errors.push_back({"status", "diagnostics.error.status"});
  } else if ((form.status == "running" || form.status == "done") && form.initiative_id.empty() &&
             form.event_id.empty() && form.service_id.empty()) {
    errors.push_back({"initiative", "diagnostics.error.needs_link"});
  }
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "strategy action", std::move(errors)};
}

}  // namespace tilti::programme
