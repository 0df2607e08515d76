#pragma once
// Time is injected so rules can be tested without the real clock.
#include <chrono>
#include <functional>
#include <optional>
#include <string_view>
#include <string>

namespace tilti {

using SysTime = std::chrono::sys_seconds;

// "2026-11-22T10:00:00Z": a time as RFC 3339 in UTC, the form stored in the database.
std::string FormatRfc3339(SysTime t);
// The instant of a stored "YYYY-MM-DDTHH:MM:SSZ" (the form FormatRfc3339 writes); nullopt for
// anything else.
std::optional<SysTime> ParseStoredRfc3339(std::string_view s);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual SysTime Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  SysTime Now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(SysTime t) : t_(t) {}
  SysTime Now() const override { return t_; }
  void Set(SysTime t) { t_ = t; }

 private:
  SysTime t_;
};

}  // namespace tilti
