#pragma once
// Splits a request target into the decoded path the router sees and the raw query.
// Internal to src/http.
#include <optional>
#include <string>
#include <string_view>

namespace tilti::http {

struct RequestTarget {
  std::string path;   // percent-decoded, starts with '/' (or is "*")
  std::string query;  // raw, after the first '?', "" if none
};

// Accepts origin form ("/a/b?q"), absolute form ("http://host/a?q", whose authority is
// ignored: Host decides) and "*". Returns nothing (the caller answers 400) if the target is
// none of these, has a malformed percent escape in the path, or decodes to a NUL byte.
std::optional<RequestTarget> ParseRequestTarget(std::string_view target);

}  // namespace tilti::http
