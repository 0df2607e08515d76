#include "events/statistics.h"

namespace tilti::events {

std::vector<bool> CountsToHide(const std::vector<int64_t>& counts) {
  std::vector<bool> hide(counts.size(), false);
  int hidden = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] > 0 && counts[i] < kSmallestShownGroup) {
      hide[i] = true;
      ++hidden;
    }
  }
  if (hidden == 1) {
    // Hide the smallest shown non-zero count as well.
    size_t smallest = counts.size();
    for (size_t i = 0; i < counts.size(); ++i) {
      if (!hide[i] && counts[i] > 0 && (smallest == counts.size() || counts[i] < counts[smallest])) {
        smallest = i;
      }
    }
    if (smallest < counts.size()) hide[smallest] = true;
  }
  return hide;
}

}  // namespace tilti::events

namespace tilti::events {

std::optional<int> ParseHeadCount(std::string_view typed, bool* ok) {
  while (!typed.empty() && typed.front() == ' ') typed.remove_prefix(1);
  while (!typed.empty() && typed.back() == ' ') typed.remove_suffix(1);
  *ok = true;
  if (typed.empty()) return std::nullopt;
  int64_t v = 0;
  for (char c : typed) {
    if (c < '0' || c > '9' || v > kMaxHeadCount) {
      *ok = false;
      return std::nullopt;
    }
    v = v * 10 + (c - '0');
  }
  if (v > kMaxHeadCount) {
    *ok = false;
    return std::nullopt;
  }
  return static_cast<int>(v);
}

}  // namespace tilti::events
