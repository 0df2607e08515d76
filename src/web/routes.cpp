#include "web/routes.h"

#include "core/log.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

// Wraps a page handler: resolves {lang}, answering 404 for a language we do not have.
http::Handler Localized(const Site& site, PageHandler page) {
  return [&site, page](http::Request& request) {
    const i18n::LocaleInfo* locale = site.LocaleOf(request);
    if (locale == nullptr) return site.ErrorPage(404, request);
    return page(site, *locale, request);
  };
}

http::Handler Plain(const Site& site, http::Response (*handler)(const Site&, http::Request&)) {
  return [&site, handler](http::Request& request) { return handler(site, request); };
}

}  // namespace

http::Router BuildRoutes(const Site& site) {
  http::Router r;
  // Operations and assets.
  r.Add("GET", "/healthz", Plain(site, Health));
  r.Add("GET", "/metrics", Plain(site, MetricsText));
  r.Add("GET", "/static/{file...}", Plain(site, StaticAsset));
  // HSDS API (/api/v1)
  r.Add("GET", "/api/v1", Plain(site, ApiRoot));
  r.Add("GET", "/api/v1/", Plain(site, ApiRoot));
  r.Add("GET", "/api/v1/services", Plain(site, ApiServices));
  r.Add("GET", "/api/v1/services/{id}", Plain(site, ApiService));
  r.Add("GET", "/api/v1/organizations", Plain(site, ApiOrganizations));
  r.Add("GET", "/api/v1/organizations/{id}", Plain(site, ApiOrganization));
  r.Add("GET", "/api/v1/service_at_locations", Plain(site, ApiServiceAtLocations));
  r.Add("GET", "/api/v1/service_at_locations/{id}", Plain(site, ApiServiceAtLocation));
  r.Add("GET", "/api/v1/taxonomies", Plain(site, ApiTaxonomies));
  r.Add("GET", "/api/v1/taxonomies/{id}", Plain(site, ApiTaxonomy));
  r.Add("GET", "/api/v1/taxonomy_terms", Plain(site, ApiTaxonomyTerms));
  r.Add("GET", "/api/v1/taxonomy_terms/{id}", Plain(site, ApiTaxonomyTerm));
  r.Add("GET", "/api/v1/{rest...}", Plain(site, ApiNotFound));
  // end HSDS API
  // Language choice.
  r.Add("GET", "/", Plain(site, RootRedirect));
  r.Add("GET", "/{lang}", Plain(site, LanguageRootRedirect));
  // Public pages.
  r.Add("GET", "/{lang}/", Localized(site, HomePage));
  r.Add("GET", "/{lang}/libraries", Localized(site, LibrariesPage));
  r.Add("GET", "/{lang}/libraries/{slug}", Localized(site, LibraryPage));
  r.Add("GET", "/{lang}/libraries/{slug}/qr.svg", Localized(site, LibraryQrCode));
  r.Add("GET", "/{lang}/services/{id}", Localized(site, ServicePage));
  r.Add("GET", "/{lang}/libraries/{slug}/report", Localized(site, ReportForm));
  r.Add("POST", "/{lang}/libraries/{slug}/report", Localized(site, ReportSubmit));
  r.Add("GET", "/{lang}/libraries/{slug}/report/thanks", Localized(site, ReportThanks));
  r.Add("GET", "/{lang}/accessibility", Localized(site, AccessibilityPage));
  r.Add("GET", "/{lang}/privacy", Localized(site, PrivacyPage));
  return r;
}

http::Handler MakeDispatcher(const http::Router& router, const Site& site) {
  return [&router, &site](http::Request& request) -> http::Response {
    http::Router::Match match = router.Find(request);
    http::Response response;
    try {
      switch (match.outcome) {
        case http::Router::Outcome::kMatched:
          response = (*match.handler)(request);
          break;
        case http::Router::Outcome::kMethodNotAllowed: {
          response = site.ErrorPage(405, request);
          std::string allow;
          for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
          response.Set("Allow", allow);
          break;
        }
        case http::Router::Outcome::kNotFound:
          response = site.ErrorPage(404, request);
          break;
      }
    } catch (const std::exception& e) {
      spdlog::error("rid={} {} {}: {}", request.request_id, request.method, match.pattern,
                    e.what());
      response = site.ErrorPage(500, request);
    }
    response.route = match.outcome == http::Router::Outcome::kNotFound ? "-" : match.pattern;
    return response;
  };
}

}  // namespace tilti::web
