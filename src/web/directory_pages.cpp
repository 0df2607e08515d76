// Handlers of the directory's public pages.
#include "store/directory_queries.h"
#include "store/search_index.h"
#include "core/riga_time.h"
#include "directory/grouping.h"
#include "web/directory_views.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

// Until the list pages (issue 3 adds pagination), a search shows at most this many.
constexpr size_t kMaxResults = 200;

// The first value of query parameter `name`, trimmed and capped at 200 bytes.
std::string QueryParam(const http::Request& request, std::string_view name) {
  for (auto& [k, v] : http::ParseQuery(request.query)) {
    if (k != name) continue;
    size_t b = v.find_first_not_of(" \t\r\n"), e = v.find_last_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    std::string t = v.substr(b, e - b + 1);
    if (t.size() > 200) {
      t.resize(200);
      while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
      if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
    }
    return t;
  }
  return "";
}

directory::TextLess LessFor(const Site& site, const i18n::LocaleInfo& locale) {
  const i18n::Collator& collator = site.CollatorFor(locale.code);
  return [&collator](const std::string& a, const std::string& b) { return collator.Less(a, b); };
}

}  // namespace

http::Response HomePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  // The home page depends only on the locale and the data: render once per data generation.
  std::string key = "home:" + locale.code;
  if (auto body = site.CachedBody(key)) return site.HtmlResponse(request, locale, 200, *body);
  auto libraries = store::ListLibraries(*site.db().Read(), site.Chain(locale));
  size_t count = libraries.size();
  auto groups = directory::GroupByMunicipality(std::move(libraries), LessFor(site, locale));
  PageFrame frame{&locale, "", site.Tr(locale.code, "home.title")};
  std::string body = site.RenderBody(frame, "home", HomeView(site, locale, groups, count));
  site.StoreBody(key, body);
  return site.HtmlResponse(request, locale, 200, std::move(body));
}

http::Response LibrariesPage(const Site& site, const i18n::LocaleInfo& locale,
                             http::Request& request) {
  std::string q = QueryParam(request, "q");
  auto lease = site.db().Read();
  std::vector<directory::LibrarySummary> libraries;
  if (q.empty()) {
    libraries = store::ListLibraries(*lease, site.Chain(locale));
    directory::SortByName(libraries, LessFor(site, locale));
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

http::Response LibraryPage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request) {
  std::string slug(request.Param("slug"));
  SysTime now = site.clock().Now();
  auto library = store::LibraryBySlug(*site.db().Read(), site.Chain(locale), slug, RigaDate(now));
  if (!library) return site.ErrorPage(404, request);
  PageFrame frame{&locale, "libraries/" + slug, library->name.text};
  return site.RenderPage(request, frame, "library", LibraryView(site, locale, *library, now));
}

http::Response AccessibilityPage(const Site& site, const i18n::LocaleInfo& locale,
                                 http::Request& request) {
  PageFrame frame{&locale, "accessibility", site.Tr(locale.code, "accessibility.title")};
  return site.RenderPage(request, frame, "info", InfoView(site, locale, "accessibility"));
}

http::Response PrivacyPage(const Site& site, const i18n::LocaleInfo& locale,
                           http::Request& request) {
  PageFrame frame{&locale, "privacy", site.Tr(locale.code, "privacy.title")};
  return site.RenderPage(request, frame, "info", InfoView(site, locale, "privacy"));
}

}  // namespace tilti::web
