#pragma once
// View models of one library's page.
#include <optional>

#include "core/clock.h"
#include "directory/library.h"
#include "web/site.h"

namespace tilti::web {

// `now` decides "open now" and which day of the week is today.
Data LibraryView(const Site& site, const i18n::LocaleInfo& locale,
                 const directory::LibraryDetail& library, SysTime now);

// The opening-hours block: a status line ("Open now, closes at 18:00") and the 7 days from
// today, or only a "not known" line when the library has not given its hours.
Data HoursView(const Site& site, const i18n::LocaleInfo& locale,
               const std::optional<directory::WeeklyHours>& hours, SysTime now);

// The page of one service at one library.
Data ServiceView(const Site& site, const i18n::LocaleInfo& locale,
                 const directory::ServiceAtLibrary& service, SysTime now);

}  // namespace tilti::web
