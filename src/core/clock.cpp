#include "core/clock.h"

#include <ctime>

namespace tilti {

std::string FormatRfc3339(SysTime t) {
  // C++20's std::format for chrono is not in GCC 12; gmtime_r is thread-safe.
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

SysTime SystemClock::Now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace tilti
