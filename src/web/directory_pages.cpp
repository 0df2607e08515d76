// Handlers of the directory's public pages.
#include "store/directory_queries.h"
#include "directory/grouping.h"
#include "web/directory_views.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

}  // namespace

http::Response HomePage(const Site& site, const i18n::LocaleInfo& locale, http::Request& request) {
  // The home page depends only on the locale and the directory: rendered once per version.
  const std::string key = "home:" + locale.code;
  const int64_t version = site.DirectoryVersion();
  if (auto hit = site.answers().Get(key, version)) {
    return site.HtmlResponse(request, locale, 200, hit->body);
  }
  auto libraries = store::ListLibraries(*site.db().Read(), site.Chain(locale));
  size_t count = libraries.size();
  auto groups = directory::GroupByMunicipality(std::move(libraries), CollationOrder(site, locale));
  PageFrame frame{&locale, "", site.Tr(locale.code, "home.title")};
  std::string body = site.RenderBody(frame, "home", HomeView(site, locale, groups, count));
  site.answers().Put(key, version, {200, "text/html; charset=utf-8", body});
  return site.HtmlResponse(request, locale, 200, std::move(body));
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
