#pragma once
// The events module's model (issue 5): an event with its series (a wall-clock start, a
// duration, an RFC 5545 rule in Europe/Riga), the exceptions to the series, and the
// occurrences materialised from them. Pure data: the rules live in events/recurrence (rule
// expansion, libical) and events/event_rules (validation); SQL in store/event_store.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace tilti::events {

enum class RegistrationMode { kNone, kOpen, kApproval };
enum class EventStatus { kScheduled, kCancelled };

// "none", "open", "approval" (the database's words) and back; nullopt for anything else.
std::string_view RegistrationModeName(RegistrationMode mode);
std::optional<RegistrationMode> ParseRegistrationMode(std::string_view s);

// A wall-clock reading without a zone: the RECURRENCE-ID of an instance, "YYYY-MM-DDTHH:MM".
struct LocalStart {
  std::chrono::year_month_day date;
  std::chrono::minutes time{0};  // since midnight, 0..1439
  auto operator<=>(const LocalStart&) const = default;
  bool operator==(const LocalStart&) const = default;
};
// "2026-03-29T10:00"; and parsed back (nullopt when malformed or out of range).
std::string FormatLocalStart(const LocalStart& s);
std::optional<LocalStart> ParseLocalStart(std::string_view s);
// "HH:MM" <-> minutes since midnight (00:00..23:59).
std::string FormatTimeOfDay(std::chrono::minutes m);
std::optional<std::chrono::minutes> ParseTimeOfDay(std::string_view s);
// "YYYY-MM-DD" <-> date (nullopt when malformed or not a real date).
std::string FormatDate(std::chrono::year_month_day d);
std::optional<std::chrono::year_month_day> ParseDate(std::string_view s);

// An instant in iCalendar's basic UTC form, "20271231T215959Z" (UNTIL, DTSTAMP).
std::string FormatUtcBasic(SysTime t);

// The series: DTSTART (first date + wall-clock time in `time_zone`), duration and rule.
struct Series {
  LocalStart first;
  int duration_minutes = 60;
  std::string time_zone = "Europe/Riga";
  std::string rrule;  // RFC 5545 RRULE value without "RRULE:"; empty for a single date
};

enum class ExceptionKind { kCancelled, kRemoved, kChanged };

// One rule instance changed: cancelled (shown with its reason), removed (EXDATE) or moved.
struct SeriesException {
  LocalStart original;  // the instance of the rule it replaces (RECURRENCE-ID)
  ExceptionKind kind = ExceptionKind::kCancelled;
  std::string reason;                  // kCancelled
  std::optional<LocalStart> moved_to;  // kChanged: the new wall-clock start
  std::optional<int> duration_minutes; // kChanged: a new duration, if any
  int sequence = 0;
  SysTime last_modified{};
};

// A materialised occurrence: an instance of the series after its exceptions.
struct Occurrence {
  LocalStart original;   // rule instance (RECURRENCE-ID)
  LocalStart local;      // wall-clock start after a change
  SysTime starts_at{};
  SysTime ends_at{};
  bool cancelled = false;
  std::string cancel_reason;
};

}  // namespace tilti::events
