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

// One of this page's results on the search page's map.
struct MapMarker {
  std::string name;  // as the list shows it
  std::string href;  // the library's page
  double lat = 0, lon = 0;
};

// What the map scripts (web/static/map.js, map_picker.js) read from their element's data-*
// attributes: the markers as JSON, the tile URL and attribution, and the URLs of Leaflet's files.
Data MapData(const Site& site, const std::vector<MapMarker>& markers);

// The search page (libraries.mustache): the filter form with the reader's choices ticked, the
// result count, this page's results with what matched, links to the previous and next page,
// and for an empty result the filters to drop and a "did you mean".
// With `map_markers` (view=map) every link and the form keep view=map, and `map` holds what
// map.js reads: the markers as JSON (escaped by the template), the tile URL and the URLs of
// Leaflet's files. Without it the page links to its map view.
Data LibrariesView(const Site& site, const i18n::LocaleInfo& locale,
                   const store::LibrarySearchResults& results,
                   const std::vector<MapMarker>* map_markers = nullptr);

// Orders names with the reader's collation (Latvian: c < č < d).
directory::TextLess CollationOrder(const Site& site, const i18n::LocaleInfo& locale);

// Data for info.mustache built from the catalogue: "<page>.sN.title", "<page>.sN.pM" and
// "<page>.sN.iM" (list items) for N, M = 1, 2, ... while they exist.
Data InfoView(const Site& site, const i18n::LocaleInfo& locale, const std::string& page);

}  // namespace tilti::web
