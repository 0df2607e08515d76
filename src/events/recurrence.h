#pragma once
// Series expansion: the instances of an RFC 5545 rule on the wall clock (libical, which lives
// only in recurrence.cpp), and the occurrences after the series' exceptions with their instants.
// Expansion happens on write (store/event_store materialises 18 months ahead), never on read.
//
// Rules are expanded on the wall clock (DTSTART is floating in libical's terms) and each
// instance is then placed in the series' zone, so "every Friday 16:00" stays at 16:00 across
// the clock changes, and a time in the spring-forward gap follows core/time_zone's RFC 5545 rule.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time_zone.h"
#include "events/event.h"

namespace tilti::events {

// Why a rule is refused, as a message id of the web catalogue ("event-rule-…").
enum class RuleError {
  kMalformed,        // libical cannot read it
  kTooFrequent,      // SECONDLY, MINUTELY or HOURLY: events are at most daily
  kTimeParts,        // BYHOUR / BYMINUTE / BYSECOND: the time comes from the start time
  kNoInstances,      // the rule gives no date at all (e.g. UNTIL before the first date)
};
std::string_view RuleErrorId(RuleError e);

// Checks an RRULE value (without "RRULE:"); empty is a single date and always fine.
std::optional<RuleError> CheckRule(const Series& series);

// The rule's instances (DTSTART first, as RFC 5545 counts it) whose date lies in [from, to],
// at most `limit` of them. A single-date series gives its one date when it lies in the range.
// UNTIL given in UTC is read on the series' wall clock. Throws std::invalid_argument for a rule
// CheckRule refuses.
std::vector<LocalStart> ExpandRule(const Series& series, std::chrono::year_month_day from,
                                   std::chrono::year_month_day to, size_t limit = 5000);

// The occurrences in [from, to] after the exceptions: removed instances are left out, cancelled
// ones kept with their reason, changed ones moved; ordered by start. `zone` is the series' zone.
std::vector<Occurrence> Materialise(const Series& series,
                                    const std::vector<SeriesException>& exceptions,
                                    std::chrono::year_month_day from,
                                    std::chrono::year_month_day to, const TimeZone& zone);

// The first instance of the series: its first date when it has no rule, else the rule's first
// instance on or after it (libical and other clients do not count a DTSTART the rule does not
// give, so the store moves DTSTART onto the first real instance). nullopt when there is none.
std::optional<LocalStart> FirstInstance(const Series& series);

// An RRULE value for the simple choices of the back-office form: "weekly" on ISO weekdays
// (1 = Monday), "daily", "monthly" (the same day of the month) or "monthly-weekday" (e.g. the
// second Tuesday, from the first date), every `interval`, until a date (inclusive, on the wall
// clock, written as UTC as RFC 5545 requires with a TZID start) or for `count` dates.
struct SimpleRule {
  std::string frequency;  // "daily", "weekly", "monthly", "monthly-weekday"; "" for one date
  int interval = 1;
  std::vector<int> weekdays;  // for weekly; empty means the first date's weekday
  std::optional<std::chrono::year_month_day> until;
  std::optional<int> count;
};
std::string BuildRule(const SimpleRule& rule, const Series& series, const TimeZone& zone);

}  // namespace tilti::events
