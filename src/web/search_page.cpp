// The library search page: /{lang}/libraries?q=...&service=...&near=...&page=...[&view=map]
#include "core/riga_time.h"
#include "directory/search_filters.h"
#include "store/directory_queries.h"
#include "store/library_finder.h"
#include "web/directory_views.h"
#include "web/handlers.h"

namespace tilti::web {

http::Response LibrariesPage(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request) {
  auto params = http::ParseQuery(request.query);
  auto filters = directory::ParseSearchFilters(params);
  bool map_view = false;
  for (const auto& [name, value] : params)
    map_view = map_view || (name == "view" && value == "map");
  // The page depends only on the query, the language and the directory (and, for open=now, on
  // the minute; open=<date and time> is in the query): one rendering serves every reader until
  // one of those changes.
  const int64_t version = site.DirectoryVersion();
  std::string key = "libraries:" + locale.code + "?" + request.query;
  if (filters.open_now) {
    key += "@" + std::to_string(std::chrono::duration_cast<std::chrono::minutes>(
                                    site.clock().Now().time_since_epoch())
                                    .count());
  }
  if (auto hit = site.answers().Get(key, version)) {
    return site.HtmlResponse(request, locale, hit->status, hit->body);
  }
  auto lease = site.db().Read();
  auto snapshot = site.SearchSnapshot(*lease);
  auto results = store::FindLibraries(*lease, *snapshot, site.Chain(locale), locale.code, filters,
                                      site.clock().Now());
  // The map shows this page's results, the same ones as the list beside it.
  // TODO(store): carry coordinates in LibrarySummary so this is not one query per result.
  std::vector<MapMarker> markers;
  if (map_view) {
    auto today = RigaDate(site.clock().Now());
    for (const auto& r : results.results) {
      auto lib = store::LibraryBySlug(*lease, site.Chain(locale), r.library.slug, today);
      if (!lib || !lib->latitude || !lib->longitude) continue;
      markers.push_back({r.library.name.text, "/" + locale.code + "/libraries/" + r.library.slug,
                         *lib->latitude, *lib->longitude});
    }
  }
  std::string title = site.Tr(locale.code, "libraries.title");
  if (results.filters.bad_coordinates || results.filters.bad_open || results.place_not_found) {
    title = site.Tr(locale.code, "form.error_title", {{"title", title}});  // QUALITY.md W4
  }
  PageFrame frame{&locale, "libraries", std::move(title)};
  std::string body = site.RenderBody(
      frame, "libraries", LibrariesView(site, locale, results, map_view ? &markers : nullptr));
  site.answers().Put(key, version, {frame.status, "text/html; charset=utf-8", body});
  return site.HtmlResponse(request, locale, frame.status, std::move(body));
}

}  // namespace tilti::web
