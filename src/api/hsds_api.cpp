#include "api/hsds_api.h"

#include <cstdio>

#include "api/hsds_json.h"
#include "core/ids.h"
#include "store/hsds_queries.h"

namespace tilti::api {
namespace {

namespace json = boost::json;
namespace hsds = store::hsds;

// HSDS 3.0 names a profile by the URL of its document; ours is served by the API itself, so the
// URL follows --public-url and the document always matches the running code.
constexpr std::string_view kProfilePath = "/api/v1/profile";
constexpr std::string_view kOpenApiUrl =
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";

ApiReply Json(const json::value& v) { return {200, "application/json", json::serialize(v)}; }

Depth DepthOf(const ListParams& p, Depth otherwise) {
  if (p.minimal) return Depth::kMinimal;
  if (p.full) return Depth::kFull;
  return otherwise;
}

hsds::PageRequest PageOf(const ListParams& p) { return {p.page, p.per_page}; }

// A page as the HSDS envelope, or with format=ndjson one item per line and no envelope.
template <typename T, typename ToJson>
ApiReply ListReply(const hsds::Page<T>& page, const ListParams& p, ToJson to_json) {
  if (p.ndjson) {
    ApiReply r{200, "application/x-ndjson", ""};
    for (const auto& item : page.items) r.body += json::serialize(to_json(item)) + "\n";
    return r;
  }
  json::array contents;
  for (const auto& item : page.items) contents.push_back(to_json(item));
  return Json(PageJson(page.total_items, p.page, p.per_page, std::move(contents)));
}

ApiReply NotFound(std::string_view what) {
  return Problem(404, "Not Found", "There is no " + std::string(what) + " with this id.");
}

}  // namespace

ApiReply RootReply(std::string_view public_url) {
  return Json(json::object{{"version", "3.0"},
                           {"profile", std::string(public_url) + std::string(kProfilePath)},
                           {"openapi_url", kOpenApiUrl}});
}

ApiReply ProfileReply(std::string markdown) {
  // RFC 7763 Markdown, GitHub's dialect (tables): the document as written, readable as plain
  // text and rendered by any Markdown tool, without a second, hand-kept HTML copy.
  return {200, "text/markdown; charset=utf-8; variant=GFM", std::move(markdown)};
}

ApiReply ServicesReply(store::Connection& c, const LocaleChain& chain, const ListParams& p) {
  hsds::ServiceFilter f{p.search, p.taxonomy_term_id, p.taxonomy_id, p.organization_id,
                        p.modified_after};
  const Depth depth = DepthOf(p, Depth::kList);
  auto page = hsds::ListServices(c, chain, f, PageOf(p), depth == Depth::kFull);
  return ListReply(page, p, [depth](const auto& s) { return ServiceJson(s, depth); });
}

ApiReply ServiceReply(store::Connection& c, const LocaleChain& chain, std::string_view id) {
  auto s = hsds::ServiceById(c, chain, id);
  if (!s) return NotFound("service");
  return Json(ServiceJson(*s, Depth::kFull));
}

ApiReply OrganizationsReply(store::Connection& c, const LocaleChain& chain, const ListParams& p) {
  hsds::OrganizationFilter f{p.search, p.taxonomy_term_id, p.modified_after};
  const Depth depth = DepthOf(p, Depth::kList);
  auto page = hsds::ListOrganizations(c, chain, f, PageOf(p));
  if (depth == Depth::kFull) {
    // full=true: each organization as its item endpoint returns it.
    for (auto& o : page.items) {
      if (auto full = hsds::OrganizationById(c, chain, o.id)) o = std::move(*full);
    }
  }
  return ListReply(page, p, [depth](const auto& o) { return OrganizationJson(o, depth); });
}

ApiReply OrganizationReply(store::Connection& c, const LocaleChain& chain, std::string_view id) {
  auto o = hsds::OrganizationById(c, chain, id);
  if (!o) return NotFound("organization");
  return Json(OrganizationJson(*o, Depth::kFull));
}

ApiReply ServiceAtLocationsReply(store::Connection& c, const LocaleChain& chain,
                                 const ListParams& p) {
  hsds::ServiceAtLocationFilter f{p.search,   p.taxonomy_term_id, p.organization_id, p.postcode,
                                  p.latitude, p.longitude,        p.proximity_km};
  const Depth depth = DepthOf(p, Depth::kList);
  auto page = hsds::ListServiceAtLocations(c, chain, f, PageOf(p));
  return ListReply(page, p, [depth](const auto& r) { return ServiceAtLocationJson(r, depth); });
}

ApiReply ServiceAtLocationReply(store::Connection& c, const LocaleChain& chain,
                                std::string_view id) {
  auto r = hsds::ServiceAtLocationById(c, chain, id);
  if (!r) return NotFound("service_at_location");
  return Json(ServiceAtLocationJson(*r, Depth::kFull));
}

ApiReply TaxonomiesReply(store::Connection& c, const LocaleChain& chain, const ListParams& p) {
  auto page = hsds::ListTaxonomies(c, chain, PageOf(p));
  return ListReply(page, p, [](const auto& t) { return TaxonomyJson(t); });
}

ApiReply TaxonomyReply(store::Connection& c, const LocaleChain& chain, std::string_view id) {
  auto t = hsds::TaxonomyById(c, chain, id);
  if (!t) return NotFound("taxonomy");
  return Json(TaxonomyJson(*t));
}

ApiReply TaxonomyTermsReply(store::Connection& c, const LocaleChain& chain, const ListParams& p) {
  auto page = hsds::ListTaxonomyTerms(c, chain, p.taxonomy_id, PageOf(p));
  return ListReply(page, p, [](const auto& t) { return TaxonomyTermJson(t); });
}

ApiReply TaxonomyTermReply(store::Connection& c, const LocaleChain& chain, std::string_view id) {
  auto t = hsds::TaxonomyTermById(c, chain, id);
  if (!t) return NotFound("taxonomy_term");
  return Json(TaxonomyTermJson(*t));
}

ApiReply Problem(int status, std::string_view title, std::string_view detail) {
  json::object o{{"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  return {status, "application/problem+json", json::serialize(o)};
}

ApiReply MethodNotAllowed(std::string_view method, std::string_view allow) {
  return Problem(405, "Method Not Allowed",
                 "This endpoint does not answer " + std::string(method) + "; it answers " +
                     std::string(allow) + ". The API is read-only.");
}

ApiReply BadParameter(const Error& error) {
  ApiReply r = Problem(400, "Bad Request", error.detail);
  if (!error.fields.empty()) {
    json::object o = json::parse(r.body).as_object();
    o["parameter"] = error.fields.front().field;
    r.body = json::serialize(o);
  }
  return r;
}

std::string EntityTag(std::string_view body) {
  return "\"" + Fnv1a64Hex(body) + "\"";
}

http::Response ToResponse(const http::Request& request, ApiReply reply) {
  http::Response r;
  r.status = reply.status;
  r.Set("Content-Type", reply.content_type);
  r.Set("Access-Control-Allow-Origin", "*");
  r.Set("X-Content-Type-Options", "nosniff");
  if (reply.status != 200) {
    r.Set("Cache-Control", "no-store");
    r.body = std::move(reply.body);
    return r;
  }
  const std::string etag = reply.etag.empty() ? EntityTag(reply.body) : std::move(reply.etag);
  r.Set("ETag", etag);
  r.Set("Cache-Control", "public, max-age=60");
  if (auto inm = request.Header("if-none-match");
      inm && (*inm == etag || *inm == "*" || inm->find(etag) != std::string_view::npos)) {
    r.status = 304;
    return r;
  }
  r.body = std::move(reply.body);
  return r;
}

}  // namespace tilti::api
