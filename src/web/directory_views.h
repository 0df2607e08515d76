#pragma once
// View models of the directory pages: localised, formatted data for the templates.
#include <string>
#include <vector>

#include "directory/library.h"
#include "web/site.h"

namespace tilti::web {

Data HomeView(const Site& site, const i18n::LocaleInfo& locale,
              const std::vector<directory::MunicipalityGroup>& groups, size_t library_count);

Data LibrariesView(const Site& site, const i18n::LocaleInfo& locale, const std::string& query,
                   const std::vector<directory::LibrarySummary>& libraries);

// `now` decides "open now" and which day of the week is today.
Data LibraryView(const Site& site, const i18n::LocaleInfo& locale,
                 const directory::LibraryDetail& library, SysTime now);

// The opening-hours block: a status line ("Open now, closes at 18:00") and the 7 days from
// today, or only a "not known" line when the library has not given its hours.
Data HoursView(const Site& site, const i18n::LocaleInfo& locale,
               const std::optional<directory::WeeklyHours>& hours, SysTime now);

// Data for info.mustache built from the catalogue: "<page>.sN.title", "<page>.sN.pM" and
// "<page>.sN.iM" (list items) for N, M = 1, 2, ... while they exist.
Data InfoView(const Site& site, const i18n::LocaleInfo& locale, const std::string& page);

}  // namespace tilti::web
