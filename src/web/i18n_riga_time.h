#pragma once
// Wall-clock time in Europe/Riga, whatever the process time zone (QUALITY W10).
//
// The web layer's names for core/riga_time, which holds the one implementation of Riga's rules
// (plain C++, no ICU: the EU rule from 2001 on, a table of Riga's history before). These
// functions are pure and safe to call from any thread. i18n_riga_time_test.cpp checks the
// rules against ICU's zone data for "Europe/Riga".
#include <chrono>

#include "core/clock.h"

namespace tilti::web::i18n {

struct CivilTime {
  int year = 0;
  int month = 0;    // 1..12
  int day = 0;      // 1..31
  int hour = 0;     // 0..23
  int minute = 0;   // 0..59 (seconds are dropped)
  int weekday = 0;  // ISO: 1 = Monday .. 7 = Sunday
};

// The Riga wall clock at instant `t`. E.g. 2026-03-29T00:30Z is 02:30 (EET, +2) and
// 2026-03-29T01:30Z is 04:30 (EEST, +3); 2026-10-25T00:30Z and 01:30Z are both 03:30.
CivilTime CivilRiga(SysTime t);

// The instant at which Riga's wall clock shows y-m-d h:min, following RFC 5545 §3.3.5 (the
// rule calendar feeds use):
// - in the spring-forward gap (e.g. 2026-03-29 03:00–03:59 never happens) the time is read
//   with the offset in force before the gap, so 03:30 means 01:30Z, which the clock shows
//   as 04:30;
// - in the repeated autumn hour (2026-10-25 03:00–03:59 happens twice) the first occurrence,
//   in summer time, is meant: 03:30 means 00:30Z.
// Fields are not validated; out-of-range values roll over arithmetically (31 April is
// 1 May, hour 24 is the next day's 00). Validate user input at the edge.
SysTime FromCivilRiga(int year, int month, int day, int hour, int minute);

// Riga's offset from UTC at instant `t`: 2 h in winter (EET), 3 h in summer (EEST).
std::chrono::seconds RigaUtcOffset(SysTime t);

}  // namespace tilti::web::i18n
