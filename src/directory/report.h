#pragma once
// "Report outdated information" about a library: what a visitor may tell us, validated.
// No account and no personal data are asked for; the message is stored for a coordinator.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tilti::directory {

// What is wrong, as the visitor chose it. The codes are stable (stored and shown translated).
inline const std::vector<std::string>& ReportTopics() {
  static const std::vector<std::string> kTopics = {"hours", "contacts", "services", "place",
                                                   "closed", "other"};
  return kTopics;
}

struct ReportInput {
  std::string topic;    // one of ReportTopics(), or "" when none was chosen
  std::string message;  // what the visitor says, as typed
};

struct Report {
  std::string topic;
  std::string message;  // trimmed
};

inline constexpr size_t kReportMinChars = 10;
inline constexpr size_t kReportMaxChars = 2000;

// Checks the input. Field errors (in form order) carry message keys:
//   topic:   report.error.topic_missing
//   message: report.error.message_missing, report.error.message_too_short,
//            report.error.message_too_long
// Lengths count characters (UTF-8 code points), not bytes; invalid UTF-8 is refused as
// report.error.message_invalid.
Result<Report> ValidateReport(const ReportInput& input);

}  // namespace tilti::directory
