#pragma once
// The time zone of a library location: reads an instant on the location's wall clock and finds
// the instant a wall-clock time names. Europe/Riga, where almost every library is, uses the
// pure rules of core/riga_time (no ICU, no tz database lookup, as cheap as before); any other
// IANA zone (Europe/London, Europe/Zurich, America/Chicago, ...) is backed by ICU's zone data.
// Never the process's time zone (TZ).
//
// Wall-clock times that do not happen once, in every zone alike (RFC 5545 §3.3.5, the rule
// core/riga_time follows and calendar feeds use):
// - a time in the spring-forward gap is read with the offset in force before the gap: London's
//   clocks go from 01:00 to 02:00 on 2026-03-29, so 01:30 there means 01:30Z, which the clock
//   shows as 02:30 BST (a library "opening at 01:30" that day opens at 02:30 by the clock);
// - a time in the repeated autumn hour means its first occurrence, in summer time: London's
//   01:30 on 2026-10-25 means 00:30Z.
//
// A TimeZone is a small value (a pointer); copies share the immutable zone data, and every const
// method is safe to call from any thread.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/riga_time.h"

namespace tilti {

inline constexpr std::string_view kRigaZoneId = "Europe/Riga";

class TimeZone {
 public:
  // Europe/Riga.
  TimeZone() = default;

  // The zone of an IANA id ("Europe/London"), or nullopt when ICU's zone data does not know it
  // ("Mars/Olympus", "", "Etc/Unknown"). "Europe/Riga" is the pure Riga zone; other ids are
  // looked up in ICU (each call loads the zone: keep the value, or use a TimeZoneCache).
  static std::optional<TimeZone> Named(std::string_view iana_id);

  // The ICU-backed zone even for Europe/Riga; for tests that compare the two implementations.
  static std::optional<TimeZone> NamedFromIcuForTesting(std::string_view iana_id);

  // The IANA id as given to Named ("Europe/Riga" for the default zone).
  std::string_view id() const;
  // Whether this is the pure Europe/Riga zone.
  bool IsRiga() const { return impl_ == nullptr; }

  // The wall clock at instant `t`.
  CivilDateTime ToLocal(SysTime t) const { return impl_ ? IcuToLocal(t) : ToRiga(t); }

  // The calendar date on the wall clock at instant `t`.
  std::chrono::year_month_day LocalDate(SysTime t) const {
    return impl_ ? DateOf(IcuToLocal(t)) : RigaDate(t);
  }

  // The instant at which the wall clock shows `date` (which must be ok()) and `since_midnight`
  // (0..1440; 1440 is the next day's 00:00), with the gap and overlap rules above.
  SysTime FromLocal(std::chrono::year_month_day date, std::chrono::minutes since_midnight) const {
    return impl_ ? IcuFromLocal(date, since_midnight) : FromRiga(date, since_midnight);
  }

  // The offset from UTC at instant `t` (summer time included).
  std::chrono::seconds UtcOffset(SysTime t) const;

  struct Impl;  // opaque: the ICU zone

 private:
  explicit TimeZone(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  CivilDateTime IcuToLocal(SysTime t) const;
  SysTime IcuFromLocal(std::chrono::year_month_day date, std::chrono::minutes since_midnight) const;

  std::shared_ptr<const Impl> impl_;  // null: Europe/Riga (core/riga_time)
};

// Zones by id, each loaded once: for a loop over many locations (the search's "open now").
// Not thread-safe; one per request or per loop.
class TimeZoneCache {
 public:
  // TimeZone::Named(iana_id), remembered, the failures too.
  std::optional<TimeZone> Get(std::string_view iana_id);

 private:
  std::map<std::string, std::optional<TimeZone>, std::less<>> zones_;
};

}  // namespace tilti
