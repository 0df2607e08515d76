#include "directory/report.h"

#include <algorithm>

#include "core/text.h"

namespace tilti::directory {

Result<Report> ValidateReport(const ReportInput& input) {
  std::vector<FieldError> errors;
  const auto& topics = ReportTopics();
  if (std::find(topics.begin(), topics.end(), input.topic) == topics.end()) {
    errors.push_back({"topic", "report.error.topic_missing"});
  }
  std::string message = TrimSpace(input.message);
  long chars = Utf8Length(message);
  if (chars < 0) {
    errors.push_back({"message", "report.error.message_invalid"});
  } else if (chars == 0) {
    errors.push_back({"message", "report.error.message_missing"});
  } else if (static_cast<size_t>(chars) < kReportMinChars) {
    errors.push_back({"message", "report.error.message_too_short"});
  } else if (static_cast<size_t>(chars) > kReportMaxChars) {
    errors.push_back({"message", "report.error.message_too_long"});
  }
  if (!errors.empty()) {
    return Error{ErrorCode::kInvalidInput, "report form", std::move(errors)};
  }
  return Report{input.topic, std::move(message)};
}

}  // namespace tilti::directory
