#include "events/icalendar.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include "events/recurrence.h"

namespace tilti::events {
namespace {

using namespace std::chrono;

LocalStart At(int y, unsigned m, unsigned d, int hh, int mm) {
  return LocalStart{year_month_day{year{y}, month{m}, day{d}}, minutes{hh * 60 + mm}};
}

// Lines unfolded (RFC 5545 3.1).
std::string Unfold(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

TEST(ICalendar, FoldsAt75OctetsWithoutSplittingUtf8) {
  const std::string text = "SUMMARY:" + std::string(30, 'x') + "Latviešu valodas klubs — Клуб розмовної латиської мови — نادي المحادثة باللغة اللاتفية";
  const std::string folded = FoldLine(text);
  size_t start = 0;
  while (start < folded.size()) {
    const size_t end = folded.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 75u);
    if (end + 2 < folded.size()) {
      const unsigned char next = static_cast<unsigned char>(folded[end + 3]);
      EXPECT_NE(next & 0xC0, 0x80) << "a continuation byte starts a line";
    }
    start = end + 2;
  }
  EXPECT_EQ(Unfold(folded), text + "\r\n");
}

TEST(ICalendar, EscapesText) {
  EXPECT_EQ(EscapeText("a;b,c\\d\ne\r\nf"), "a\\;b\\,c\\\\d\\ne\\nf");
}

TEST(ICalendar, LibicalReadsTheFeedAndAgreesOnTheDates) {
  CalendarEvent e;
  e.uid = "abc@tilti";
  e.dtstamp = SysTime{sys_days{2026y / November / 22}};
  e.sequence = 3;
  e.summary = "Sarunu klubs; ar tulku, \"uk\"";
  e.description = "Rindas\nun komati, semikoli;";
  e.series.first = At(2027, 3, 5, 16, 0);
  e.series.duration_minutes = 60;
  e.series.rrule = "FREQ=WEEKLY;BYDAY=FR;COUNT=6";
  e.exceptions = {{At(2027, 3, 12, 16, 0), ExceptionKind::kRemoved, "", {}, {}, 2, {}},
                  {At(2027, 3, 19, 16, 0), ExceptionKind::kCancelled, "Slims", {}, {}, 3, {}},
                  {At(2027, 3, 26, 16, 0), ExceptionKind::kChanged, "", At(2027, 3, 27, 11, 0), 90, 3, {}}};
  const std::string ics = WriteCalendar("Tilti", {e});
  EXPECT_NE(ics.find("DTSTART;TZID=Europe/Riga:20270305T160000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("EXDATE;TZID=Europe/Riga:20270312T160000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("RECURRENCE-ID;TZID=Europe/Riga:20270319T160000\r\nDTSTART"), std::string::npos);
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  ASSERT_NE(cal, nullptr);
  int errors = 0, vevents = 0;
  for (icalcomponent* c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
       c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    ++vevents;
    errors += icalcomponent_count_properties(c, ICAL_XLICERROR_PROPERTY);
  }
  errors += icalcomponent_count_properties(cal, ICAL_XLICERROR_PROPERTY);
  EXPECT_EQ(errors, 0) << ics;
  EXPECT_EQ(vevents, 3);
  icalcomponent* master = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_summary(master), "Sarunu klubs; ar tulku, \"uk\"");
  // libical's expansion of the master's rule minus EXDATE equals ours.
  icalproperty* rp = icalcomponent_get_first_property(master, ICAL_RRULE_PROPERTY);
  icalrecur_iterator* it = icalrecur_iterator_new(icalproperty_get_rrule(rp), icalcomponent_get_dtstart(master));
  std::vector<std::string> theirs;
  for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t); t = icalrecur_iterator_next(it)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
    if (std::string(buf) != "2027-03-12T16:00") theirs.push_back(buf);
  }
  icalrecur_iterator_free(it);
  std::vector<std::string> ours;
  for (const auto& o : Materialise(e.series, e.exceptions, At(2027, 1, 1, 0, 0).date, At(2028, 1, 1, 0, 0).date, TimeZone())) {
    ours.push_back(FormatLocalStart(o.original));
  }
  EXPECT_EQ(theirs, ours);
  icalcomponent_free(cal);
}

TEST(ICalendar, AReminderIsAValarmLibicalReads) {
  CalendarEvent e;
  e.uid = "r1-2027-03-05T16:00@tilti";
  e.dtstamp = SysTime{sys_days{2026y / November / 22}};
  e.summary = "Sarunu klubs";
  e.series.first = At(2027, 3, 5, 16, 0);
  e.series.duration_minutes = 60;
  e.tentative = true;
  e.alarm_minutes_before = 24 * 60;
  const std::string ics = WriteCalendar("Tilti", {e});
  EXPECT_NE(ics.find("STATUS:TENTATIVE\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n"), std::string::npos) << ics;
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  ASSERT_NE(cal, nullptr);
  icalcomponent* event = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_TENTATIVE);
  icalcomponent* alarm = icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT);
  ASSERT_NE(alarm, nullptr);
  EXPECT_EQ(icalcomponent_count_properties(alarm, ICAL_XLICERROR_PROPERTY), 0);
  icalproperty* trigger = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
  ASSERT_NE(trigger, nullptr);
  const icaltriggertype t = icalproperty_get_trigger(trigger);
  EXPECT_EQ(icaldurationtype_as_int(t.duration), -24 * 3600);
  icalcomponent_free(cal);

  // A cancelled date keeps no reminder.
  e.cancelled = true;
  const std::string cancelled = WriteCalendar("Tilti", {e});
  EXPECT_EQ(cancelled.find("VALARM"), std::string::npos);
  EXPECT_NE(cancelled.find("STATUS:CANCELLED"), std::string::npos);
}

}  // namespace
}  // namespace tilti::events
