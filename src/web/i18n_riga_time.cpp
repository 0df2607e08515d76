#include "web/i18n_riga_time.h"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/tzrule.h>
#include <unicode/tztrans.h>
#include <unicode/ucal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace tilti::web::i18n {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr int64_t kSecondsPerDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Riga's UTC offsets as a sorted list of changes. Built once from ICU and never modified, so
// lookups need no lock; ICU's own TimeZone objects are not used after construction.
class OffsetTable {
 public:
  OffsetTable() {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("Europe/Riga"));
    icu::UnicodeString id;
    zone->getID(id);
    auto* basic = dynamic_cast<icu::BasicTimeZone*>(zone.get());
    if (id == UNICODE_STRING_SIMPLE(UCAL_UNKNOWN_ZONE_ID) || basic == nullptr) {
      throw std::runtime_error("ICU time zone data lacks Europe/Riga");
    }
    constexpr UDate kStart = -2208988800000.0;  // 1900-01-01T00:00Z
    constexpr UDate kEnd = 16725225600000.0;    // 2500-01-01T00:00Z
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    zone->getOffset(kStart, false, raw, dst, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU cannot read Europe/Riga offsets");
    initial_ = (raw + dst) / 1000;
    icu::TimeZoneTransition transition;
    for (UDate t = kStart; basic->getNextTransition(t, false, transition);) {
      t = transition.getTime();
      if (t >= kEnd) break;
      const icu::TimeZoneRule* to = transition.getTo();
      changes_.push_back({static_cast<int64_t>(std::floor(t / 1000)),
                          (to->getRawOffset() + to->getDSTSavings()) / 1000});
    }
  }

  // Offset in seconds in force at UTC second `utc`.
  int32_t At(int64_t utc) const {
    auto it = std::upper_bound(changes_.begin(), changes_.end(), utc,
                               [](int64_t t, const Change& c) { return t < c.at; });
    return it == changes_.begin() ? initial_ : std::prev(it)->offset;
  }

 private:
  struct Change {
    int64_t at;      // UTC seconds
    int32_t offset;  // seconds east of UTC from `at` on
  };
  int32_t initial_ = 0;
  std::vector<Change> changes_;
};

// An immutable constant built on first use (thread-safe initialisation of a local static);
// not mutable global state.
const OffsetTable& Table() {
  static const OffsetTable table;
  return table;
}

}  // namespace

CivilTime CivilRiga(SysTime t) {
  const int64_t utc = t.time_since_epoch().count();
  const int64_t local = utc + Table().At(utc);
  const int64_t day = FloorDiv(local, kSecondsPerDay);
  const int64_t second_of_day = local - day * kSecondsPerDay;
  const sys_days date{days{day}};
  const std::chrono::year_month_day ymd{date};
  return CivilTime{
      .year = static_cast<int>(ymd.year()),
      .month = static_cast<int>(static_cast<unsigned>(ymd.month())),
      .day = static_cast<int>(static_cast<unsigned>(ymd.day())),
      .hour = static_cast<int>(second_of_day / 3600),
      .minute = static_cast<int>(second_of_day % 3600 / 60),
      .weekday = static_cast<int>(std::chrono::weekday{date}.iso_encoding()),
  };
}

SysTime FromCivilRiga(int year, int month, int day, int hour, int minute) {
  const int64_t months = int64_t{year} * 12 + (month - 1);
  const int64_t y = FloorDiv(months, 12);
  const auto m = static_cast<unsigned>(months - y * 12 + 1);
  const sys_days first{std::chrono::year{static_cast<int>(y)} / std::chrono::month{m} / 1};
  const int64_t local = (first.time_since_epoch().count() + day - 1) * kSecondsPerDay +
                        int64_t{hour} * 3600 + int64_t{minute} * 60;

  // Riga changes its offset at most twice a year, so within a day either side of `local`
  // there are at most two candidate offsets.
  const OffsetTable& table = Table();
  const int32_t before = table.At(local - kSecondsPerDay);
  const int32_t after = table.At(local + kSecondsPerDay);
  int64_t utc = local - before;
  if (before != after) {
    const int64_t early = local - before, late = local - after;
    const bool early_ok = table.At(early) == before;
    const bool late_ok = table.At(late) == after;
    if (early_ok && late_ok) {
      utc = std::min(early, late);  // repeated hour: the first occurrence
    } else if (late_ok) {
      utc = late;
    } else {
      utc = early;  // the gap, or only the earlier reading exists: the offset before the change
    }
  }
  return SysTime{std::chrono::seconds{utc}};
}

std::chrono::seconds RigaUtcOffset(SysTime t) {
  return std::chrono::seconds{Table().At(t.time_since_epoch().count())};
}

}  // namespace tilti::web::i18n
