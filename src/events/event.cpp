#include "events/event.h"

#include <charconv>
#include <cstdio>

namespace tilti::events {
namespace {

// Reads exactly `width` decimal digits at s[pos].
std::optional<int> Digits(std::string_view s, size_t pos, size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int v = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::string_view RegistrationModeName(RegistrationMode mode) {
  switch (mode) {
    case RegistrationMode::kNone: return "none";
    case RegistrationMode::kOpen: return "open";
    case RegistrationMode::kApproval: return "approval";
  }
  return "none";
}

std::optional<RegistrationMode> ParseRegistrationMode(std::string_view s) {
  if (s == "none") return RegistrationMode::kNone;
  if (s == "open") return RegistrationMode::kOpen;
  if (s == "approval") return RegistrationMode::kApproval;
  return std::nullopt;
}

std::string FormatDate(std::chrono::year_month_day d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

std::optional<std::chrono::year_month_day> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{*y}, std::chrono::month{unsigned(*m)},
                                  std::chrono::day{unsigned(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string FormatTimeOfDay(std::chrono::minutes m) {
  char buf[32];
  const long v = m.count();
  std::snprintf(buf, sizeof buf, "%02ld:%02ld", v / 60, v % 60);
  return buf;
}

std::optional<std::chrono::minutes> ParseTimeOfDay(std::string_view s) {
  // "9:30" is accepted as well as "09:30"; "24:00" is not a start time.
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) {
    return std::nullopt;
  }
  auto h = Digits(s, 0, colon), m = Digits(s, colon + 1, 2);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return std::chrono::minutes{*h * 60 + *m};
}

std::string FormatLocalStart(const LocalStart& s) {
  return FormatDate(s.date) + "T" + FormatTimeOfDay(s.time);
}

std::optional<LocalStart> ParseLocalStart(std::string_view s) {
  if (s.size() != 16 || s[10] != 'T') return std::nullopt;
  auto date = ParseDate(s.substr(0, 10));
  auto time = ParseTimeOfDay(s.substr(11));
  if (!date || !time) return std::nullopt;
  return LocalStart{*date, *time};
}

std::string FormatUtcBasic(SysTime t) {
  std::string out;
  for (char ch : FormatRfc3339(t)) {
    if (ch != '-' && ch != ':') out += ch;
  }
  return out;
}

}  // namespace tilti::events
