// One library's public page: /{lang}/libraries/{slug}
#include "core/riga_time.h"
#include "store/directory_queries.h"
#include "web/handlers.h"
#include "web/library_views.h"

namespace tilti::web {

http::Response LibraryPage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request) {
  std::string slug(request.Param("slug"));
  SysTime now = site.clock().Now();
  auto library = store::LibraryBySlug(*site.db().Read(), site.Chain(locale), slug, RigaDate(now));
  if (!library) return site.ErrorPage(404, request);
  PageFrame frame{&locale, "libraries/" + slug, library->name.text};
  return site.RenderPage(request, frame, "library", LibraryView(site, locale, *library, now));
}

}  // namespace tilti::web
