#pragma once
// View models of the directory pages: localised, formatted data for the templates.
#include <string>
#include <vector>

#include "directory/grouping.h"
#include "directory/library.h"
#include "store/search_queries.h"
#include "web/site.h"

namespace tilti::web {

Data HomeView(const Site& site, const i18n::LocaleInfo& locale,
              const std::vector<directory::MunicipalityGroup>& groups, size_t library_count);

// The search page (libraries.mustache): the filter form with the reader's choices ticked, the
// result count, this page's results with what matched, links to the previous and next page,
// and for an empty result the filters to drop and a "did you mean".
Data LibrariesView(const Site& site, const i18n::LocaleInfo& locale,
                   const store::LibrarySearchResults& results);

// Orders names with the reader's collation (Latvian: c < č < d).
directory::TextLess CollationOrder(const Site& site, const i18n::LocaleInfo& locale);

// Data for info.mustache built from the catalogue: "<page>.sN.title", "<page>.sN.pM" and
// "<page>.sN.iM" (list items) for N, M = 1, 2, ... while they exist.
Data InfoView(const Site& site, const i18n::LocaleInfo& locale, const std::string& page);

}  // namespace tilti::web
