#include "web/i18n_riga_time.h"

#include "core/riga_time.h"

namespace tilti::web::i18n {

// The Riga rules live once, in core/riga_time; this file keeps the web layer's names for them.

CivilTime CivilRiga(SysTime t) {
  const CivilDateTime c = ToRiga(t);
  return CivilTime{.year = c.year,
                   .month = c.month,
                   .day = c.day,
                   .hour = c.hour,
                   .minute = c.minute,
                   .weekday = c.weekday};
}

SysTime FromCivilRiga(int year, int month, int day, int hour, int minute) {
  return FromRiga(year, month, day, hour, minute);
}

// Qualified: unqualified, the name would find this function itself.
std::chrono::seconds RigaUtcOffset(SysTime t) { return tilti::RigaUtcOffset(t); }

}  // namespace tilti::web::i18n
