// The library search page: /{lang}/libraries?q=...
#include "directory/grouping.h"
#include "store/directory_queries.h"
#include "store/search_index.h"
#include "web/directory_views.h"
#include "web/handlers.h"
#include "web/query_params.h"

namespace tilti::web {
namespace {

// Until the list pages get pagination, a search shows at most this many.
constexpr size_t kMaxResults = 200;

}  // namespace

http::Response LibrariesPage(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request) {
  std::string q = QueryParam(request, "q");
  auto lease = site.db().Read();
  std::vector<directory::LibrarySummary> libraries;
  if (q.empty()) {
    libraries = store::ListLibraries(*lease, site.Chain(locale));
    directory::SortByName(libraries, CollationOrder(site, locale));
  } else {
    std::vector<std::string> slugs;
    for (auto& hit : store::SearchLibraries(*lease, q, kMaxResults)) {
      slugs.push_back(std::move(hit.organization_slug));
    }
    libraries = store::LibrariesBySlugs(*lease, site.Chain(locale), slugs);  // best first
  }
  PageFrame frame{&locale, "libraries", site.Tr(locale.code, "libraries.title")};
  return site.RenderPage(request, frame, "libraries", LibrariesView(site, locale, q, libraries));
}

}  // namespace tilti::web
