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
  std::string title = site.Tr(locale.code, "libraries.title");
  if (results.filters.bad_coordinates || results.place_not_found) {
    title = site.Tr(locale.code, "form.error_title", {{"title", title}});  // QUALITY.md W4
  }
  PageFrame frame{&locale, "libraries", std::move(title)};
  return site.RenderPage(request, frame, "libraries", LibrariesView(site, locale, results));
}

}  // namespace tilti::web
