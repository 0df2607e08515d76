#pragma once
// The HSDS 3.0 API (/api/v1) as pure functions: typed parameters and a database connection in,
// a finished reply out. The web handlers only parse, call one of these and send.
#include <string>
#include <string_view>

#include "api/hsds_params.h"
#include "core/error.h"
#include "core/localized_text.h"
#include "http/request.h"
#include "store/sql.h"

namespace tilti::api {

struct ApiReply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string etag = {};  // EntityTag(body), kept with a cached reply; worked out when empty
};

// GET /api/v1/: the HSDS version, our profile's URL (`public_url` + "/api/v1/profile") and the
// OpenAPI description. `public_url` has no trailing slash (the configuration strips it).
ApiReply RootReply(std::string_view public_url);

// GET /api/v1/profile: the profile document (docs/hsds-profile.md), Markdown as written.
ApiReply ProfileReply(std::string markdown);

ApiReply ServicesReply(store::Connection& c, const LocaleChain& chain, const ListParams& p);
ApiReply ServiceReply(store::Connection& c, const LocaleChain& chain, std::string_view id);
ApiReply OrganizationsReply(store::Connection& c, const LocaleChain& chain, const ListParams& p);
ApiReply OrganizationReply(store::Connection& c, const LocaleChain& chain, std::string_view id);
ApiReply ServiceAtLocationsReply(store::Connection& c, const LocaleChain& chain,
                                 const ListParams& p);
ApiReply ServiceAtLocationReply(store::Connection& c, const LocaleChain& chain,
                                std::string_view id);
ApiReply TaxonomiesReply(store::Connection& c, const LocaleChain& chain, const ListParams& p);
ApiReply TaxonomyReply(store::Connection& c, const LocaleChain& chain, std::string_view id);
ApiReply TaxonomyTermsReply(store::Connection& c, const LocaleChain& chain, const ListParams& p);
ApiReply TaxonomyTermReply(store::Connection& c, const LocaleChain& chain, std::string_view id);

// RFC 9457 problem details (application/problem+json). Titles and details are English: the
// readers are developers of API clients.
ApiReply Problem(int status, std::string_view title, std::string_view detail);
// 405 for `method` on an endpoint that allows only `allow` (the Allow header's value, which
// the caller sets too).
ApiReply MethodNotAllowed(std::string_view method, std::string_view allow);
// 400 naming the bad parameter of a failed ParseListParams.
ApiReply BadParameter(const Error& error);

// The reply as an HTTP response: a strong ETag of the body, 304 when If-None-Match has it,
// Cache-Control public for 60 s on success (no-store on problems), CORS open to all origins.
http::Response ToResponse(const http::Request& request, ApiReply reply);

// A strong entity tag for `body`: quoted hex of a 64-bit FNV-1a hash.
std::string EntityTag(std::string_view body);

}  // namespace tilti::api
