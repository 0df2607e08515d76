#include "http/request_id.h"

#include <algorithm>

namespace tilti::http {

std::string RequestIdGenerator::Next() {
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t value = (uint64_t{prefix_} << 32) | counter_.fetch_add(1, std::memory_order_relaxed);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[i] = kHex[value & 0xf];
  return out;
}

bool IsAcceptableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::ranges::all_of(id, [](unsigned char c) {
    // Spelled out rather than std::isalnum, which may accept more under some locales.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

}  // namespace tilti::http
