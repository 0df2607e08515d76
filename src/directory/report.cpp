#include "directory/report.h"

#include <algorithm>

namespace tilti::directory {
namespace {

// Code points in `s`, or -1 when it is not valid UTF-8.
long Utf8Length(std::string_view s) {
  long n = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return -1;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return -1;
    }
    i += len;
    ++n;
  }
  return n;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

}  // namespace

Result<Report> ValidateReport(const ReportInput& input) {
  std::vector<FieldError> errors;
  const auto& topics = ReportTopics();
  if (std::find(topics.begin(), topics.end(), input.topic) == topics.end()) {
    errors.push_back({"topic", "report.error.topic_missing"});
  }
  std::string message = Trim(input.message);
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
