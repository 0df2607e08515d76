#include "programme/guide_rules.h"

namespace tilti::programme {

bool IsGuideSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > 80 || slug.front() == '-' || slug.back() == '-') return false;
  char previous = 0;
  for (char ch : slug) {
    const bool letter_or_digit = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (!letter_or_digit && !(ch == '-' && previous != '-')) return false;
    previous = ch;
  }
  return true;
}

std::optional<int64_t> ParseGuidePosition(std::string_view typed) {
  if (typed.empty() || typed.size() > 3) return std::nullopt;
  int64_t value = 0;
  for (char ch : typed) {
    if (ch < '0' || ch > '9') return std::nullopt;
    value = value * 10 + (ch - '0');
  }
  return value;
}

}  // namespace tilti::programme
