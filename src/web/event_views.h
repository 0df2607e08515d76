#pragma once
// View models of the public events pages (event_pages.cpp): the list by day, the month table,
// one event, and the library page's upcoming events.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "events/event_filter.h"
#include "events/icalendar.h"
#include "store/event_queries.h"
#include "store/event_store.h"
#include "web/site.h"

namespace tilti::web {

// "/{lang}/events/{id}?on=2026-12-04T16:00": the page of one date of an event.
std::string OccurrenceHref(std::string_view lang, const store::OccurrenceItem& o);

// "Friday, 27 November 2026, 16:00–17:00" in the formatter's language, on Riga's clock.
std::string WhenText(const i18n::Formatter& f, SysTime starts_at, SysTime ends_at);

// The occurrences grouped by day ("Today", "Tomorrow", then long dates), each with its time,
// title, library, category and what to know (online, interpreter, registration, cancelled,
// sample).
Data EventDaysView(const Site& site, const i18n::LocaleInfo& locale,
                   const std::vector<store::OccurrenceItem>& items, SysTime now);

// A month as a table of weeks (Monday first): each day with its first kMonthDayCap events and,
// on a busy day, a link to that day's list ("and 14 more") with the same filter.
inline constexpr size_t kMonthDayCap = 6;
Data MonthTableView(const Site& site, const i18n::LocaleInfo& locale,
                    std::chrono::year_month month,
                    const std::vector<store::OccurrenceItem>& items,
                    const events::EventFilter& filter);

// The filter form: choices with the current ones selected.
Data EventFilterView(const Site& site, const i18n::LocaleInfo& locale,
                     const events::EventFilter& filter, const store::EventFilterChoices& choices);

// One event's page; `selected` is the date shown (nullopt: the event has no date ahead).
Data EventView(const Site& site, const i18n::LocaleInfo& locale, const store::EventDetail& event,
               const std::optional<store::OccurrenceItem>& selected,
               const std::vector<store::OccurrenceItem>& next_dates, SysTime now);

// schema.org Event for one date (ScriptSafeJson applied).
std::string EventJsonLd(const store::EventDetail& event, const store::OccurrenceItem& date,
                        std::string_view url);

// An event as an iCalendar VEVENT in the locale's texts: UID "{id}@tilti", DTSTAMP and SEQUENCE
// of its last change, the cancellation reason before the description.
events::CalendarEvent CalendarEventOf(const Site& site, const i18n::LocaleInfo& locale,
                                      const store::EventRecord& record,
                                      const store::EventDetail& detail,
                                      std::vector<events::SeriesException> exceptions);

// The same event narrowed to the one date `on` (its RECURRENCE-ID, "2026-12-04T16:00"), with a
// UID of its own ("{id}-{on}@tilti"): importing it beside a subscription to the series must not
// replace the series in the reader's calendar.
void NarrowToDate(events::CalendarEvent& c, std::string_view on, SysTime starts_at,
                  SysTime ends_at, bool cancelled);

}  // namespace tilti::web
