#include "http/router.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace tilti::http {
namespace {

// "/a/{b}/" -> {"a", "{b}", ""}: the trailing empty segment is kept so that "/lv/" and "/lv"
// stay different paths, as they are different URLs.
std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.starts_with('/')) path.remove_prefix(1);
  for (;;) {
    size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return out;
    path.remove_prefix(slash + 1);
  }
}

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool IsTail(std::string_view segment) {
  return IsParam(segment) && segment.ends_with("...}") && segment.size() > 5;
}

std::string ParamName(std::string_view segment) {
  segment = segment.substr(1, segment.size() - 2);
  if (segment.ends_with("...")) segment.remove_suffix(3);
  return std::string(segment);
}

using Params = std::map<std::string, std::string, std::less<>>;

// Matches path segments against pattern segments; fills `params` only on success.
bool MatchSegments(const std::vector<std::string>& pattern, std::string_view path, Params& params) {
  std::vector<std::string_view> segments = Split(path);
  Params found;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& p = pattern[i];
    if (IsTail(p)) {
      if (i >= segments.size()) return false;
      // The tail is the rest of the path as sent, slashes included.
      const char* begin = segments[i].data();
      std::string_view rest(begin, path.data() + path.size() - begin);
      if (rest.empty()) return false;
      found[ParamName(p)] = std::string(rest);
      params = std::move(found);
      return true;
    }
    if (i >= segments.size()) return false;
    if (IsParam(p)) {
      if (segments[i].empty()) return false;
      found[ParamName(p)] = std::string(segments[i]);
    } else if (p != segments[i]) {
      return false;
    }
  }
  if (segments.size() != pattern.size()) return false;
  params = std::move(found);
  return true;
}

void AddAllowed(std::vector<std::string>& allowed, const std::string& method) {
  auto add = [&](const std::string& m) {
    if (std::ranges::find(allowed, m) == allowed.end()) allowed.push_back(m);
  };
  add(method);
  if (method == "GET") add("HEAD");
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler) {
  if (!pattern.starts_with('/')) {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  std::vector<std::string> segments;
  for (std::string_view s : Split(pattern)) segments.emplace_back(s);
  for (size_t i = 0; i + 1 < segments.size(); ++i) {
    if (IsTail(segments[i])) {
      throw std::invalid_argument("a {name...} segment must be last: " + pattern);
    }
  }
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(segments), std::move(handler)});
}

Router::Match Router::Find(Request& request) const {
  Match result;
  for (const Route& route : routes_) {
    Params params;
    if (!MatchSegments(route.segments, request.path, params)) continue;
    bool method_ok =
        route.method == request.method || (request.method == "HEAD" && route.method == "GET");
    if (method_ok) {
      request.params = std::move(params);
      result.outcome = Outcome::kMatched;
      result.handler = &route.handler;
      result.pattern = route.pattern;
      result.allowed.clear();
      return result;
    }
    if (result.outcome == Outcome::kNotFound) {
      result.outcome = Outcome::kMethodNotAllowed;
      result.pattern = route.pattern;
    }
    AddAllowed(result.allowed, route.method);
  }
  return result;
}

}  // namespace tilti::http
