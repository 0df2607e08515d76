#pragma once
// View models of the bookable resources' pages (resource_pages.cpp, booking_pages.cpp and the
// librarian's booking_desk_pages.cpp).
#include <string>
#include <vector>

#include "store/booking_store.h"
#include "web/form_view.h"
#include "web/site.h"

namespace tilti::web {

std::string ResourcePath(std::string_view lang, std::string_view id);

// Name, link, kind, library and the sample mark of a resource (for lists).
Data ResourceSummaryView(const Site& site, const i18n::LocaleInfo& locale,
                         const store::ResourceView& r);

// Everything a visitor should know before booking: the visual story (one step per line of
// what_to_expect), capacity, length, languages, accessibility, the booking rules.
Data ResourceDetailView(const Site& site, const i18n::LocaleInfo& locale,
                        const store::ResourceView& r, bool library_has_page);

// The bookable days, each a link to its free times (`query` is appended, e.g. "&move=...").
Data DayListView(const Site& site, const i18n::LocaleInfo& locale, const store::ResourceView& r,
                 const std::vector<store::DateFree>& days, const std::string& query);

// "Monday, 7 December 2026" for a date (on Riga's clock, at noon so no zone moves it).
std::string DayLabel(const i18n::Formatter& f, std::chrono::year_month_day date);

// "10:00–10:45, 3 places free" / "10:00–10:45, fully booked": what a screen reader announces.
std::string SlotLabel(const Site& site, std::string_view lang, const store::SlotView& s);


// The optional "Who is it for?" choice (a target-group term; "" = not said). Only counts by
// group are kept after the booking is erased.
void TargetGroupField(const Site& site, const i18n::LocaleInfo& locale, FormView& form,
                      const std::string& selected);
// Whether `code` is "" or a target group's code.
bool KnownTargetGroup(const Site& site, const std::string& code);

// The languages a resource offers interpretation into (an interpreter-supported session: its
// languages other than Latvian), for the needs a person can tick.
std::vector<std::string> InterpretedLanguages(const store::ResourceView& r);

}  // namespace tilti::web
