// The library search page: /{lang}/libraries?q=...&service=...&near=...&page=...
#include "directory/search_filters.h"
#include "store/search_queries.h"
#include "web/directory_views.h"
#include "web/handlers.h"

namespace tilti::web {

http::Response LibrariesPage(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request) {
  auto filters = directory::ParseSearchFilters(http::ParseQuery(request.query));
  auto lease = site.db().Read();
  auto results = store::SearchDirectory(*lease, site.Chain(locale), filters, site.clock().Now(),
                                        CollationOrder(site, locale));
  PageFrame frame{&locale, "libraries", site.Tr(locale.code, "libraries.title")};
  return site.RenderPage(request, frame, "libraries", LibrariesView(site, locale, results));
}

}  // namespace tilti::web
