#pragma once
// iCalendar (RFC 5545) output for the calendar feeds (QUALITY C1–C4): times on the series' wall
// clock with TZID=Europe/Riga and a full VTIMEZONE (never floating), RRULE + EXDATE +
// RECURRENCE-ID for series, STATUS:CANCELLED for cancelled dates, text escaped and lines folded
// at 75 octets without splitting a UTF-8 character, CRLF line ends. Pure: no SQL, no HTTP.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "events/event.h"

namespace tilti::events {

struct CalendarEvent {
  std::string uid;          // stable forever, the same in every language's feed
  SysTime dtstamp{};        // the event's last change
  int sequence = 0;
  std::string summary, description, location, url, categories;
  std::optional<double> latitude, longitude;
  Series series;            // Europe/Riga wall clock
  bool cancelled = false;   // the whole event
  bool tentative = false;   // STATUS:TENTATIVE (a place on a waitlist or awaiting approval)
  std::vector<SeriesException> exceptions;
  // A reminder (VALARM, ACTION:DISPLAY) this many minutes before each start; 0: none. Never on
  // a cancelled date.
  int alarm_minutes_before = 0;
};

// A VCALENDAR named `name` with the events (REFRESH-INTERVAL of 6 hours).
std::string WriteCalendar(std::string_view name, const std::vector<CalendarEvent>& events);

// TEXT escaping of RFC 5545 3.3.11: backslash, semicolon, comma and newlines.
std::string EscapeText(std::string_view text);
// A content line folded at 75 octets (CRLF + space), never inside a UTF-8 sequence; ends in CRLF.
std::string FoldLine(std::string_view line);

}  // namespace tilti::events
