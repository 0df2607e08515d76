#pragma once
// View models of one library's page.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "directory/library.h"
#include "store/directory_queries.h"
#include "web/site.h"

namespace tilti::web {

// "tel:+37165000000" for a number as the directory has it ("65000000", "+371 650 00000").
std::string TelHref(const std::string& number);
// The URL as a link target when it is http(s) (a bare host gets https://); "" otherwise, so
// no javascript: or other scheme becomes a link.
std::string SafeWebHref(const std::string& url);

// How many days after today the library page looks for dated exceptions and public holidays
// beyond its 7-day week view. Two months: libraries announce closures (inventory, training
// days) a few weeks ahead, and the window reaches the next cluster of holidays (Easter, Līgo
// and Jāņi, 18 November, Christmas to New Year) when a visitor starts to plan around it,
// while the list stays a handful of lines rather than a calendar.
inline constexpr int kDatedDaysAhead = 60;

// `now` decides "open now" and which day of the week is today, on the library's own clock.
// `dated_days` are the days after the week view that differ from the weekly timetable
// (store::DatedDaysOfLocation from the library's today + 7 to today + kDatedDaysAhead); empty
// shows nothing. `place` gives the address shown (when there is one) and the JSON-LD's
// country.
Data LibraryView(const Site& site, const i18n::LocaleInfo& locale,
                 const directory::LibraryDetail& library,
                 const std::vector<directory::DayHours>& dated_days, SysTime now,
                 const store::LibraryPlace& place = {});

// The lines of a postal address as it is written in its country: the street lines, then
// "postcode town" (most of Europe), "town, STATE postcode" (US, CA, AU) or town and postcode
// on lines of their own (GB, IE). Empty parts are left out.
std::vector<std::string> AddressLines(const store::PostalAddress& address);

// The list of those days: each with its weekday and long date in the reader's language, its
// hours or "closed", and the holiday's name and the library's note.
Data DatedDaysView(const Site& site, const i18n::LocaleInfo& locale,
                   const std::vector<directory::DayHours>& days);

// The opening-hours block: a status line ("Open now, closes at 18:00") and the 7 days from
// today, or only a "not known" line when the library has not given its hours. Outside
// Europe/Riga it also says which time zone the times are in.
Data HoursView(const Site& site, const i18n::LocaleInfo& locale,
               const std::optional<directory::WeeklyHours>& hours, SysTime now);

// Share links (messengers, e-mail) for a page's absolute `url` with `title`, labelled in the
// reader's language.
Data ShareData(const Site& site, const i18n::LocaleInfo& locale, const std::string& url,
               const std::string& title);

// The page of one service at one library.
Data ServiceView(const Site& site, const i18n::LocaleInfo& locale,
                 const directory::ServiceAtLibrary& service, SysTime now);

}  // namespace tilti::web
