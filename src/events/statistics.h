#pragma once
// Participation statistics that never reveal a small group (issue 5: "statistics never show a
// group smaller than 5 people"). A table of counts by one dimension (library, category, target
// group or month) hides every count from 1 to 4 (primary suppression) and, when that hides
// exactly one count, also the next smallest count, so the table's total minus the shown counts
// cannot give the hidden one away (secondary suppression). Zero is shown: it describes nobody.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace tilti::events {

inline constexpr int64_t kSmallestShownGroup = 5;

// Which counts of one table must not be shown.
std::vector<bool> CountsToHide(const std::vector<int64_t>& counts);

// Whether a table's total may be shown (it is a group too).
inline bool TotalShown(int64_t total) { return total == 0 || total >= kSmallestShownGroup; }

}  // namespace tilti::events


namespace tilti::events {

inline constexpr int kMaxHeadCount = 100000;

// A head count as typed: "" is nothing recorded (nullopt with *ok true); a whole number from 0
// to kMaxHeadCount is the count; anything else sets *ok false.
std::optional<int> ParseHeadCount(std::string_view typed, bool* ok);

}  // namespace tilti::events
