// Handlers outside the language prefix: redirects, static assets, health and metrics.
#include "store/directory_queries.h"
#include "store/search_snapshot.h"
#include "web/handlers.h"

namespace tilti::web {

http::Response RootRedirect(const Site& site, http::Request& request) {
  http::Response r;
  r.status = 303;
  r.Set("Location", "/" + site.Negotiate(request).code + "/");
  r.Set("Vary", "Accept-Language, Cookie");
  r.Set("Cache-Control", "no-store");
  return r;
}

http::Response LanguageRootRedirect(const Site& site, http::Request& request) {
  if (site.LocaleOf(request) == nullptr) return site.ErrorPage(404, request);
  http::Response r;
  r.status = 301;
  r.Set("Location", "/" + std::string(request.Param("lang")) + "/");
  return r;
}

// DESIGN.md names the back office /{lang}/admin/...; it lives at /{lang}/manage/...: the designed
// addresses (issue 8's /{lang}/admin/training, say) lead there.
http::Response AdminRedirect(const Site& site, http::Request& request) {
  if (site.LocaleOf(request) == nullptr) return site.ErrorPage(404, request);
  std::string location = "/" + std::string(request.Param("lang")) + "/manage";
  if (const std::string_view rest = request.Param("rest"); !rest.empty()) location += "/" + std::string(rest);
  if (!request.query.empty()) location += "?" + request.query;
  http::Response r;
  r.status = 301;
  r.Set("Location", location);
  return r;
}

http::Response StaticAsset(const Site& site, http::Request& request) {
  const Asset* asset = site.assets().Find(request.Param("file"));
  if (asset == nullptr) return site.ErrorPage(404, request);
  http::Response r;
  r.Set("Content-Type", asset->content_type);
  r.Set("Cache-Control", "public, max-age=31536000, immutable");
  r.Set("ETag", asset->etag);
  r.Set("X-Content-Type-Options", "nosniff");
  r.Set("Vary", "Accept-Encoding");
  if (auto inm = request.Header("if-none-match"); inm && *inm == asset->etag) {
    r.status = 304;
    return r;
  }
  auto ae = request.Header("accept-encoding");
  if (asset->gzip && ae && ae->find("gzip") != std::string_view::npos) {
    r.Set("Content-Encoding", "gzip");
    r.body = *asset->gzip;
  } else {
    r.body = asset->bytes;
  }
  return r;
}

http::Response Health(const Site& site, http::Request& request) {
  (void)request;
  http::Response r;
  r.Set("Content-Type", "application/json");
  r.Set("Cache-Control", "no-store");
  // A query proves the database answers, not just that the process is up; one indexed row, so
  // load balancers may ask often whatever the size of the directory.
  try {
    int64_t version = store::DirectoryVersion(*site.db().Read());
    r.body = "{\"status\":\"ok\",\"directory_version\":" + std::to_string(version) + "}";
  } catch (const std::exception&) {
    r.status = 503;
    r.body = "{\"status\":\"unavailable\"}";
  }
  return r;
}

http::Response MetricsText(const Site& site, http::Request& request) {
  (void)request;
  http::Response r;
  r.Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
  r.Set("Cache-Control", "no-store");
  r.body = site.metrics().RenderPrometheus();
  return r;
}

}  // namespace tilti::web
