#pragma once
// Civil (wall-clock) time in Europe/Riga, in plain C++: no ICU, no tz database, and never the
// process's time zone (TZ), so domain rules can use it and tests give the same answer on any
// server (QUALITY W10). Every function is pure and thread-safe.
//
// The rules:
// - From 2001 on Riga follows the EU rule: EET (UTC+2), and EEST (UTC+3) from 01:00 UTC on the
//   last Sunday of March to 01:00 UTC on the last Sunday of October. The rule is assumed to
//   hold for every later year; should the EU stop changing clocks, this file changes.
// - Before 2001 the offsets come from a table of Riga's history taken from the IANA time zone
//   database (2025b): Riga mean time (+1:36:34) until 1926, then EET, Moscow time, CET/CEST in
//   1941–44, the Soviet and Latvian summer-time rules, the EU rule in 1997–99, and no summer
//   time in 2000. web/i18n_riga_time_test.cpp checks every change from 1900 to 2100 against
//   ICU's zone data.
// Years are proleptic Gregorian; instants must lie in years -32767..32767 (std::chrono).
#include <chrono>

#include "core/clock.h"

namespace tilti {

// A reading of the Riga wall clock.
struct CivilDateTime {
  int year = 0;
  int month = 0;    // 1..12
  int day = 0;      // 1..31
  int hour = 0;     // 0..23
  int minute = 0;   // 0..59
  int second = 0;   // 0..59
  int weekday = 0;  // ISO 8601: 1 = Monday .. 7 = Sunday

  bool operator==(const CivilDateTime&) const = default;
};

// The Riga wall clock at instant `t`. E.g. 2026-03-29T00:30Z is 02:30 (EET) and
// 2026-03-29T01:30Z is 04:30 (EEST); 2026-10-25T00:30Z and 01:30Z are both 03:30.
CivilDateTime ToRiga(SysTime t);

// The instant at which the Riga wall clock shows year-month-day hour:minute:00, following
// RFC 5545 §3.3.5 (the rule calendar feeds use):
// - a time in the spring-forward gap (2026-03-29 03:00–03:59 never happens) is read with the
//   offset in force before the gap: 03:30 means 01:30Z, which the clock shows as 04:30;
// - a time in the repeated autumn hour (2026-10-25 03:00–03:59 happens twice) means its first
//   occurrence, in summer time: 03:30 means 00:30Z.
// Fields are not validated; out-of-range values roll over arithmetically (31 April is 1 May,
// month 13 is January of the next year, hour 24 is 00 of the next day). Validate user input at
// the edge.
SysTime FromRiga(int year, int month, int day, int hour, int minute);

// FromRiga for a calendar date (which must be ok()) and a time of day given as minutes after
// midnight (0..1440; 1440 is the next day's 00:00).
SysTime FromRiga(std::chrono::year_month_day date, std::chrono::minutes since_midnight);

// Riga's offset from UTC at instant `t`: 2 h in winter (EET), 3 h in summer (EEST).
std::chrono::seconds RigaUtcOffset(SysTime t);

// --- Civil dates. A std::chrono::year_month_day names a calendar day, not an instant; Riga's
// day D begins at FromRiga(D, 0min), not at sys_days{D}.

// The Riga calendar date at instant `t`.
std::chrono::year_month_day RigaDate(SysTime t);

// The date part of a wall-clock reading.
std::chrono::year_month_day DateOf(const CivilDateTime& t);

// ISO weekday of `date`: 1 = Monday .. 7 = Sunday. `date` must be ok().
int IsoWeekday(std::chrono::year_month_day date);

// `date` moved by `n` days (n may be negative). `date` must be ok().
std::chrono::year_month_day AddDays(std::chrono::year_month_day date, int n);

}  // namespace tilti
