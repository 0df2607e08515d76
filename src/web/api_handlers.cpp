// Handlers of the HSDS API (/api/v1): parse the query, call one src/api function, send.
#include "api/hsds_api.h"
#include "web/handlers.h"

namespace tilti::web {
namespace {

using ListReplyFn = api::ApiReply (*)(store::Connection&, const LocaleChain&,
                                      const api::ListParams&);
using ItemReplyFn = api::ApiReply (*)(store::Connection&, const LocaleChain&, std::string_view);

// The chain the pages use for this language (uk -> en -> lv, never ru for uk).
LocaleChain ChainFor(const Site& site, std::string_view lang) {
  const i18n::LocaleInfo* locale = site.messages().Find(lang);
  if (locale == nullptr) return {std::string(lang), "lv"};
  return site.Chain(*locale);
}

// A reply depends only on the path, the query and the directory: made once per directory
// version and served from the node's cache (web/response_cache.h) until the directory changes.
// ToResponse still runs per request (If-None-Match, headers); the ETag is made once, with the
// reply.
template <typename Make>
http::Response Cached(const Site& site, const http::Request& request, Make make) {
  const int64_t version = site.DirectoryVersion();
  const std::string key = "api:" + request.path + "?" + request.query;
  if (auto hit = site.answers().Get(key, version)) {
    return api::ToResponse(
        request, api::ApiReply{hit->status, hit->content_type, hit->body, hit->etag});
  }
  api::ApiReply reply = make(*site.db().Read());
  if (reply.status == 200) reply.etag = api::EntityTag(reply.body);
  site.answers().Put(key, version, {reply.status, reply.content_type, reply.body, reply.etag});
  return api::ToResponse(request, std::move(reply));
}

http::Response List(const Site& site, const http::Request& request, ListReplyFn reply) {
  auto params = api::ParseListParams(request.query);
  if (!params.ok()) return api::ToResponse(request, api::BadParameter(params.error()));
  const LocaleChain chain = ChainFor(site, params.value().lang);
  return Cached(site, request,
                [&](store::Connection& c) { return reply(c, chain, params.value()); });
}

http::Response Item(const Site& site, const http::Request& request, ItemReplyFn reply) {
  auto params = api::ParseListParams(request.query);
  if (!params.ok()) return api::ToResponse(request, api::BadParameter(params.error()));
  const LocaleChain chain = ChainFor(site, params.value().lang);
  return Cached(site, request,
                [&](store::Connection& c) { return reply(c, chain, request.Param("id")); });
}

}  // namespace

http::Response ApiRoot(const Site& site, http::Request& request) {
  return api::ToResponse(request, api::RootReply(site.options().public_url));
}
http::Response ApiProfile(const Site& site, http::Request& request) {
  return api::ToResponse(request, api::ProfileReply(site.RenderDocument("hsds_profile")));
}
http::Response ApiServices(const Site& site, http::Request& request) {
  return List(site, request, api::ServicesReply);
}
http::Response ApiService(const Site& site, http::Request& request) {
  return Item(site, request, api::ServiceReply);
}
http::Response ApiOrganizations(const Site& site, http::Request& request) {
  return List(site, request, api::OrganizationsReply);
}
http::Response ApiOrganization(const Site& site, http::Request& request) {
  return Item(site, request, api::OrganizationReply);
}
http::Response ApiServiceAtLocations(const Site& site, http::Request& request) {
  return List(site, request, api::ServiceAtLocationsReply);
}
http::Response ApiServiceAtLocation(const Site& site, http::Request& request) {
  return Item(site, request, api::ServiceAtLocationReply);
}
http::Response ApiTaxonomies(const Site& site, http::Request& request) {
  return List(site, request, api::TaxonomiesReply);
}
http::Response ApiTaxonomy(const Site& site, http::Request& request) {
  return Item(site, request, api::TaxonomyReply);
}
http::Response ApiTaxonomyTerms(const Site& site, http::Request& request) {
  return List(site, request, api::TaxonomyTermsReply);
}
http::Response ApiTaxonomyTerm(const Site& site, http::Request& request) {
  return Item(site, request, api::TaxonomyTermReply);
}
http::Response ApiNotFound(const Site& site, http::Request& request) {
  (void)site;
  return api::ToResponse(request, api::Problem(404, "Not Found", "There is no such API endpoint."));
}

}  // namespace tilti::web
