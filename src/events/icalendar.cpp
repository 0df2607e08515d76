#include "events/icalendar.h"

#include <chrono>
#include <cstdio>

namespace tilti::events {
namespace {

using namespace std::chrono;

constexpr std::string_view kRigaTimeZone =
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Riga\r\nX-LIC-LOCATION:Europe/Riga\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nTZNAME:EEST\r\n"
    "DTSTART:19700329T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nTZNAME:EET\r\n"
    "DTSTART:19701025T040000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

std::string Local(const LocalStart& s) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02ld%02ld00", static_cast<int>(s.date.year()),
                static_cast<unsigned>(s.date.month()), static_cast<unsigned>(s.date.day()),
                static_cast<long>(s.time.count() / 60), static_cast<long>(s.time.count() % 60));
  return buf;
}


// The wall-clock end of a start plus a duration.
LocalStart EndOf(const LocalStart& s, int duration_minutes) {
  const long m = s.time.count() + duration_minutes;
  return LocalStart{year_month_day{sys_days{s.date} + days{m / 1440}}, minutes{m % 1440}};
}

void Line(std::string& out, std::string_view name, std::string_view value) {
  out += FoldLine(std::string(name) + ":" + std::string(value));
}

void Common(std::string& out, const CalendarEvent& e) {
  Line(out, "UID", e.uid);
  Line(out, "DTSTAMP", FormatUtcBasic(e.dtstamp));
  Line(out, "SEQUENCE", std::to_string(e.sequence));
  Line(out, "SUMMARY", EscapeText(e.summary));
  if (!e.description.empty()) Line(out, "DESCRIPTION", EscapeText(e.description));
  if (!e.location.empty()) Line(out, "LOCATION", EscapeText(e.location));
  if (e.latitude && e.longitude) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f;%.6f", *e.latitude, *e.longitude);
    Line(out, "GEO", buf);
  }
  if (!e.url.empty()) Line(out, "URL", e.url);
  if (!e.categories.empty()) Line(out, "CATEGORIES", EscapeText(e.categories));
}

std::string_view StatusOf(const CalendarEvent& e, bool cancelled) {
  return cancelled ? "CANCELLED" : e.tentative ? "TENTATIVE" : "CONFIRMED";
}

// The status line, then the reminder of a date that still takes place.
void StatusAndAlarm(std::string& out, const CalendarEvent& e, bool cancelled) {
  Line(out, "STATUS", StatusOf(e, cancelled));
  if (cancelled || e.alarm_minutes_before <= 0) return;
  out += "BEGIN:VALARM\r\nACTION:DISPLAY\r\n";
  Line(out, "DESCRIPTION", EscapeText(e.summary));
  Line(out, "TRIGGER", "-PT" + std::to_string(e.alarm_minutes_before) + "M");
  out += "END:VALARM\r\n";
}

}  // namespace

std::string EscapeText(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        // Other control characters are not allowed in TEXT; they are dropped.
        if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\t') out += ch;
    }
  }
  return out;
}

std::string FoldLine(std::string_view line) {
  std::string out;
  size_t width = 0;  // octets on the current physical line
  size_t i = 0;
  while (i < line.size()) {
    const unsigned char lead = static_cast<unsigned char>(line[i]);
    size_t n = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 1;
    if (i + n > line.size()) n = line.size() - i;
    if (width + n > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, n));
    width += n;
    i += n;
  }
  out += "\r\n";
  return out;
}

std::string WriteCalendar(std::string_view name, const std::vector<CalendarEvent>& events) {
  std::string out;
  out += "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tilti//Library events//EN\r\n"
         "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n";
  Line(out, "X-WR-CALNAME", EscapeText(name));
  out += "X-WR-TIMEZONE:Europe/Riga\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n"
         "X-PUBLISHED-TTL:PT6H\r\n";
  out += kRigaTimeZone;
  for (const CalendarEvent& e : events) {
    const std::string tz = ";TZID=" + e.series.time_zone + ":";
    out += "BEGIN:VEVENT\r\n";
    Common(out, e);
    out += FoldLine("DTSTART" + tz + Local(e.series.first));
    out += FoldLine("DTEND" + tz + Local(EndOf(e.series.first, e.series.duration_minutes)));
    if (!e.series.rrule.empty()) Line(out, "RRULE", e.series.rrule);
    for (const SeriesException& x : e.exceptions) {
      if (x.kind == ExceptionKind::kRemoved) out += FoldLine("EXDATE" + tz + Local(x.original));
    }
    StatusAndAlarm(out, e, e.cancelled);
    out += "END:VEVENT\r\n";
    // Each cancelled or moved date of a series is its own component with the same UID.
    for (const SeriesException& x : e.exceptions) {
      if (x.kind == ExceptionKind::kRemoved || e.series.rrule.empty()) continue;
      const LocalStart start = x.kind == ExceptionKind::kChanged && x.moved_to ? *x.moved_to : x.original;
      const int duration = x.duration_minutes.value_or(e.series.duration_minutes);
      out += "BEGIN:VEVENT\r\n";
      CalendarEvent one = e;
      one.sequence = std::max(e.sequence, x.sequence);
      if (x.kind == ExceptionKind::kCancelled && !x.reason.empty()) {
        one.description = x.reason + (e.description.empty() ? "" : "\n\n" + e.description);
      }
      Common(out, one);
      out += FoldLine("RECURRENCE-ID" + tz + Local(x.original));
      out += FoldLine("DTSTART" + tz + Local(start));
      out += FoldLine("DTEND" + tz + Local(EndOf(start, duration)));
      StatusAndAlarm(out, one, x.kind == ExceptionKind::kCancelled || e.cancelled);
      out += "END:VEVENT\r\n";
    }
  }
  out += "END:VCALENDAR\r\n";
  return out;
}

}  // namespace tilti::events
