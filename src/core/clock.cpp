#include "core/clock.h"

namespace tilti {

SysTime SystemClock::Now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace tilti
