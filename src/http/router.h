#pragma once
// Matches a method and path against route patterns like "/{lang}/libraries/{slug}".
// A `{name}` segment matches one non-empty path segment; literal segments match exactly.
// A pattern may end in "{name...}" to match the rest of the path (one or more segments).
// Routes are tried in the order they were added; the first whose path matches wins.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"

namespace tilti::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);

  enum class Outcome { kMatched, kNotFound, kMethodNotAllowed };
  struct Match {
    Outcome outcome = Outcome::kNotFound;
    const Handler* handler = nullptr;  // set when kMatched; owned by the router
    std::string pattern;               // the matched pattern (kMatched or kMethodNotAllowed)
    std::vector<std::string> allowed;  // methods allowed on this path (kMethodNotAllowed)
  };
  // Fills request.params on a match. HEAD matches GET routes.
  Match Find(Request& request) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace tilti::http
