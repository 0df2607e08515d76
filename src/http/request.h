#pragma once
// The request and response types every handler sees. No Beast type leaks out of src/http.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tilti::http {

struct Request {
  std::string method;  // "GET", "POST", ... as sent
  std::string target;  // raw request target, e.g. "/lv/libraries?q=Ogre"
  std::string path;    // percent-decoded path without the query, e.g. "/lv/libraries"
  std::string query;   // raw query string after '?', not decoded ("" if none)
  // Header fields in arrival order; names lower-cased.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote_address;  // peer IP address
  std::string request_id;      // unique per request; echoed as X-Request-Id
  // Path parameters filled in by the router: "/{lang}/x/{slug}" -> {"lang","slug"}.
  std::map<std::string, std::string, std::less<>> params;

  // The first header with this (case-insensitive) name, if any.
  std::optional<std::string_view> Header(std::string_view name) const;
  // A path parameter; empty if absent.
  std::string_view Param(std::string_view name) const;
  // The value of cookie `name` from the Cookie header, if sent.
  std::optional<std::string_view> Cookie(std::string_view name) const;
};

// Decodes an application/x-www-form-urlencoded string ('+' is a space) into name/value pairs
// in order. Malformed escapes are kept literally rather than failing: the caller validates.
std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view query);

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // The route pattern that produced this response ("/{lang}/libraries/{slug}", or "-" when
  // nothing matched); used for the access log and metrics only.
  std::string route = "-";

  // Replaces any header of that name.
  void Set(std::string_view name, std::string_view value);
  std::optional<std::string_view> Header(std::string_view name) const;
};

}  // namespace tilti::http
